"""A document as topics and sentences: headings found, sentences split by pysbd.

Headings are Markdown `#` lines, or a paragraph of one short line that does not
end like a sentence (as in a plain-text article: "Major events"). Fenced code and
table rows are skipped: they are not prose to ask about. Bullet and
numbered list items are sentences of their own even without a full stop. Within
a paragraph or item, pysbd splits sentences (abbreviations, decimals, initials).
A fragment of fewer than three words ("Kyrgyzstan.") is joined to the sentence
before it, the same rule `quiz check`'s coverage uses, so a list written with
stray full stops stays one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MIN_WORDS = 3
HEADING_MAX_WORDS = 12

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(?:[•\-*·–]|\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"""[.!?:;]["')\]”’]*$""")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence, whitespace collapsed, with where it sits in the document."""

    text: str
    topic: str
    index: int  # in the whole document
    paragraph: int  # sentences of one paragraph or list item share it


@dataclass(frozen=True)
class Document:
    """A parsed document: its title (the first heading, if any) and its sentences."""

    title: str
    sentences: tuple[Sentence, ...]
    topics: tuple[str, ...]


@lru_cache(maxsize=1)
def _segmenter() -> Any:  # a pysbd Segmenter (pysbd has no type hints)
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _split(text: str) -> list[str]:
    """`text`'s sentences, each a slice of it (so quotes stay verbatim), short ones joined."""
    spans: list[list[int]] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start == -1:  # the segmenter changed the text: keep the rest as one sentence
            spans.append([cursor, len(text)])
            break
        end = start + len(piece)
        if spans and len(piece.split()) < MIN_WORDS:
            spans[-1][1] = end
        else:
            spans.append([start, end])
        cursor = end
    if spans and spans[-1][1] < len(text) and text[spans[-1][1] :].strip():
        spans[-1][1] = len(text)
    return [text[a:b].strip() for a, b in spans if text[a:b].strip()]


def _heading(block: list[str]) -> str | None:
    if len(block) != 1:
        return None
    line = block[0]
    found = _MD_HEADING.match(line)
    if found:
        return found.group(1).strip()
    if _BULLET.match(line) or _SENTENCE_END.search(line):
        return None
    return line if len(line.split()) <= HEADING_MAX_WORDS else None


def _blocks(text: str) -> list[list[str]]:
    """Paragraphs as lists of stripped lines; a Markdown heading line is a block of its own.

    Fenced code and table rows are left out: they are not prose to ask about.
    """
    blocks: list[list[str]] = []
    current: list[str] = []
    fenced = False
    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            fenced = not fenced
            line = ""
        elif fenced or line.startswith("|"):
            line = ""
        if not line or _MD_HEADING.match(line):
            if current:
                blocks.append(current)
            current = []
            if line:
                blocks.append([line])
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _items(block: list[str]) -> list[str]:
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


def parse(text: str) -> Document:
    """Split `text` (already decoded) into topics and sentences."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    title = ""
    topic = ""
    topics: list[str] = []
    sentences: list[Sentence] = []
    paragraph = 0
    for block in _blocks(text):
        heading = _heading(block)
        if heading is not None:
            title = title or heading
            topic = heading
            continue
        for item in _items(block):
            paragraph += 1
            for piece in _split(_SPACE.sub(" ", item).strip()):
                if topic and topic not in topics:
                    topics.append(topic)
                sentences.append(Sentence(piece, topic, len(sentences), paragraph))
    return Document(title=title, sentences=tuple(sentences), topics=tuple(topics))
