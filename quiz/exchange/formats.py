"""The exchange formats by name, and guessing one from a file name."""

from __future__ import annotations

from pathlib import Path

READ_FORMATS = ("yaml", "gift", "moodle-xml", "anki-txt")
WRITE_FORMATS = ("yaml", "gift", "moodle-xml", "anki-txt", "apkg")
FORMATS = WRITE_FORMATS
MAX_BYTES = 16 * 1024 * 1024  # a converted file above this is refused, unread

_BY_SUFFIX = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".gift": "gift",
    ".xml": "moodle-xml",
    ".apkg": "apkg",
}


def guess(path: Path, head: str | None = None) -> str | None:
    """The format a file name says; for `.txt`, what the first text says (`head`), if given."""
    suffix = path.suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix == ".txt" and head is not None:
        first = next((line for line in head.splitlines() if line.strip()), "")
        if first.startswith(("#separator:", "#html:", "#tags", "#columns:", "#notetype")):
            return "anki-txt"
        if "\t" in first:
            return "anki-txt"
        if "{" in head or first.startswith(("//", "::", "$CATEGORY:")):
            return "gift"
    return None
