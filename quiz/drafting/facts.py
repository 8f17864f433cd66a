"""The facts a teacher asks about, found in one sentence: years, quantities, names, lists, terms.

Each fact knows its kind, so that a wrong choice offered beside it is of the same
kind: a year beside years, a country beside countries, never a city beside a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from quiz.drafting.gazetteer import (
    CITIES,
    CONTINENTS,
    COUNTRIES,
    FEATURE_WORDS,
    FORMER_STATES,
    NATIONALITIES,
    NOT_NAMES,
    ORGANISATION_WORDS,
    TITLES,
    TREATY_WORDS,
    WATER_WORDS,
)

YEAR = "year"
NUMBER = "number"
COUNTRY = "country"
CITY = "city"
PERSON = "person"
ORGANISATION = "organisation"
PLACE = "place"  # a forest, a gorge, a delta: too unlike each other to swap
RIVER = "river"
MOUNTAIN = "mountain"
ISLAND = "island"
WATER = "water"  # seas, oceans, lakes
CONTINENT = "continent"
NATIONALITY = "nationality"
FORMER_STATE = "former state"
TREATY = "treaty"
NAME = "name"  # a name of no kind we can tell: asked, never given distractors
TERM = "term"  # the subject of a definition ("Photosynthesis is the process ...")
ACRONYM = "acronym"

# Kinds whose members can stand in for each other as distractors.
CHOOSABLE = frozenset(
    {
        YEAR,
        COUNTRY,
        CITY,
        PERSON,
        ORGANISATION,
        TREATY,
        RIVER,
        MOUNTAIN,
        ISLAND,
        WATER,
        CONTINENT,
        NATIONALITY,
        FORMER_STATE,
        TERM,
    }
)

_FEATURE_KINDS = (
    (frozenset(["River", "Canal"]), RIVER),
    (frozenset(["Mountains", "Mount", "Mountain", "Range", "Hills", "Alps"]), MOUNTAIN),
    (frozenset(["Island", "Islands", "Peninsula"]), ISLAND),
)

PRONOUNS = frozenset(
    [
        "It",
        "Its",
        "They",
        "Their",
        "Them",
        "He",
        "His",
        "She",
        "Her",
        "This",
        "These",
        "Those",
        "That",
        "Both",
        "Such",
        "Each",
    ]
)

_WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Words after a number that do not make it a quantity ("in 1992 the treaty").
_NOT_UNITS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "from",
        "with",
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "have",
        "that",
        "which",
        "who",
        "when",
        "while",
        "as",
        "after",
        "before",
        "but",
        "than",
        "its",
        "their",
        "his",
        "her",
        "it",
        "they",
        "he",
        "she",
        "this",
        "these",
        "there",
        "years'",
        "per",
        "cent",
    ]
)
_MULTIWORD_UNIT_HEADS = frozenset({"square", "cubic", "degrees", "light", "per"})
_REFERRING = frozenset(["the", "these", "those", "both", "its", "their", "his", "her", "all"])
_NOT_TERMS = frozenset(
    ["first", "second", "third", "last", "next", "main", "other", "same", "only"]
)

_YEAR = re.compile(r"(?<![\d,.£$€-])\b(1[0-9]{3}|20[0-9]{2})\b(?!\d|,\d|\.\d|\s*%|-\d)")
_WORD_NUMBER = re.compile(
    r"\b(" + "|".join(_WORD_NUMBERS) + r")\s+([a-z][a-z-]*s)\b", re.IGNORECASE
)
_CAP = r"(?:[A-Z][\w'’.–-]*[\w]|[A-Z]\.?)"
_CONNECTOR = r"(?:of|the|de|da|di|von|van|der|del|la|le|du|for|on-the)"
_NAME = re.compile(
    rf"(?<![\w'’-]){_CAP}(?:(?:\s+{_CONNECTOR})*\s+{_CAP})*",
)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")
_DEFINITION = re.compile(
    r"^(?:(?:The|A|An)\s+)?(?P<term>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)"
    r"(?:\s+\([A-Z][A-Za-z]{1,7}\))?\s+(?:is|are)\s+(?:a|an|the)\s+\w"
)


@dataclass(frozen=True)
class Fact:
    """One askable thing in a sentence: its text there, where it stands, and its kind."""

    kind: str
    text: str  # the answer as written
    start: int  # span to blank out in the sentence (may include an acronym in brackets)
    end: int
    value: float | None = None  # numbers and years
    unit: str = ""
    alias: str = ""  # an abbreviation given in brackets

    def overlaps(self, other: Fact) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class ListFact:
    """Three or more names of one kind written as a list: 'A, B, C and D'."""

    kind: str
    items: tuple[Fact, ...]
    start: int
    end: int


@dataclass
class Facts:
    """Everything found in one sentence."""

    years: list[Fact] = field(default_factory=list)
    numbers: list[Fact] = field(default_factory=list)
    names: list[Fact] = field(default_factory=list)
    lists: list[ListFact] = field(default_factory=list)
    term: Fact | None = None

    def __bool__(self) -> bool:
        return bool(self.years or self.numbers or self.names or self.lists or self.term)


@dataclass(frozen=True)
class Lexicon:
    """What the whole document tells about its names: used to classify each one."""

    capitalised_inside: frozenset[str]  # words written capitalised mid-sentence
    cities: frozenset[str]  # names written as "City, Country"
    surnames: frozenset[str]  # last words of names that also stand alone


def build_lexicon(sentences: Iterable[str]) -> Lexicon:
    """Scan every sentence once for what tells one kind of name from another."""
    inside: set[str] = set()
    cities: set[str] = set()
    texts = list(sentences)
    for text in texts:
        for match in re.finditer(r"(?<=[\w,;:)] )([A-Z][\w'’-]+)", text):
            inside.add(match.group(1))
        for match in re.finditer(
            r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?), ([A-Z][\w]+(?: [A-Z]\w+)?)", text
        ):
            if match.group(2) in COUNTRIES and match.group(1) not in COUNTRIES:
                cities.add(match.group(1))
    multi = {
        m.group(0).split()[-1]
        for text in texts
        for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+", text)
    }
    alone: set[str] = set()
    for text in texts:
        words = re.findall(r"[\w'’-]+", text)
        for i, word in enumerate(words[1:], start=1):
            if word not in multi:
                continue
            before, after = words[i - 1], words[i + 1] if i + 1 < len(words) else ""
            if not before[:1].isupper() and not after[:1].isupper():
                alone.add(word)
    return Lexicon(frozenset(inside), frozenset(cities), frozenset(alone))


def kind_of(name: str, lexicon: Lexicon, before: str = "") -> str:
    """The kind of a name, from the word lists and from how the document uses it."""
    words = name.split()
    if name in COUNTRIES:
        return COUNTRY
    if name in FORMER_STATES:
        return FORMER_STATE
    if name in CITIES or name in lexicon.cities:
        return CITY
    if name in CONTINENTS:
        return CONTINENT
    if name in NATIONALITIES:
        return NATIONALITY
    if words[0] in WATER_WORDS or words[-1] in WATER_WORDS:
        return WATER
    for group, kind in _FEATURE_KINDS:
        if words[0] in group or words[-1] in group:
            return kind
    if words[0] in FEATURE_WORDS or words[-1] in FEATURE_WORDS:
        return PLACE
    if any(w in TREATY_WORDS for w in words):
        return TREATY
    if any(w in ORGANISATION_WORDS for w in words):
        return ORGANISATION
    if len(words) == 1 and name.isupper() and len(name) >= 2:
        return ACRONYM
    prior = before.split()[-1:] if before.strip() else []
    capitals = all(w[:1].isupper() for w in words)
    if capitals and prior and prior[0] in TITLES:
        return PERSON
    if capitals and 2 <= len(words) <= 4 and words[-1] in lexicon.surnames:
        return PERSON
    return NAME


_SINGULAR_UNITS = frozenset(
    ["km", "m", "cm", "mm", "kg", "g", "mg", "t", "ha", "mph", "kph", "per", "percent", "metre"]
)


def _is_unit(word: str) -> bool:
    """A word that can follow a count: a plural noun ("countries") or a unit ("km")."""
    return word in _SINGULAR_UNITS or (word.endswith("s") and not word.endswith("ss"))


def _unit_after(text: str) -> tuple[str, int] | None:
    """The unit phrase opening `text` ("mobile X-ray units") and where it ends, or None."""
    if not text.startswith(" "):
        return None
    words = list(re.finditer(r"[A-Za-zé°-]+", text[:60]))
    for i, word in enumerate(words[:3]):
        w = word.group(0)
        gap = text[words[i - 1].end() if i else 0 : word.start()]
        if w.lower() in _NOT_UNITS or gap != " ":
            return None
        if _is_unit(w) or w in _MULTIPLIERS:
            end = word.end()
            nxt = words[i + 1] if i + 1 < len(words) else None
            if (
                nxt is not None
                and text[end : nxt.start()] == " "
                and (w in _MULTIWORD_UNIT_HEADS or w in _MULTIPLIERS)
                and nxt.group(0).lower() not in _NOT_UNITS
            ):
                end = nxt.end()
            return text[words[0].start() : end], end
    return None


def _number_value(text: str) -> float:
    return float(text.replace(",", ""))


def _years(text: str, taken: list[tuple[int, int]]) -> list[Fact]:
    found = []
    for m in _YEAR.finditer(text):
        after = text[m.end() :].lstrip()
        nxt = re.match(r"[a-z]+", after)
        if nxt and nxt.group(0) not in _NOT_UNITS and _is_unit(nxt.group(0)):
            continue  # "1500 metres": a quantity, not a year
        found.append(Fact(YEAR, m.group(1), m.start(1), m.end(1), value=float(m.group(1))))
        taken.append((m.start(1), m.end(1)))
    return found


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _numbers(text: str, taken: list[tuple[int, int]]) -> list[Fact]:
    found = []
    for m in re.finditer(r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]|\.\d)", text):
        if not _free(m.start(1), m.end(1), taken):
            continue
        symbol = re.match(r"\s?(%|°C|°F|per cent)", text[m.end() :])
        if symbol:
            unit, end = symbol.group(1), m.end() + symbol.end()
        else:
            found_unit = _unit_after(text[m.end() :])
            if found_unit is None:
                continue
            unit, end = found_unit[0], m.end() + found_unit[1]
        value = _number_value(m.group(1))
        found.append(Fact(NUMBER, m.group(1), m.start(1), m.end(1), value, unit))
        taken.append((m.start(1), end))
    for m in _WORD_NUMBER.finditer(text):
        if not _free(m.start(1), m.end(1), taken) or m.group(2).lower() in _NOT_UNITS:
            continue
        before = text[: m.start(1)].split()[-1:]
        if before and before[0].lower() in _REFERRING:
            continue  # "the two countries" points back; it is not a count to ask
        value = float(_WORD_NUMBERS[m.group(1).lower()])
        found.append(Fact(NUMBER, m.group(1), m.start(1), m.end(1), value, m.group(2)))
        taken.append((m.start(1), m.end(2)))
    return found


def _clean_name(text: str, start: int, at_start: bool, lexicon: Lexicon) -> tuple[str, int] | None:
    """Trim sentence-initial and trailing words that are not part of a name."""
    words = text.split(" ")
    offset = 0
    while words and (words[0] in NOT_NAMES or words[0].lower() in {"of", "the", "de", "for"}):
        offset += len(words[0]) + 1
        words = words[1:]
        at_start = False if offset else at_start
    while words and (words[-1] in NOT_NAMES or words[-1].lower() in {"of", "the", "de", "for"}):
        if words[-1] == "I" and len(words) >= 3:
            break  # a numbered name: "Iron Gate I"
        words = words[:-1]
    if not words:
        return None
    name = " ".join(words).rstrip(".")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    if len(name) < 2 or not name[0].isupper():
        return None
    single = len(words) == 1
    known = name in lexicon.capitalised_inside or name in COUNTRIES or name in CITIES
    if single and at_start and start + offset == 0 and not known:
        return None
    return name, start + offset


def _names(text: str, lexicon: Lexicon, taken: list[tuple[int, int]]) -> list[Fact]:
    found = []
    for m in _NAME.finditer(text):
        cleaned = _clean_name(m.group(0), m.start(), m.start() == 0, lexicon)
        if cleaned is None:
            continue
        name, start = cleaned
        end = start + len(name)
        if not _free(start, end, taken) or name in NOT_NAMES or name.rstrip(".") in NOT_NAMES:
            continue
        alias = ""
        bracket = _ACRONYM_AFTER.match(text, end)
        if bracket and len(name.split()) > 1:
            alias, span_end = bracket.group(1), bracket.end()
        else:
            span_end = end
        kind = kind_of(name, lexicon, text[:start])
        found.append(Fact(kind, name, start, span_end, alias=alias))
        taken.append((start, span_end))
    return found


def _looks_personal(name: str) -> bool:
    """Two to four capitalised words, no connector: how a list of people is written."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in words)


def _lists(text: str, names: list[Fact]) -> list[ListFact]:
    """Runs of three or more same-kind names joined by commas, 'and' or 'or'."""
    lists: list[ListFact] = []
    run: list[Fact] = []

    def close() -> None:
        if len(run) >= 3 and all(f.kind in (NAME, PERSON) and _looks_personal(f.text) for f in run):
            run[:] = [replace(f, kind=PERSON) for f in run]
        if len(run) >= 3 and len({f.kind for f in run}) == 1 and run[0].kind in CHOOSABLE:
            lists.append(ListFact(run[0].kind, tuple(run), run[0].start, run[-1].end))

    for fact in names:
        if run:
            gap = text[run[-1].end : fact.start]
            if re.fullmatch(r"\s*(?:[,.]\s*(?:and\s+|or\s+)?|and\s+|or\s+)", gap):
                run.append(fact)
                continue
            close()
        run = [fact]
    if run:
        close()
    return lists


def _term(text: str, names: list[Fact]) -> Fact | None:
    m = _DEFINITION.match(text)
    if not m:
        return None
    term = m.group("term")
    start = m.start("term")
    first = term.split()[0]
    if first in PRONOUNS or first in NOT_NAMES or first.lower() in {"there", "here"}:
        return None
    if first.lower() in _NOT_TERMS:
        return None
    if any(f.start <= start < f.end for f in names):
        return None  # a name: asked as one
    rest = text[m.end("term") :].lower()
    if term.lower() in rest:
        return None
    return Fact(TERM, term, start, start + len(term))


def find_facts(text: str, lexicon: Lexicon) -> Facts:
    """The facts of one sentence, each span claimed once (a year is not also a number)."""
    taken: list[tuple[int, int]] = []
    years = _years(text, taken)
    numbers = _numbers(text, taken)
    names = _names(text, lexicon, taken)
    names.sort(key=lambda f: f.start)
    return Facts(
        years=years,
        numbers=numbers,
        names=names,
        lists=_lists(text, names),
        term=_term(text, names),
    )


def starts_with_pronoun(text: str) -> bool:
    """True when the sentence leans on the one before it ("It was formed in 2009.")."""
    first = re.match(r"[A-Za-z]+", text)
    return first is not None and first.group(0) in PRONOUNS
