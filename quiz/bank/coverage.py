"""Which sentences of a bank's source document its questions cite.

Sentences
    The document is split into paragraphs at blank lines. A paragraph that is a
    single line, not a bullet, and does not end in sentence-ending punctuation
    (``.``, ``!``, ``?``, optionally followed by a closing quote or bracket) is a
    heading and is left out. A line starting with a bullet marker (``•``, ``-``,
    ``*``, ``·``, ``–``) starts a new item and the marker is dropped; an item ends
    a sentence even without a full stop. Within a paragraph or item, text splits
    after ``.``, ``!`` or ``?`` followed by whitespace. A fragment of fewer than
    ``MIN_WORDS`` words ("Kyrgyzstan.", "Armenia, Belarus.") is not a sentence of
    its own: it is joined to the one before it, so a list written with stray full
    stops stays one sentence.

Cited
    Quotes and sentences are compared normalised exactly as the loader finds a
    quote (``quiz.bank.quotes.normalise_for_quote``): whitespace runs collapsed,
    curly quotes, apostrophes and dashes made plain, case kept. Every
    place a question's ``source`` quote occurs in the normalised document marks
    those characters as quoted. A sentence is cited when at least
    ``CITED_SHARE`` (half) of its characters are quoted, by one quote or by
    several together. So a quote that contains the sentence cites it; a quote
    inside a sentence cites it when it is at least half of it; a quote running
    across a sentence boundary cites each side it mostly covers.

Pure functions of plain data: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quiz.bank.model import Bank
from quiz.bank.quotes import normalise_for_quote as _normalise
from quiz.bank.quotes import quote_parts

MIN_WORDS = 3
CITED_SHARE = 0.5

_BULLET = re.compile(r"^[•\-*·–]\s+")
_SENTENCE_END = re.compile(r"""[.!?]["')\]”’]*$""")
_SPLIT_AFTER = re.compile(r"""[.!?]["')\]”’]*\s+""")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Coverage:
    """How much of a document a bank's quotes cite."""

    total: int  # sentences in the document (headings excluded)
    cited: int
    uncited: tuple[str, ...] = ()  # in document order

    @property
    def share(self) -> float:
        """Cited sentences as a share of all, 0..1 (1.0 for a document without sentences)."""
        return self.cited / self.total if self.total else 1.0


def _paragraphs(text: str) -> list[list[str]]:
    """Blocks of non-blank lines (stripped), split at blank lines."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_heading(block: list[str]) -> bool:
    line = block[0]
    return len(block) == 1 and not _BULLET.match(line) and not _SENTENCE_END.search(line)


def _items(block: list[str]) -> list[str]:
    """A paragraph as items: one per bullet, or the whole paragraph as one."""
    items: list[str] = []
    for line in block:
        marker = _BULLET.match(line)
        if marker:
            items.append(line[marker.end() :])
        elif items:
            items[-1] += " " + line
        else:
            items.append(line)
    return items


def _split(item: str) -> list[str]:
    """One item's sentences, short fragments joined to the sentence before."""
    pieces: list[str] = []
    start = 0
    for end in _SPLIT_AFTER.finditer(item):
        pieces.append(item[start : end.end()].strip())
        start = end.end()
    if item[start:].strip():
        pieces.append(item[start:].strip())
    sentences: list[str] = []
    for piece in pieces:
        if sentences and len(piece.split()) < MIN_WORDS:
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


def sentences(text: str) -> list[str]:
    """The document's sentences in order, headings left out, whitespace collapsed."""
    result: list[str] = []
    for block in _paragraphs(text):
        if _is_heading(block):
            continue
        for item in _items(block):
            result.extend(_SPACE.sub(" ", s).strip() for s in _split(item))
    return [s for s in result if s]


def _spans(haystack: str, needle: str) -> Iterable[tuple[int, int]]:
    """Every (start, end) where needle occurs in haystack, overlaps included."""
    if not needle:
        return
    at = haystack.find(needle)
    while at != -1:
        yield at, at + len(needle)
        at = haystack.find(needle, at + 1)


def coverage_of(text: str, quotes: Iterable[str]) -> Coverage:
    """Coverage of the document `text` by the given source quotes."""
    doc = _normalise(text)
    quoted = bytearray(len(doc))
    pieces = {part for quote in quotes for part in quote_parts(quote)}
    for piece in pieces:
        for start, end in _spans(doc, piece):
            quoted[start:end] = b"\x01" * (end - start)

    total = cited = 0
    uncited: list[str] = []
    cursor = 0
    for sentence in sentences(text):
        total += 1
        norm = _normalise(sentence)
        at = doc.find(norm, cursor)
        if at == -1:  # not expected: sentences come from the same text, in order
            uncited.append(sentence)
            continue
        cursor = at + len(norm)
        if sum(quoted[at : at + len(norm)]) >= CITED_SHARE * len(norm):
            cited += 1
        else:
            uncited.append(sentence)
    return Coverage(total=total, cited=cited, uncited=tuple(uncited))


def coverage(bank: Bank) -> Coverage:
    """Coverage of the bank's source document by its questions' `source` quotes.

    A bank without a source document, or whose text was not read, has nothing to
    cover: total 0.
    """
    if bank.source is None or bank.source.text is None:
        return Coverage(total=0, cited=0)
    return coverage_of(bank.source.text, (q.source for q in bank.questions if q.source))
