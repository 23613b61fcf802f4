"""Students and their guardians (leerlingen.csv, ouders.csv), all invented.

Ages are spread so that every route of R-ROUTE occurs: most first-years are 16, later years
older, BBL students often in their twenties, a few 23 or 24; some students already hold a
startkwalificatie (an earlier mbo-2 diploma, or havo).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from random import Random

from verzuimdesk.demo.names import (
    BACKGROUNDS,
    DUTCH,
    DUTCH_FATHERS,
    DUTCH_MOTHERS,
    Background,
    email_part,
    feminine_surname,
)
from verzuimdesk.demo.places import Address, random_address
from verzuimdesk.demo.timetable import DemoClass
from verzuimdesk.domain.route import age_on

BACKGROUND_CUM_WEIGHTS: tuple[float, ...] = tuple(accumulate(b.weight for b in BACKGROUNDS))
# years above the usual age for the leerjaar: 0 = entered at 16 straight from vmbo
_AGE_OFFSETS = (-1, 0, 1, 2, 3, 4, 5, 6)
_AGE_OFFSET_WEIGHTS = (0.2, 0.42, 0.18, 0.09, 0.05, 0.03, 0.02, 0.01)
MIN_AGE, MAX_AGE = 15, 24


@dataclass
class DemoGuardian:
    naam: str
    relatie: str
    telefoon: str
    email: str
    address: Address
    post_ontvangen: bool


@dataclass
class DemoStudent:
    index: int
    leerlingnummer: str
    roepnaam: str
    tussenvoegsel: str | None
    achternaam: str
    background: str
    geboortedatum: date
    klas: DemoClass
    startkwalificatie: bool
    studiefinanciering: bool
    address: Address
    telefoon: str
    email: str
    ouders_informeren: bool | None
    ouders_informeren_datum: date | None
    ingeschreven_van: date
    ingeschreven_tot: date
    guardians: list[DemoGuardian] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.roepnaam, self.tussenvoegsel, self.achternaam) if p)

    def student_row(self) -> dict[str, object]:
        klas = self.klas
        return {
            "leerlingnummer": self.leerlingnummer,
            "roepnaam": self.roepnaam,
            "tussenvoegsel": self.tussenvoegsel,
            "achternaam": self.achternaam,
            "geboortedatum": self.geboortedatum,
            "klas": klas.code,
            "opleiding": klas.programme.name,
            "sector": "mbo",
            "niveau": str(klas.programme.niveau),
            "leerjaar": klas.leerjaar,
            "leerweg": klas.leerweg,
            "startkwalificatie": self.startkwalificatie,
            "studiefinanciering": self.studiefinanciering,
            "woongemeente": self.address.gemeente,
            "straat": self.address.straat,
            "postcode": self.address.postcode,
            "plaats": self.address.plaats,
            "telefoon": self.telefoon,
            "email": self.email,
            "ouders_informeren": self.ouders_informeren,
            "ouders_informeren_datum": self.ouders_informeren_datum,
            "ingeschreven_van": self.ingeschreven_van,
            "ingeschreven_tot": self.ingeschreven_tot,
        }


def _birth_date(rng: Random, age: int, on: date) -> date:
    """A birth date that makes someone exactly `age` on `on`."""
    try:
        latest = on.replace(year=on.year - age)
    except ValueError:  # 29 February
        latest = on.replace(year=on.year - age, day=28)
    born = latest - timedelta(days=rng.randrange(365))
    while age_on(born, on) > age:
        born += timedelta(days=1)
    while age_on(born, on) < age:
        born -= timedelta(days=1)
    return born


def _age(rng: Random, klas: DemoClass) -> int:
    if rng.random() < 0.025:
        return rng.choice((23, 24))  # zij-instromers and late switchers
    age = 16 + (klas.leerjaar - 1) + rng.choices(_AGE_OFFSETS, _AGE_OFFSET_WEIGHTS)[0]
    if klas.bbl and rng.random() < 0.6:
        age += rng.randint(1, 5)  # BBL students often start after some years of work
    return max(MIN_AGE, min(MAX_AGE, age))


def _startkwalificatie(rng: Random, klas: DemoClass, age: int) -> bool:
    if klas.programme.niveau == 1:
        return False  # entree students have none by definition
    if age >= 18:
        return rng.random() < 0.18
    return rng.random() < 0.03  # a havo diploma, then a practical programme


def _guardians(
    rng: Random,
    background: Background,
    student_surname: tuple[str, str],
    home: Address,
    number: int,
) -> list[DemoGuardian]:
    count = 2 if rng.random() < 0.55 else 1
    relations = ["moeder", "vader"] if rng.random() < 0.5 else ["vader", "moeder"]
    if rng.random() < 0.06:
        relations[0] = rng.choice(("voogd", "pleegmoeder", "stiefvader", "oma", "verzorger"))
    guardians: list[DemoGuardian] = []
    for i in range(count):
        relatie = relations[i]
        female = relatie in ("moeder", "pleegmoeder", "oma")
        if background is DUTCH:
            first = rng.choice(DUTCH_MOTHERS if female else DUTCH_FATHERS)
        else:
            first = rng.choice(background.girls if female else background.boys)
        if relatie == "vader" or (relatie == "moeder" and rng.random() < 0.3):
            tussenvoegsel, achternaam = student_surname
        else:
            tussenvoegsel, achternaam = rng.choice(background.surnames)
        if female:
            achternaam = feminine_surname(background, achternaam)
        naam = " ".join(p for p in (first, tussenvoegsel, achternaam) if p)
        # a second parent who lives elsewhere gets post less often
        elsewhere = i == 1 and rng.random() < 0.3
        address = random_address(rng) if elsewhere else home
        post = rng.random() < (0.6 if elsewhere else 0.93)
        email = f"{email_part(first)}.{email_part(tussenvoegsel + achternaam)}"
        guardians.append(
            DemoGuardian(
                naam=naam,
                relatie=relatie,
                telefoon=f"06-2{number + i:07d}",
                email=f"{email}{(number + i) % 1000}@example.com",
                address=address,
                post_ontvangen=post,
            )
        )
    return guardians


def make_students(
    rng: Random, classes: list[DemoClass], students: int, first_day: date, until: date
) -> list[DemoStudent]:
    """`students` students over the classes, ages counted on the first lesdag."""
    numbers = rng.sample(range(100_000, 1_000_000), students)
    base, extra = divmod(students, len(classes))
    result: list[DemoStudent] = []
    guardian_number = 1
    for class_index, klas in enumerate(classes):
        for _ in range(base + (1 if class_index < extra else 0)):
            index = len(result)
            background = rng.choices(BACKGROUNDS, cum_weights=BACKGROUND_CUM_WEIGHTS)[0]
            female = rng.random() < 0.5
            roepnaam = rng.choice(background.girls if female else background.boys)
            tussenvoegsel, achternaam = rng.choice(background.surnames)
            own_surname = feminine_surname(background, achternaam) if female else achternaam
            age = _age(rng, klas)
            born = _birth_date(rng, age, first_day)
            if age_on(born, until) > MAX_AGE:
                born = _birth_date(rng, MAX_AGE, until)  # no one turns 25 during the demo
            sk = _startkwalificatie(rng, klas, age)
            adult_at_end = age_on(born, until) >= 18
            choice: bool | None = None
            choice_date: date | None = None
            enrolled = date(first_day.year - (klas.leerjaar - 1), 8, 1)
            if adult_at_end and rng.random() < 0.35:
                choice = rng.random() < 0.6
                eighteen = _birth_date_plus(born, 18)
                earliest = max(eighteen, enrolled)
                span = max(0, (until - earliest).days)
                choice_date = earliest + timedelta(days=rng.randint(0, min(span, 60)))
            home = random_address(rng)
            email_name = (
                email_part(roepnaam) + "." + email_part((tussenvoegsel or "") + own_surname)
            )
            student = DemoStudent(
                index=index,
                leerlingnummer=str(numbers[index]),
                roepnaam=roepnaam,
                tussenvoegsel=tussenvoegsel or None,
                achternaam=own_surname,
                background=background.key,
                geboortedatum=born,
                klas=klas,
                startkwalificatie=sk,
                # R-IB-8W needs this: BOL students of 18 and over usually receive it
                studiefinanciering=(not klas.bbl) and adult_at_end and rng.random() < 0.92,
                address=home,
                telefoon=f"06-10{index + 1:06d}",
                email=f"{email_name}{born.year % 100:02d}@example.com",
                ouders_informeren=choice,
                ouders_informeren_datum=choice_date,
                ingeschreven_van=enrolled,
                ingeschreven_tot=date(
                    first_day.year + klas.programme.years - klas.leerjaar + 1, 7, 31
                ),
            )
            student.guardians = _guardians(
                rng, background, (tussenvoegsel, achternaam), home, guardian_number
            )
            guardian_number += len(student.guardians)
            result.append(student)
    return result


def _birth_date_plus(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born on 29 February: the birthday is 1 March in other years
        return date(born.year + years, 3, 1)
