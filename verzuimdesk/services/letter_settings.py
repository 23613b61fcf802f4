"""The school's letter settings: letterhead (logo, name, address, phone, website), signature
block, the position of the address block for a window envelope, and which letters use the
variant built on the evidence (Rogers & Feller 2018).

Stored as one JSON value in the `setting` table, shared by every workstation. A logo is stored
once under its SHA-256 (`brieven.logo.<sha>`) and never removed, so an archived letter that names
it can always be printed again with the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from verzuimdesk.domain.letters import Letter
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.store.school import Setting

KEY = "brieven.instellingen"
LOGO_PREFIX = "brieven.logo."
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MAX_LOGO_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class AddressBlock:
    """The address field of a window envelope, in mm from the page's top-left corner.

    Default DIN 5008 form B: the field starts 45 mm from the top and 20 mm from the left and is
    85 × 45 mm; its first 17.7 mm hold the return address and notes such as "Aangetekend",
    the address itself the remaining 27.3 mm."""

    left_mm: float = 20.0
    top_mm: float = 45.0
    width_mm: float = 85.0
    height_mm: float = 45.0
    note_zone_mm: float = 17.7


@dataclass(frozen=True)
class LetterSettings:
    school_naam: str = ""
    adres: str = ""  # street and number
    postcode_plaats: str = ""
    telefoon: str = ""
    website: str = ""
    email: str = ""
    logo_sha: str | None = None
    ondertekenaar: str = ""  # signature: name
    functie: str = ""  # signature: function
    plaats: str = ""  # "Utrecht, 3 december 2026"
    block: AddressBlock = field(default_factory=AddressBlock)
    # letters for which the evidence-based variant is used (`a`, `b`, …)
    onderzoek_brieven: tuple[str, ...] = ()

    def style_for(self, letter: Letter) -> str:
        return "onderzoek" if letter.value in self.onderzoek_brieven else "standaard"

    def to_json(self) -> str:
        data = asdict(self)
        data["onderzoek_brieven"] = list(self.onderzoek_brieven)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> LetterSettings:
        data: dict[str, Any] = json.loads(text)
        block = AddressBlock(**data.pop("block", {}))
        data["onderzoek_brieven"] = tuple(data.get("onderzoek_brieven", ()))
        known = set(LetterSettings.__dataclass_fields__)
        return LetterSettings(block=block, **{k: v for k, v in data.items() if k in known})


def load_settings(session: Session) -> LetterSettings:
    """The stored settings; until the school saved them, the letterhead comes from Instellingen >
    School (name, address, phone, e-mail)."""
    row = session.get(Setting, KEY)
    if row is None:
        from verzuimdesk.services.school_settings import read_details

        details = read_details(session)
        return LetterSettings(
            school_naam=details.name,
            adres=details.adres,
            postcode_plaats=f"{details.postcode}  {details.plaats}".strip(),
            telefoon=details.telefoon,
            email=details.email,
            plaats=details.plaats,
        )
    return LetterSettings.from_json(row.value)


def calibration_pdf(ctx: Context, settings: LetterSettings) -> bytes:
    """The calibration page for these settings (checked first): the address field drawn where a
    letter puts it, to hold against a window envelope."""
    require(ctx, Permission.LETTERS)
    check_block(settings.block)
    from verzuimdesk.services.printing.letters_pdf import render_calibration

    return render_calibration(asdict(settings.block), {"school_naam": settings.school_naam})


def get_letter_settings(ctx: Context) -> LetterSettings:
    require(ctx, Permission.LETTERS)
    with ctx.db.unit_of_work() as session:
        return load_settings(session)


def check_block(block: AddressBlock) -> None:
    """An address block must lie on the A4 page and hold an address."""
    if block.width_mm < 60 or block.height_mm < 25 or block.note_zone_mm < 0:
        raise ValidationError(
            "Het adresvak is te klein: maak het minstens 60 mm breed en 25 mm hoog.",
            field="adresvak",
        )
    if block.note_zone_mm >= block.height_mm - 15:
        raise ValidationError(
            "De zone voor retouradres en 'Aangetekend' laat te weinig ruimte voor het adres: "
            "maak haar kleiner of het adresvak hoger.",
            field="adresvak",
        )
    right = block.left_mm + block.width_mm
    bottom = block.top_mm + block.height_mm
    if block.left_mm < 5 or block.top_mm < 5 or right > PAGE_WIDTH_MM - 5:
        raise ValidationError(
            f"Het adresvak valt buiten de pagina (links {block.left_mm:g} mm, boven "
            f"{block.top_mm:g} mm, breedte {block.width_mm:g} mm): een A4 is 210 mm breed en een "
            "printer drukt niet in de buitenste 5 mm. Pas de positie aan.",
            field="adresvak",
        )
    if bottom > 140:
        raise ValidationError(
            f"Het adresvak eindigt op {bottom:g} mm van de bovenkant: dat valt buiten het "
            "venster van een envelop en laat geen ruimte voor de brief. Kies een positie "
            "hoger op de pagina (DIN 5008 B: 45 mm).",
            field="adresvak",
        )


def check_logo(data: bytes, name: str = "logo") -> None:
    """Refuse a file that is not a PNG or JPEG image ReportLab can draw."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            f"Het bestand '{name}' is te groot ({len(data) // 1024} kB): kies een logo van "
            "hoogstens 2 MB.",
            field="logo",
        )
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise ValidationError(
            f"Het bestand '{name}' is geen afbeelding (PNG of JPEG). Kies het logo als .png- "
            "of .jpg-bestand.",
            field="logo",
        )
    from reportlab.lib.utils import ImageReader

    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # PIL or ReportLab: any failure means it cannot be printed
        raise ValidationError(
            f"Het bestand '{name}' is beschadigd en kan niet als logo worden gebruikt: "
            "sla het opnieuw op als PNG of JPEG.",
            field="logo",
        ) from exc
    if width < 1 or height < 1:
        raise ValidationError(f"Het bestand '{name}' is leeg.", field="logo")


def logo_bytes(session: Session, sha: str | None) -> bytes | None:
    if sha is None:
        return None
    row = session.get(Setting, LOGO_PREFIX + sha)
    return None if row is None else base64.b64decode(row.value)


def store_logo(session: Session, data: bytes, name: str = "logo") -> str:
    check_logo(data, name)
    sha = hashlib.sha256(data).hexdigest()
    if session.get(Setting, LOGO_PREFIX + sha) is None:
        session.add(Setting(key=LOGO_PREFIX + sha, value=base64.b64encode(data).decode("ascii")))
    return sha


def save_letter_settings(
    ctx: Context, settings: LetterSettings, logo_file: Path | None = None
) -> Changes:
    """Store the settings; a logo file given is checked and stored first (all or nothing)."""
    require(ctx, Permission.SETTINGS)
    check_block(settings.block)
    unknown = [x for x in settings.onderzoek_brieven if x not in {a.value for a in Letter}]
    if unknown:
        raise ValidationError(
            f"Onbekende brief(ven) voor de onderzoeksvariant: {', '.join(unknown)}.",
            field="onderzoek_brieven",
        )
    with ctx.db.unit_of_work() as session:
        if logo_file is not None:
            try:
                data = Path(logo_file).read_bytes()
            except OSError as exc:
                raise ValidationError(
                    f"Het logo '{logo_file}' kan niet worden gelezen: {exc.strerror}.",
                    field="logo",
                ) from exc
            settings = replace(settings, logo_sha=store_logo(session, data, Path(logo_file).name))
        row = session.get(Setting, KEY)
        before = None if row is None else json.loads(row.value)
        if row is None:
            row = Setting(key=KEY, value="")
            session.add(row)
        row.value = settings.to_json()
        audit.record(
            session, ctx, "brieven.instellingen", "setting", KEY, before, json.loads(row.value)
        )
    return Changes(settings=True)
