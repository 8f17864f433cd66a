"""Finding a question's source quote in its document, forgiving typography but not wording."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def find_quote(document: str, quote: str) -> bool:
    """True if `quote` appears in `document`, up to whitespace and typography."""
    needle = normalise_for_quote(quote)
    return bool(needle) and needle in _normalised_document(document)


def closest_passage(document: str, quote: str, *, limit: int = 200) -> str:
    """The passage of `document` most like `quote`, widened to whole words."""
    from rapidfuzz.fuzz import partial_ratio_alignment

    haystack = _normalised_document(document)
    needle = normalise_for_quote(quote)
    if not haystack or not needle:
        return ""
    if len(needle) >= len(haystack):
        return _clip(haystack, limit)
    alignment = partial_ratio_alignment(needle, haystack)
    if alignment is None:
        return ""
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and not haystack[start - 1].isspace():
        start -= 1
    while end < len(haystack) and not haystack[end].isspace():
        end += 1
    return _clip(haystack[start:end].strip(), limit)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
