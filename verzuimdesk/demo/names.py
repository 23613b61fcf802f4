"""Invented people for the demo school: first names and surnames of the backgrounds found in
Dutch MBO classes, and the weights with which they occur. Every combination is fictitious."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Background:
    key: str
    weight: float
    boys: tuple[str, ...]
    girls: tuple[str, ...]
    # (tussenvoegsel, achternaam); an empty tussenvoegsel means none
    surnames: tuple[tuple[str, str], ...]
    # surnames with a feminine form (Polish): achternaam -> the form for women and girls
    feminine: tuple[tuple[str, str], ...] = ()


def _plain(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple(("", name) for name in names)


# the lists below are data: kept in compact rows rather than one name per line
# fmt: off
DUTCH = Background(
    "nl",
    0.56,
    boys=(
        "Daan", "Sem", "Levi", "Lucas", "Finn", "Milan", "Thijs", "Jesse", "Bram", "Luuk",
        "Ruben", "Tim", "Stijn", "Lars", "Niels", "Jens", "Thomas", "Kevin", "Dylan", "Mike",
        "Joey", "Rick", "Bas", "Tygo", "Noah", "Liam", "Sven", "Gijs", "Koen", "Wessel",
        "Julian", "Max", "Sander", "Nick", "Jordy", "Mees", "Jurre", "Teun", "Olaf", "Hidde",
    ),
    girls=(
        "Emma", "Julia", "Sophie", "Lisa", "Anna", "Sanne", "Lotte", "Fleur", "Eva", "Isa",
        "Noa", "Sara", "Femke", "Iris", "Roos", "Demi", "Britt", "Romy", "Lieke", "Amber",
        "Kim", "Anouk", "Esmee", "Mila", "Tess", "Yara", "Jasmijn", "Floor", "Nina", "Lynn",
        "Maud", "Merel", "Silke", "Feline", "Zoë", "Noor", "Elise", "Marit", "Puck", "Dewi",
    ),
    surnames=(
        ("de", "Vries"), ("van", "Dijk"), ("van den", "Berg"), ("van der", "Linden"),
        ("de", "Jong"), ("de", "Boer"), ("de", "Groot"), ("van", "Leeuwen"), ("de", "Wit"),
        ("de", "Graaf"), ("van der", "Meer"), ("van der", "Heijden"), ("de", "Haan"),
        ("van den", "Heuvel"), ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"),
        ("van der", "Heide"), ("van", "Beek"), ("van", "Vliet"), ("van de", "Ven"),
        ("van", "Dam"), ("van der", "Wal"), ("de", "Kock"), ("van", "Wijk"), ("van", "Rijn"),
        ("van 't", "Hof"), ("in 't", "Veld"), ("op den", "Akker"), ("ter", "Horst"),
        ("van", "Os"), ("van", "Veen"), ("van de", "Kamp"), ("te", "Velde"),
        *_plain(
            "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters",
            "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Smits", "Kok", "Jacobs",
            "Vermeulen", "Schouten", "Willems", "Hoekstra", "Maas", "Verhoeven", "Koster",
            "Prins", "Blom", "Huisman", "Postma", "Kuipers", "Verbeek", "Timmermans",
            "Kramer", "Schipper", "Wouters", "Hermans", "Dijkman", "Boersma", "Veenstra",
            "Scholten", "Lammers", "Gerritsen", "Kuiper", "Evers", "Wijnands", "Hofman",
        ),
    ),
)

MOROCCAN = Background(
    "ma",
    0.13,
    boys=(
        "Mohamed", "Yassin", "Ayoub", "Bilal", "Anass", "Hamza", "Ilias", "Soufiane",
        "Zakaria", "Adam", "Imran", "Mustafa", "Rayan", "Younes", "Nabil", "Othman", "Karim",
    ),
    girls=(
        "Fatima", "Sara", "Imane", "Khadija", "Nora", "Yasmina", "Salma", "Hiba", "Meryem",
        "Soumaya", "Ikram", "Nadia", "Houda", "Loubna", "Aya", "Malika", "Chaimae",
    ),
    surnames=_plain(
        "El Amrani", "Bouzid", "El Idrissi", "Benali", "Ouali", "Ait Taleb", "Bakkali",
        "Chaoui", "El Khatib", "Haddouchi", "Azzouzi", "Boukhari", "Tahiri", "Ziani",
        "Belhaj", "Essaadi", "Achahbar", "Ouahabi", "Mourabit", "Aarab", "El Hamdaoui",
        "Boulahrouz", "Amrani", "Saidi",
    ),
)

TURKISH = Background(
    "tr",
    0.08,
    boys=(
        "Emre", "Mehmet", "Yusuf", "Burak", "Furkan", "Mert", "Can", "Enes", "Kerem", "Ömer",
        "Baran", "Eren", "Hakan", "Serkan", "Kaan",
    ),
    girls=(
        "Elif", "Zeynep", "Büşra", "Merve", "Esra", "Ayşe", "Derya", "Ceren", "Selin",
        "Melike", "Hatice", "Sude", "Ebru", "Dilara",
    ),
    surnames=_plain(
        "Yilmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan",
        "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özdemir", "Polat",
        "Erdoğan", "Güler", "Korkmaz", "Akgül",
    ),
)

SURINAMESE = Background(
    "sr",
    0.035,
    boys=(
        "Jermaine", "Romano", "Dwayne", "Giovanni", "Quincy", "Ryan", "Delano", "Jayden",
        "Virgil", "Gregory", "Ricardo", "Sherwin",
    ),
    girls=(
        "Shanice", "Naomi", "Jamila", "Chelsea", "Sharon", "Kimberley", "Denise",
        "Angelique", "Rochelle", "Priscilla", "Xiomara", "Gianna",
    ),
    surnames=_plain(
        "Pinas", "Doelwijt", "Karsters", "Wijngaarde", "Sedney", "Vlijter", "Leerdam",
        "Aloema", "Redan", "Zandvliet", "Tuinfort", "Emanuelson", "Biervliet", "Kromodimedjo",
        "Sabajo", "Breinburg",
    ),
)

HINDUSTANI = Background(
    "hi",
    0.025,
    boys=("Rajesh", "Ravi", "Sunil", "Anand", "Vishal", "Amar", "Kiran", "Devin", "Arjun"),
    girls=("Anjali", "Priya", "Sita", "Shanti", "Nisha", "Kavita", "Radha", "Reshma", "Sharda"),
    surnames=_plain(
        "Ramdin", "Jagessar", "Sewnath", "Ramkisoen", "Mahabier", "Bhagwandin", "Ramsaran",
        "Gobardhan", "Jhinkoe", "Soekhai", "Baldew", "Ramlal", "Mangroe", "Kalloe",
    ),
)

ANTILLEAN = Background(
    "an",
    0.02,
    boys=("Jurickson", "Shurandy", "Giandro", "Rigino", "Kenrick", "Jeandro", "Sheldon"),
    girls=("Shudaina", "Jurnelly", "Rusheny", "Ginela", "Kiara", "Naisha", "Shayenne"),
    surnames=_plain(
        "Martina", "Isenia", "Rosaria", "Cijntje", "Maduro", "Janga", "Winklaar", "Koeiman",
        "Mercelina", "Sillé", "Bernabela", "Francisca",
    ),
)

POLISH = Background(
    "pl",
    0.03,
    boys=("Jakub", "Kacper", "Szymon", "Filip", "Mateusz", "Bartosz", "Piotr", "Michał"),
    girls=("Zuzanna", "Julia", "Maja", "Natalia", "Wiktoria", "Oliwia", "Aleksandra", "Kinga"),
    surnames=_plain(
        "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
        "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk",
    ),
    feminine=(
        ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Kamiński", "Kamińska"),
        ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
        ("Szymański", "Szymańska"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"),
    ),
)

EASTERN_EUROPEAN = Background(
    "ro",
    0.01,
    boys=("Andrei", "Mihai", "Ionuț", "Georgi", "Dimitar", "Stefan", "Nikolai"),
    girls=("Elena", "Ioana", "Andreea", "Maria", "Desislava", "Yana", "Gabriela"),
    surnames=_plain(
        "Popescu", "Ionescu", "Dumitru", "Stoica", "Georgiev", "Ivanov", "Petrov", "Dimitrov",
        "Constantin", "Radu",
    ),
)

SYRIAN = Background(
    "sy",
    0.025,
    boys=("Ahmad", "Omar", "Khaled", "Mahmoud", "Ali", "Hussein", "Yazan", "Karim", "Majd"),
    girls=("Rama", "Lana", "Hala", "Rasha", "Noor", "Sidra", "Dima", "Aya", "Joud"),
    surnames=_plain(
        "Al-Hassan", "Haddad", "Al-Ahmad", "Khalil", "Ibrahim", "Mansour", "Al-Ali", "Othman",
        "Darwish", "Hamdan", "Al-Khatib", "Saleh", "Al-Masri",
    ),
)

ERITREAN = Background(
    "er",
    0.015,
    boys=("Yonas", "Dawit", "Filmon", "Samuel", "Merhawi", "Robel", "Biniam"),
    girls=("Helen", "Selam", "Senait", "Luwam", "Feven", "Rahwa", "Saba"),
    surnames=_plain(
        "Tesfay", "Ghebremedhin", "Haile", "Kidane", "Berhane", "Tekle", "Habte", "Mehari",
        "Yohannes", "Weldemariam",
    ),
)

SOMALI = Background(
    "so",
    0.01,
    boys=("Abdirahman", "Mohamed", "Abdullahi", "Hamza", "Liban", "Mahad"),
    girls=("Hodan", "Amina", "Ifrah", "Sagal", "Ayaan", "Nasra"),
    surnames=_plain("Hassan", "Abdi", "Warsame", "Farah", "Omar", "Jama", "Nur", "Ahmed"),
)

AFGHAN = Background(
    "af",
    0.01,
    boys=("Mustafa", "Farid", "Sohail", "Ahmad", "Jawad", "Ramin"),
    girls=("Mariam", "Zahra", "Parwana", "Shabnam", "Fereshta", "Mina"),
    surnames=_plain(
        "Ahmadi", "Rahimi", "Karimi", "Hosseini", "Noori", "Sultani", "Amiri", "Wardak",
    ),
)

GHANAIAN = Background(
    "gh",
    0.01,
    boys=("Kwame", "Kofi", "Emmanuel", "Samuel", "Prince", "Isaac"),
    girls=("Abena", "Akosua", "Gifty", "Priscilla", "Esther", "Adwoa"),
    surnames=_plain(
        "Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Osei", "Acheampong", "Agyeman",
    ),
)

BACKGROUNDS: tuple[Background, ...] = (
    DUTCH, MOROCCAN, TURKISH, SURINAMESE, HINDUSTANI, ANTILLEAN, POLISH, EASTERN_EUROPEAN,
    SYRIAN, ERITREAN, SOMALI, AFGHAN, GHANAIAN,
)

# backgrounds whose families often keep the Islamic holidays (R-VERLOF-4 notifications)
ISLAMIC = frozenset({"ma", "tr", "sy", "so", "af"})
# … and Divali
HINDU = frozenset({"hi"})

# parents of today's MBO students carry the names of another generation
DUTCH_FATHERS: tuple[str, ...] = (
    "Peter", "Marco", "Erik", "Jeroen", "Martijn", "Dennis", "Richard", "Patrick", "Ronald",
    "Edwin", "Mark", "Arjan", "Bart", "Vincent", "Sander", "Remco",
)
DUTCH_MOTHERS: tuple[str, ...] = (
    "Sandra", "Linda", "Monique", "Marieke", "Esther", "Ingrid", "Karin", "Wendy", "Petra",
    "Mirjam", "Saskia", "Anja", "Miranda", "Chantal", "Debby", "Nicole",
)

# fmt: on


def feminine_surname(background: Background, achternaam: str) -> str:
    return dict(background.feminine).get(achternaam, achternaam)


_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "ß": "ss", "'": "", "’": ""})


def email_part(name: str) -> str:
    """A name as the part of an e-mail address: lower case ASCII without spaces or accents."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    plain = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return "".join(ch for ch in plain if ch.isalnum() or ch == "-")
