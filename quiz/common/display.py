"""How results read, the same in every front end and report: verdict words, mode names,
given answers, scores, clipped text and plain-text tables.

Text only, keyed by plain strings (a `Verdict` or `Mode` is a `str`), so any
layer can use it; colours and markup stay with each front end.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from quiz.common.wording import format_number, format_points, shorten

# Words first and a symbol beside them, so colour is never the only cue.
VERDICT_WORDS: dict[str, str] = {
    "correct": "Correct",
    "partial": "Partly correct",
    "incorrect": "Incorrect",
    "skipped": "Skipped",
    "timeout": "Time ran out",
}
VERDICT_SYMBOLS: dict[str, str] = {
    "correct": "✓",
    "partial": "◐",
    "incorrect": "✗",
    "skipped": "–",
    "timeout": "⏱",
}
MODE_NAMES: dict[str, str] = {
    "study": "Study today",
    "practice": "Practice",
    "review": "Review missed",
    "exam": "Exam",
    "drill": "Drill",
}
NO_ANSWER = "(no answer)"
NOTHING_CHOSEN = "(nothing chosen)"
ELLIPSIS = "…"


def verdict_word(verdict: str) -> str:
    """'Correct', 'Partly correct', ... (an unknown verdict as it is)."""
    return VERDICT_WORDS.get(verdict, verdict)


def verdict_label(verdict: str) -> str:
    """'✓ Correct', '◐ Partly correct', ..."""
    return f"{VERDICT_SYMBOLS.get(verdict, '?')} {verdict_word(verdict)}"


def mode_name(mode: str) -> str:
    """'Study today', 'Practice', 'Review missed', 'Exam', 'Drill' (an unknown mode as it is)."""
    return MODE_NAMES.get(mode, mode)


def given_items(given: object, *, ordered: bool = False) -> list[str]:
    """A learner's answer as the items they would recognise: one per choice, pair or item.

    True/False, numbers as written (2002, not 2002.0), matching pairs as
    "left → right", an ordering (`ordered`) numbered "1. first".
    """
    if given is None:
        return []
    if isinstance(given, bool):
        return ["True" if given else "False"]
    if isinstance(given, int | float):
        return [format_number(given)]
    if isinstance(given, Mapping):
        return [f"{left} → {_one(right)}" for left, right in given.items()]
    if isinstance(given, list | tuple):
        items = [_one(item) for item in given]
        return [f"{n}. {item}" for n, item in enumerate(items, 1)] if ordered else items
    return [str(given)]


def format_given(
    given: object,
    *,
    ordered: bool = False,
    sep: str | None = None,
    bullet: str = "",
    none: str = NO_ANSWER,
) -> str:
    """A learner's answer as one string: its items joined by `sep` (by default ", " for
    a choice of several, "; " for pairs and orderings; a line break lays it out one a
    line), each item of an unordered list after `bullet`; `none` when there is none."""
    if given is None:
        return none
    items = given_items(given, ordered=ordered)
    if not items:
        return NOTHING_CHOSEN
    unordered = isinstance(given, list | tuple) and not ordered
    if bullet and unordered:
        items = [f"{bullet}{item}" for item in items]
    if sep is None:
        sep = ", " if unordered else "; "
    text = sep.join(items)
    if isinstance(given, str):
        text = shorten(text)  # on screen only: the store keeps it whole
    return text if text.strip() else "(empty)"


def _one(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return given_items(value)[0]
    return str(value)


def score_fraction(points: float, questions: int, percent: float) -> str:
    """'2/4 (50%)': a session's points over its questions."""
    return f"{format_points(points)}/{questions} ({percent:.0f}%)"


def score_points(points: float, questions: int, percent: float) -> str:
    """'2 of 4 points (50%)'."""
    return f"{format_points(points)} of {questions} points ({percent:.0f}%)"


def answered_note(answered: int, questions: int) -> str:
    """'2 of 4 answered': said beside the score of a session that stopped early."""
    return f"{answered} of {questions} answered"


def clip(text: str, width: int, *, one_line: bool = True) -> str:
    """`text` cut to `width` characters, the cut marked with '…'; `one_line` joins its lines."""
    if one_line:
        text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)].rstrip() + ELLIPSIS


def cell_width(text: str) -> int:
    """Columns a string takes in a terminal: wide East Asian characters take two,
    combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded with spaces to `width` terminal columns (on the left with `right`)."""
    fill = " " * max(0, width - cell_width(text))
    return fill + text if right else text + fill


def table(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str] | None = None,
    *,
    indent: str = "",
    numbers_right: bool = False,
    rule: bool = True,
) -> list[str]:
    """Rows in aligned columns, two spaces apart, as lines (no trailing spaces).

    With `headers`, a row of dashes follows them (unless `rule` is off). With
    `numbers_right`, a cell that starts with a digit (or is "-") is aligned right,
    and so is the header of a column of such cells.
    """
    body = [[str(c) for c in row] for row in rows]
    cells = [[str(h) for h in headers], *body] if headers is not None else body
    if not cells:
        return []
    columns = len(cells[0])
    widths = [max(cell_width(row[i]) for row in cells) for i in range(columns)]
    numeric = [bool(body) and all(_numeric(row[i]) for row in body) for i in range(columns)]

    def right(n: int, i: int, cell: str) -> bool:
        header = headers is not None and n == 0
        return numbers_right and (numeric[i] if header else _numeric(cell))

    lines = [
        indent
        + "  ".join(
            pad(c, w, right=right(n, i, c))
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for n, row in enumerate(cells)
    ]
    if headers is not None and rule:
        lines.insert(1, indent + "  ".join("-" * w for w in widths))
    return lines


def _numeric(cell: str) -> bool:
    return bool(cell) and (cell[0].isdigit() or cell == "-")
