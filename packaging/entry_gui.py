"""The frozen window program (verzuimdesk-gui.exe: no console window on Windows)."""

import sys

from verzuimdesk.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
