"""Letter templates: Jinja2 in a sandbox, with named, documented fields, versioned per school.

A template is plain Dutch text. Its first line is `Betreft: …` (the subject); after it, a blank
line separates paragraphs, a line starting with `## ` is a heading and a line starting with `- `
an item of a list. Fields are written `{{ leerling_roepnaam }}`; `{% if aan == "ouders" %} … {%
endif %}` writes a passage for one kind of recipient or variant only.

The shipped templates live in resources/letters/<key>.txt (version 0); a school's edits are
stored as versions 1, 2, … in `letter_template`, the newest one in force. A template that names a
field that does not exist, or does not parse, is refused with its line and the field named.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verzuimdesk import paths
from verzuimdesk.domain.letters import ALL_LETTERS, LETTER_TITLES, Letter
from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import NotFoundError, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.store.letters import LetterTemplateRow

STYLES = ("standaard", "onderzoek")
# letters that have a variant built on the evidence (the ones parents get while absence rises)
EVIDENCE_LETTERS = frozenset({Letter.A, Letter.B, Letter.C, Letter.D, Letter.E})


@dataclass(frozen=True)
class FieldDoc:
    name: str
    meaning: str
    example: str


# every field a template may use, with its meaning and the demo student's value (the preview)
FIELDS: tuple[FieldDoc, ...] = (
    FieldDoc("aan", "voor wie deze brief is: leerling, ouders of leerbedrijf", "ouders"),
    FieldDoc("aanhef", "de aanhef, bijvoorbeeld 'Beste J. de Vries'", "Beste J. de Vries"),
    FieldDoc("leerling_roepnaam", "roepnaam van de leerling", "Sam"),
    FieldDoc("leerling_naam", "volledige naam van de leerling", "Sam de Vries"),
    FieldDoc("leerlingnummer", "leerlingnummer", "123456"),
    FieldDoc("klas", "klas of groep", "2B"),
    FieldDoc("opleiding", "opleiding of afdeling", "Verzorgende IG"),
    FieldDoc("mentor", "naam van de mentor of SLB-er", "mevrouw El Amrani"),
    FieldDoc("woongemeente", "woongemeente van de leerling", "Utrecht"),
    FieldDoc("geboortedatum", "geboortedatum van de leerling", "1 maart 2009"),
    FieldDoc(
        "variant", "leerplicht, rmc of niet-meldbaar (brieven b–e), anders leeg", "leerplicht"
    ),
    FieldDoc(
        "instantie",
        "wie de melding kreeg: de leerplichtambtenaar of het RMC van de woongemeente",
        "de leerplichtambtenaar van de gemeente Utrecht",
    ),
    FieldDoc("datum_gebeurtenis", "de dag van de gebeurtenis", "maandag 22 september 2025"),
    FieldDoc("brief_datum", "de datum op de brief", "woensdag 24 september 2025"),
    FieldDoc("melding_nummer", "de hoeveelste melding dit schooljaar (brieven b–d)", "2"),
    FieldDoc("melding_van", "eerste dag van de gemelde periode", "1 september 2025"),
    FieldDoc("melding_tot", "laatste dag van de gemelde periode", "19 september 2025"),
    FieldDoc("uren_melding", "uren zonder geldige reden in de gemelde periode", "16,7"),
    FieldDoc("dagen_afwezig", "dagen dit schooljaar met ongeoorloofd verzuim (tot nu)", "7"),
    FieldDoc("uren_afwezig", "uren ongeoorloofd verzuim dit schooljaar (tot nu)", "21,5"),
    FieldDoc(
        "dagen_klasgenoot",
        "dagen met ongeoorloofd verzuim van de gewone klasgenoot (de mediaan van de klas)",
        "1",
    ),
    FieldDoc("schorsing_reden", "reden van de schorsing", "bedreiging van een medestudent"),
    FieldDoc("schorsing_van", "eerste dag van de schorsing", "donderdag 25 september 2025"),
    FieldDoc("schorsing_tot", "laatste dag van de schorsing", "vrijdag 26 september 2025"),
    FieldDoc("besloten_door", "wie besloot (schorsing)", "de onderwijsdirecteur, M. Jansen"),
    FieldDoc("besloten_op", "de dag van het besluit", "woensdag 24 september 2025"),
    FieldDoc("verwijdering_besluit", "het besluit tot verwijdering", "verwijdering wegens …"),
    FieldDoc(
        "verwijdering_van", "de dag vanaf wanneer de leerling verwijderd is", "1 oktober 2025"
    ),
    FieldDoc("gesprek_gehouden", "ja of nee: het gesprek vóór de verwijdering is gehouden", "ja"),
    FieldDoc("gesprek_datum", "de dag van dat gesprek", "maandag 29 september 2025"),
    FieldDoc(
        "gesprek_moment",
        "dag, tijd en plaats van een verzuimgesprek (uitnodiging)",
        "dinsdag 30 september om 10.00 uur, lokaal 1.12",
    ),
    FieldDoc("achttien_op", "de dag waarop de leerling 18 wordt", "24 september 2025"),
    FieldDoc(
        "ouders_na_18",
        "ja of nee: informeert de school ouders van een 18-plusser die zelf niets koos (beleid)",
        "ja",
    ),
    FieldDoc("leerbedrijf_naam", "naam van het leerbedrijf", "Bakkerij Jansen"),
    FieldDoc("contactpersoon", "wie op school de brief ondertekent", "A. de Boer"),
    FieldDoc("contact_functie", "functie van de ondertekenaar", "verzuimcoördinator"),
    FieldDoc("contact_telefoon", "telefoonnummer van de school", "030 123 45 67"),
    FieldDoc("contact_email", "e-mailadres van de school", "verzuim@school.nl"),
    FieldDoc("school_naam", "naam van de school", "Het Voorbeeld College"),
    FieldDoc("bezwaar_weken", "bezwaartermijn in weken (Awb 6:7)", "6"),
    FieldDoc("klacht_werkdagen", "termijn voor een klacht in werkdagen (seed 001 §4.3)", "10"),
)
FIELD_NAMES = frozenset(f.name for f in FIELDS)


def demo_fields() -> dict[str, str]:
    """The demo student's values, for the live preview in the editor."""
    return {f.name: f.example for f in FIELDS}


# -- keys ------------------------------------------------------------------------------------


def template_key(letter: Letter, style: str = "standaard") -> str:
    if style == "onderzoek" and letter in EVIDENCE_LETTERS:
        return f"{letter.value}-onderzoek"
    return letter.value


def all_template_keys() -> list[str]:
    keys = []
    for letter in ALL_LETTERS:
        keys.append(letter.value)
        if letter in EVIDENCE_LETTERS:
            keys.append(f"{letter.value}-onderzoek")
    return keys


def key_title(key: str) -> str:
    base, _, style = key.partition("-")
    title = f"{base}. {LETTER_TITLES[Letter(base)]}"
    return f"{title} (variant op basis van onderzoek)" if style else title


def shipped_body(key: str) -> str:
    path = paths.resources_dir() / "letters" / f"{key}.txt"
    if not path.is_file():
        raise NotFoundError(f"Er is geen briefsjabloon '{key}'.")
    return path.read_text(encoding="utf-8")


# -- the sandbox -----------------------------------------------------------------------------

_ENV = SandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


def _assigned_names(tree: nodes.Template) -> set[str]:
    names: set[str] = set()
    for node in tree.find_all((nodes.Assign, nodes.For, nodes.Macro)):
        target = getattr(node, "target", None)
        if target is not None:
            names |= {n.name for n in target.find_all(nodes.Name)}
            if isinstance(target, nodes.Name):
                names.add(target.name)
        if isinstance(node, nodes.Macro):
            names.add(node.name)
            names |= {a.name for a in node.args}
    return names


def check_template(body: str, key: str = "") -> None:
    """Refuse a template that does not parse, names an unknown field or lacks its subject."""
    where = "Het sjabloon"
    if key in all_template_keys():
        where = f"Sjabloon '{key_title(key)}'"
    try:
        tree = _ENV.parse(body)
    except TemplateSyntaxError as exc:
        raise ValidationError(
            f"{where}, regel {exc.lineno}: de opmaak klopt niet ({exc.message}). Controleer de "
            "{{ }} en {% %} op die regel.",
            field=f"regel {exc.lineno}",
        ) from exc
    own = _assigned_names(tree)
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name not in FIELD_NAMES and name.name not in own:
            close = difflib.get_close_matches(name.name, sorted(FIELD_NAMES), n=1)
            hint = f" Bedoelt u '{close[0]}'?" if close else ""
            raise ValidationError(
                f"{where}, regel {name.lineno}: het veld '{name.name}' bestaat niet.{hint} "
                "De velden staan in de lijst 'Velden'.",
                field=name.name,
            )
    try:
        text = _ENV.from_string(body).render(demo_fields())
    except TemplateSyntaxError as exc:
        raise ValidationError(
            f"{where}, regel {exc.lineno}: {exc.message}.", field=f"regel {exc.lineno}"
        ) from exc
    except TemplateError as exc:
        raise ValidationError(
            f"{where}: het sjabloon kan niet worden ingevuld ({exc}).", field="sjabloon"
        ) from exc
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.startswith("Betreft:"):
        raise ValidationError(
            f"{where}, regel 1: een brief begint met 'Betreft: …' (het onderwerp).",
            field="regel 1",
        )


@dataclass(frozen=True)
class Rendered:
    subject: str
    blocks: tuple[tuple[str, str], ...]  # ("p" | "h" | "li", text)


def parse_text(text: str) -> Rendered:
    """The filled text as a subject and blocks: paragraphs, headings and list items."""
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    subject = lines.pop(0).removeprefix("Betreft:").strip() if lines else ""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(("p", " ".join(paragraph)))
            paragraph.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            blocks.append(("h", line[3:].strip()))
        elif line.startswith("- "):
            flush()
            blocks.append(("li", line[2:].strip()))
        else:
            paragraph.append(line)
    flush()
    return Rendered(subject, tuple(blocks))


@lru_cache(maxsize=64)
def _compiled(body: str) -> Template:
    """A template compiled once per text: a batch of 500 letters fills one template 500 times."""
    return _ENV.from_string(body)


def render_body(body: str, values: dict[str, str]) -> Rendered:
    missing = FIELD_NAMES - set(values)
    filled = {**{name: "" for name in missing}, **values}
    return parse_text(_compiled(body).render(filled))


# -- versions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateVersion:
    key: str
    version: int  # 0 = shipped
    body: str
    created_at: object | None = None
    created_by: str | None = None


def current_template(session: Session, key: str) -> TemplateVersion:
    row = session.scalars(
        select(LetterTemplateRow)
        .where(LetterTemplateRow.key == key)
        .order_by(LetterTemplateRow.version.desc())
        .limit(1)
    ).first()
    if row is None:
        return TemplateVersion(key, 0, shipped_body(key))
    return TemplateVersion(key, row.version, row.body, row.created_at, row.created_by)


def template_version(session: Session, key: str, version: int) -> TemplateVersion:
    if version == 0:
        return TemplateVersion(key, 0, shipped_body(key))
    row = session.scalars(
        select(LetterTemplateRow).where(
            LetterTemplateRow.key == key, LetterTemplateRow.version == version
        )
    ).first()
    if row is None:
        raise NotFoundError(f"Versie {version} van sjabloon '{key}' bestaat niet.")
    return TemplateVersion(key, row.version, row.body, row.created_at, row.created_by)


def get_template(ctx: Context, key: str) -> TemplateVersion:
    require(ctx, Permission.LETTERS)
    with ctx.db.unit_of_work() as session:
        return current_template(session, key)


def list_versions(ctx: Context, key: str) -> list[TemplateVersion]:
    require(ctx, Permission.LETTERS)
    with ctx.db.unit_of_work() as session:
        rows = session.scalars(
            select(LetterTemplateRow)
            .where(LetterTemplateRow.key == key)
            .order_by(LetterTemplateRow.version)
        ).all()
        own = [TemplateVersion(key, r.version, r.body, r.created_at, r.created_by) for r in rows]
    return [TemplateVersion(key, 0, shipped_body(key)), *own]


def save_template(ctx: Context, key: str, body: str) -> tuple[int, Changes]:
    """Store a new version of the template after checking it; returns its version number."""
    require(ctx, Permission.LETTER_TEMPLATES)
    if key not in all_template_keys():
        raise NotFoundError(f"Er is geen briefsjabloon '{key}'.")
    check_template(body, key)
    with ctx.db.unit_of_work() as session:
        current = current_template(session, key)
        if current.body == body:
            return current.version, Changes()
        highest = session.scalar(
            select(func.max(LetterTemplateRow.version)).where(LetterTemplateRow.key == key)
        )
        version = (highest or 0) + 1
        session.add(
            LetterTemplateRow(
                key=key, version=version, body=body, created_at=ctx.now(), created_by=ctx.user
            )
        )
        audit.record(
            session,
            ctx,
            "briefsjabloon.opgeslagen",
            "letter_template",
            key,
            {"versie": current.version},
            {"versie": version},
        )
    return version, Changes(settings=True)


def preview_template(ctx: Context, key: str, body: str) -> Rendered:
    """The template filled with the demo student's values (the editor's live preview); a broken
    template raises the same ValidationError as saving it would."""
    require(ctx, Permission.LETTERS)
    check_template(body, key)
    return render_body(body, demo_fields())


def format_day(day: date | None, with_weekday: bool = True) -> str:
    from verzuimdesk.services.printing.styles import dutch_date

    if day is None:
        return ""
    text = dutch_date(day)
    return text if with_weekday else text.split(" ", 1)[1]
