"""Dated events: a sentence with one year, told without its year, for ordering and matching."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.drafting.facts import Fact, starts_with_pronoun
from quiz.drafting.gazetteer import MONTHS

MAX_EVENT_CHARS = 140

_MONTH = "|".join(MONTHS)
_BEFORE_YEAR = re.compile(
    r"(?:\b(?:[Ii]n|[Bb]y|[Ss]ince|[Oo]n|[Ff]rom|[Dd]uring|[Uu]ntil|of)\s+)?"
    r"(?:(?:early|late|mid-|the spring of|the summer of|the autumn of|the winter of)\s*)?"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{_MONTH})\s+(?:\d{{1,2}},?\s+)?)?$"
)
_LEADING_ADVERB = re.compile(
    r"^(?:Later|Then|Afterwards|Finally|Eventually|Soon|However|Following this|As a result"
    r"|After that|In turn),?\s+"
)


@dataclass(frozen=True)
class Event:
    """Something the document dates: the sentence, its year, and the event told without it."""

    year: int
    text: str
    sentence: str
    index: int  # the sentence's place in the document


def event_text(sentence: str, year: Fact) -> str | None:
    """The sentence with its date phrase taken out, or None when that leaves no clear event."""
    if starts_with_pronoun(sentence):
        return None
    before = sentence[: year.start]
    after = sentence[year.end :]
    clause = after.startswith(",")
    before = _BEFORE_YEAR.sub("", before).rstrip()
    after = re.sub(r"^,\s*", " ", after)
    participle = re.search(r"\w+ed$", before) is not None
    if participle and (not after.strip(" .;:!?") or clause):
        return None  # "signed in 1992." or "discovered in 1944, was" leave a stray participle
    text = (before + " " + after.lstrip()).strip() if before else after.strip()
    text = _LEADING_ADVERB.sub("", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip().rstrip(".,;: ")
    text = re.sub(r"^,\s*", "", text)
    if len(text.split()) < 3 or len(text) > MAX_EVENT_CHARS or starts_with_pronoun(text.title()):
        return None
    if re.search(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b", text):
        return None  # another date left in it: the order would be given away
    return text[0].upper() + text[1:]
