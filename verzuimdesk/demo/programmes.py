"""The MBO programmes (opleidingen) of the demo school, with the subjects taught in them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Programme:
    name: str
    short: str  # the start of its class codes: ICT2A
    niveau: int
    years: int
    weight: float  # how many students choose it, relative to the others
    bbl_share: float  # the share of its classes that are BBL (work-based)
    vakken: tuple[str, ...]  # the beroepsvakken (vocational subjects)
    duits: bool = False  # German is part of the programme (commerce, hospitality, logistics)


# fmt: off
PROGRAMMES: tuple[Programme, ...] = (
    Programme("Entree - assistent dienstverlening en zorg", "ENT", 1, 1, 4, 0.0,
              ("dienstverlening", "praktijkles", "werken in een team")),
    Programme("Software developer", "SD", 4, 3, 8, 0.0,
              ("programmeren", "databases", "webdevelopment", "projectwerk")),
    Programme("Expert IT systems and devices", "ICT", 4, 3, 6, 0.1,
              ("netwerkbeheer", "besturingssystemen", "cloud", "servicedesk")),
    Programme("Medewerker ICT support", "ICS", 2, 2, 3, 0.2,
              ("hardware", "netwerken", "klantcontact")),
    Programme("Verzorgende-IG", "VIG", 3, 3, 8, 0.45,
              ("zorgverlening", "anatomie en fysiologie", "verpleegtechnische handelingen",
               "praktijkleren")),
    Programme("Mbo-verpleegkundige", "VPK", 4, 4, 7, 0.35,
              ("verpleegkunde", "pathologie", "farmacologie", "praktijkleren")),
    Programme("Pedagogisch medewerker kinderopvang", "PMK", 3, 3, 7, 0.2,
              ("pedagogiek", "ontwikkelingspsychologie", "spel en beweging", "praktijkleren")),
    Programme("Onderwijsassistent", "OWA", 4, 3, 4, 0.1,
              ("didactiek", "taal- en rekenonderwijs", "klassenmanagement")),
    Programme("Helpende zorg en welzijn", "HZW", 2, 2, 4, 0.3,
              ("zorgverlening", "huishoudelijke zorg", "praktijkleren")),
    Programme("Eerste monteur elektrotechnische installaties", "ELT", 3, 3, 5, 0.5,
              ("elektrotechniek", "installatietechniek", "werkplaats", "technisch tekenen")),
    Programme("Autotechnicus", "AUT", 2, 2, 4, 0.45,
              ("motorentechniek", "elektronica voertuigen", "werkplaats")),
    Programme("Timmerman", "TIM", 2, 2, 3, 0.7,
              ("houtbewerking", "bouwkunde", "werkplaats")),
    Programme("Kok", "KOK", 2, 2, 4, 0.35,
              ("keukentechniek", "warenkennis", "hygiëne (HACCP)", "praktijkkeuken"),
              duits=True),
    Programme("Zelfstandig werkend kok", "ZWK", 3, 3, 3, 0.35,
              ("keukentechniek", "menu en calculatie", "praktijkkeuken"), duits=True),
    Programme("Gastheer/gastvrouw", "HOR", 2, 2, 3, 0.3,
              ("bediening", "drankenkennis", "gastvrijheid"), duits=True),
    Programme("Verkoopspecialist", "RET", 3, 2, 4, 0.3,
              ("verkoop", "retailmanagement", "visual merchandising"), duits=True),
    Programme("Logistiek medewerker", "LOG", 2, 2, 3, 0.5,
              ("magazijnbeheer", "transport", "heftruck en veiligheid"), duits=True),
    Programme("Financieel administratief medewerker", "FAM", 3, 3, 4, 0.15,
              ("boekhouden", "bedrijfseconomie", "belastingen"), duits=True),
    Programme("Juridisch medewerker zakelijke dienstverlening", "JUR", 4, 3, 4, 0.0,
              ("recht", "juridische vaardigheden", "privaatrecht")),
    Programme("Sport- en bewegingscoördinator", "SB", 4, 3, 4, 0.0,
              ("sportleiding", "bewegingsleer", "evenementen", "training en coaching")),
    Programme("Mediavormgever", "MV", 4, 3, 3, 0.0,
              ("ontwerpen", "fotografie", "motion design", "projectwerk")),
)
# fmt: on

PROGRAMME_WEIGHTS: tuple[float, ...] = tuple(p.weight for p in PROGRAMMES)

# general subjects every class has, with lesuren per week for levels 1-2 and 3-4
GENERAL_HOURS: tuple[tuple[str, int, int], ...] = (
    ("Nederlands", 2, 3),
    ("rekenen", 2, 2),
    ("Engels", 0, 2),
    ("burgerschap", 1, 1),
    ("loopbaan (SLB)", 1, 1),
    ("sport en bewegen", 1, 1),
)
DUITS = "Duits"
SLB = "loopbaan (SLB)"
