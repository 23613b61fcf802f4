"""Where the demo students live: municipalities of the Utrecht region with their postcode ranges,
and invented street names. Postcode ranges are the places' real ones so letters look right; the
streets are composed from common Dutch parts and belong to no real address."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from random import Random


@dataclass(frozen=True)
class Place:
    plaats: str
    gemeente: str
    weight: float
    postcode_from: int
    postcode_to: int


# fmt: off
PLACES: tuple[Place, ...] = (
    Place("Utrecht", "Utrecht", 26, 3511, 3585),
    Place("De Meern", "Utrecht", 2, 3453, 3454),
    Place("Vleuten", "Utrecht", 2, 3451, 3452),
    Place("Nieuwegein", "Nieuwegein", 8, 3431, 3439),
    Place("Houten", "Houten", 5, 3991, 3997),
    Place("IJsselstein", "IJsselstein", 4, 3401, 3404),
    Place("Zeist", "Zeist", 5, 3701, 3709),
    Place("Bilthoven", "De Bilt", 2, 3721, 3723),
    Place("De Bilt", "De Bilt", 1, 3731, 3732),
    Place("Maarssen", "Stichtse Vecht", 3, 3601, 3607),
    Place("Breukelen", "Stichtse Vecht", 1, 3621, 3621),
    Place("Woerden", "Woerden", 3, 3441, 3447),
    Place("Vianen", "Vijfheerenlanden", 2, 4131, 4133),
    Place("Leerdam", "Vijfheerenlanden", 1, 4141, 4143),
    Place("Lopik", "Lopik", 1, 3411, 3412),
    Place("Montfoort", "Montfoort", 1, 3417, 3417),
    Place("Oudewater", "Oudewater", 1, 3421, 3421),
    Place("Bunnik", "Bunnik", 1, 3981, 3981),
    Place("Wijk bij Duurstede", "Wijk bij Duurstede", 1, 3961, 3962),
    Place("Driebergen-Rijsenburg", "Utrechtse Heuvelrug", 1.5, 3971, 3972),
    Place("Doorn", "Utrechtse Heuvelrug", 1, 3941, 3941),
    Place("Mijdrecht", "De Ronde Venen", 1.5, 3641, 3642),
    Place("Amersfoort", "Amersfoort", 4, 3811, 3829),
    Place("Veenendaal", "Veenendaal", 2, 3901, 3906),
)

_STREET_STARTS: tuple[str, ...] = (
    "Lijster", "Merel", "Kievit", "Reiger", "Zwaluw", "Kastanje", "Beuken", "Eiken", "Linden",
    "Wilgen", "Populieren", "Meidoorn", "Vlier", "Hazelaar", "Molen", "Sluis", "Vaart",
    "Polder", "Weide", "Akker", "Hoeve", "Tulp", "Narcis", "Lavendel", "Zonnebloem",
    "Rembrandt", "Vermeer", "Mondriaan", "Escher", "Erasmus", "Spinoza", "Huygens",
    "Koningin Emma", "Prins Hendrik", "Klaproos", "Korenbloem", "Heide", "Duiven", "Boeg",
    "Schoener", "Kotter", "Roer", "Anker", "Zeilmaker", "Kuiper", "Smeden", "Bakkers",
)
_STREET_ENDS: tuple[str, ...] = (
    "straat", "laan", "weg", "hof", "singel", "plein", "kade", "pad", "dreef", "gaarde",
    "erf", "park", "veld", "hoek",
)
# fmt: on

# Dutch postcodes never use these letter pairs
_BAD_PAIRS = frozenset({"SA", "SD", "SS"})
_LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"

PLACE_CUM_WEIGHTS: tuple[float, ...] = tuple(accumulate(p.weight for p in PLACES))


@dataclass(frozen=True)
class Address:
    straat: str
    postcode: str
    plaats: str
    gemeente: str


def random_place(rng: Random) -> Place:
    return rng.choices(PLACES, cum_weights=PLACE_CUM_WEIGHTS)[0]


def random_address(rng: Random, place: Place | None = None) -> Address:
    place = place or random_place(rng)
    street = rng.choice(_STREET_STARTS) + rng.choice(_STREET_ENDS)
    number = str(rng.randint(1, 180))
    if rng.random() < 0.12:
        number += rng.choice(("A", "B", "-1", "-2", " bis"))
    while True:
        pair = rng.choice(_LETTERS) + rng.choice(_LETTERS)
        if pair not in _BAD_PAIRS:
            break
    digits = rng.randint(place.postcode_from, place.postcode_to)
    return Address(f"{street} {number}", f"{digits} {pair}", place.plaats, place.gemeente)
