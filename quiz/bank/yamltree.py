"""Positioned YAML data: scalars, sequences and mappings that know their line and column.

Kept apart from the parser (`yamlnodes`) so that loading a bank from the cache
never imports PyYAML.
"""

from __future__ import annotations

from pathlib import Path

from quiz.common.errors import Problem

BOM = b"\xef\xbb\xbf"
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Scalar:
    """A scalar exactly as written, with its 1-based position."""

    __slots__ = ("col", "line", "plain", "value")

    def __init__(self, value: str, line: int, col: int, plain: bool) -> None:
        self.value = value
        self.line = line
        self.col = col
        self.plain = plain  # unquoted, so `true` or `42` may mean a boolean or a number

    @property
    def is_null(self) -> bool:
        """True for an empty plain value, `~` or `null`."""
        return self.plain and self.value in NULLS

    def __repr__(self) -> str:
        return f"Scalar({self.value!r}, {self.line}:{self.col})"


class Seq:
    """A sequence of positioned items."""

    __slots__ = ("col", "items", "line")

    def __init__(self, items: list[Value], line: int, col: int) -> None:
        self.items = items
        self.line = line
        self.col = col


class Map:
    """A mapping with text keys; `keys` holds each key's own position."""

    __slots__ = ("col", "keys", "line", "values")

    def __init__(self, line: int, col: int) -> None:
        self.values: dict[str, Value] = {}
        self.keys: dict[str, Scalar] = {}
        self.line = line
        self.col = col


Value = Scalar | Seq | Map


def decode(data: bytes, path: Path | str) -> tuple[str | None, Problem | None]:
    """UTF-8 bytes -> text without a BOM; a problem located at the first bad byte otherwise."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - before.rfind(b"\n")  # rfind gives -1 on the first line
        bad = data[exc.start : exc.start + 1].hex().upper()
        message = f"byte 0x{bad} is not UTF-8; save the file with UTF-8 encoding"
        return None, Problem(path, line, col, message)
