"""Finding a question's source quote in its document, forgiving typography but not wording."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quiz.common.display import clip

_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "…": "...",
    }
)
_SPACE = re.compile(r"\s+")


def normalise_for_quote(text: str) -> str:
    """Text with curly quotes, apostrophes and dashes made plain and whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=8)
def _normalised_document(document: str) -> str:
    # Every question of a bank searches the same document: normalise it once.
    return normalise_for_quote(document)


def quote_parts(quote: str) -> list[str]:
    """The verbatim pieces of a quote: an ellipsis (`…` or `...`) marks omitted text."""
    pieces = (p.strip() for p in normalise_for_quote(quote).split("..."))
    return [p for p in pieces if p]


def missing_part(document: str, quote: str) -> str | None:
    """The first piece of `quote` not found in `document` (in order), or None when all are."""
    haystack = _normalised_document(document)
    parts = quote_parts(quote)
    if not parts:
        return normalise_for_quote(quote)
    at = 0
    for part in parts:
        found = haystack.find(part, at)
        if found == -1:
            return part
        at = found + len(part)
    return None


def find_quote(document: str, quote: str) -> bool:
    """True if `quote` appears in `document`, up to whitespace and typography.

    A quote may leave out text between its pieces with an ellipsis; the pieces
    must then appear in the document in the order quoted.
    """
    return missing_part(document, quote) is None


def closest_passage(document: str, quote: str, *, limit: int = 200) -> str:
    """The passage of `document` most like `quote`, widened to whole words."""
    from rapidfuzz.fuzz import partial_ratio_alignment

    haystack = _normalised_document(document)
    needle = normalise_for_quote(quote)
    if not haystack or not needle:
        return ""
    if len(needle) >= len(haystack):
        return clip(haystack, limit)
    alignment = partial_ratio_alignment(needle, haystack)
    if alignment is None:
        return ""
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and not haystack[start - 1].isspace():
        start -= 1
    while end < len(haystack) and not haystack[end].isspace():
        end += 1
    return clip(haystack[start:end].strip(), limit)
