"""Normalising what a learner types, so that case, spacing and accents never cost a point.

`normalize("  The  Kyrgyz-Republic! ")` -> `"kyrgyz republic"`. Both sides of a
comparison go through the same function; the result is for comparing only, never
for display.
"""

from __future__ import annotations

import re
import unicodedata

ARTICLES = ("the", "a", "an")

# Joiners become a space ("Kyrgyz-Republic" = "Kyrgyz Republic"); other
# punctuation just goes ("U.S.A." = "USA", "O'Brien" = "OBrien").
_JOINERS = re.compile(r"[\s\-‐‑‒–—―/_]+")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_DIGIT_RUNS = re.compile(r"\d+")
_NUMBER_LIKE = re.compile(r"^[+\-−]?[\d\s.,']*\d[\d\s.,']*%?$")


# Letters whose mark is not a separate combining character ("ı" has no dot to drop).
_BARE_LETTERS = str.maketrans("ıłŁøØđĐħĦ", "ilLoOdDhH")


def strip_diacritics(text: str) -> str:
    """Letters without their marks: "Bişkek" -> "Biskek", "Işık" -> "Isik"."""
    decomposed = unicodedata.normalize("NFD", text).translate(_BARE_LETTERS)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


def normalize(text: str) -> str:
    """The comparable form of typed text.

    NFC, case folding, no diacritics, punctuation dropped (dashes, slashes and
    underscores count as spaces; a decimal point between digits stays),
    whitespace collapsed and trimmed, and a leading article ("the", "a", "an")
    dropped when something follows it.
    """
    text = strip_diacritics(unicodedata.normalize("NFC", text).casefold())
    text = _JOINERS.sub(" ", text)
    # A decimal point survives ("2.5" is not "25"); a thousands comma does not.
    text = _DECIMAL_POINT.sub("\0", text)
    text = "".join(ch for ch in text if ch == " " or not _is_punctuation(ch))
    text = text.replace("\0", ".")
    words = text.split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def is_blank(text: object) -> bool:
    """True for None and for text with nothing but spaces (or punctuation) in it."""
    return text is None or not normalize(str(text))


def looks_numeric(text: str) -> bool:
    """True for "2002", " 2,002 ", "-3.5", "10%": text that is a number, not a word."""
    return bool(_NUMBER_LIKE.match(text.strip()))


def digit_runs(text: str) -> list[str]:
    """The numbers inside a text, in order: "1992 treaty, article 4" -> ["1992", "4"]."""
    return _DIGIT_RUNS.findall(text)
