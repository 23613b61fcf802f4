; Inno Setup script: the Windows installer for verzuimdesk (built by the Windows workflow,
; .github/workflows/windows.yml, from the PyInstaller folder dist\verzuimdesk).
;
; - Per user, without administrator rights: installs in %LOCALAPPDATA%\Programs\verzuimdesk.
; - A Start-menu entry for the window program (and one for the uninstaller).
; - The uninstaller removes the program only. The school's data, back-ups and logs live in
;   %LOCALAPPDATA%\verzuimdesk (platformdirs' user data folder), which this installer never
;   writes and the uninstaller never deletes.
;
; Build: iscc /DAppVersion=0.1.0 packaging\verzuimdesk.iss   (from the repository root)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1D3E0B-8F5A-4C27-9D1E-7A2B4C5D6E70}
AppName=verzuimdesk
AppVersion={#AppVersion}
AppPublisher=verzuimdesk
DefaultDirName={localappdata}\Programs\verzuimdesk
DefaultGroupName=verzuimdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
OutputDir=..\dist\installer
OutputBaseFilename=verzuimdesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\verzuimdesk.ico
UninstallDisplayIcon={app}\verzuimdesk-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\packaging\LICENCE.txt

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "Snelkoppeling op het bureaublad"; GroupDescription: "Extra:"; Flags: unchecked

[Files]
Source: "..\dist\verzuimdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\verzuimdesk"; Filename: "{app}\verzuimdesk-gui.exe"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\verzuimdesk verwijderen"; Filename: "{uninstallexe}"
Name: "{autodesktop}\verzuimdesk"; Filename: "{app}\verzuimdesk-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\verzuimdesk-gui.exe"; Description: "verzuimdesk starten"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself left in its own folder; never {localappdata}\verzuimdesk (data)
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Messages]
dutch.UninstallStatusLabel=verzuimdesk wordt verwijderd. De gegevens van de school, de back-ups en de logbestanden in %LOCALAPPDATA%\verzuimdesk blijven bewaard.
