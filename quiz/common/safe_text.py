"""Text from strangers made safe for a terminal, a spreadsheet or a JSON line.

Bank text, names, typed answers, file names and results files may hold control
characters: an escape sequence can clear a screen, retitle a window or set the
clipboard (OSC 52), and a bidi override can make text read backwards. Every edge
that prints such text passes it through `visible`, which shows each dangerous
character as an escape (`\\x1b`, `\\u202e`) instead of sending it. Cells written
for a spreadsheet pass through `csv_cell`, which also stops them being formulas.
"""

from __future__ import annotations

import re
from typing import TextIO

# C0 controls, DEL and C1 controls; newline and tab are decided by the caller.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Format characters that reorder or hide text: bidi embeddings, overrides and
# isolates, the line and paragraph separators, and the interlinear annotations.
_REORDERING = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufff9-\ufffb"
# Lone surrogates (from JSON's \ud800) cannot even be encoded for output.
_SURROGATE = "\ud800-\udfff"
_DANGEROUS = re.compile(f"[{_CONTROL}{_REORDERING}{_SURROGATE}]")
_DANGEROUS_ALL = re.compile(f"[{_CONTROL}{_REORDERING}{_SURROGATE}\n\t]")
# A spreadsheet reads a cell starting with one of these as a formula (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control or reordering character shown as an escape, not sent.

    Newline and tab are kept when `keep_newlines` (multi-line text whose layout
    needs them); otherwise they are shown too (a name, a table cell).
    """
    text = str(text)
    pattern = _DANGEROUS if keep_newlines else _DANGEROUS_ALL
    if pattern.search(text) is None:  # the usual case: nothing to do
        return text
    return pattern.sub(_escape, text)


def csv_cell(value: object) -> str:
    """A spreadsheet cell that shows `value` as text: never a live formula, no control bytes.

    A cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
    leading `'`, as OWASP advises; a plain number stays a number.
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return str(value)
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return visible(text)


def json_safe(text: str) -> str:
    """JSON text with every dangerous character as a `\\uXXXX` escape (same data, read back)."""
    return _DANGEROUS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class VisibleWriter:
    """A text stream that passes everything written through `visible` (for plain reports)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return self._out.write(visible(text))

    def flush(self) -> None:
        self._out.flush()
