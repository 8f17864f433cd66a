"""Read Moodle's GIFT format into questions, as Moodle's own importer reads it.

Questions are separated by blank lines; `//` lines are comments (`[tag:x]` in them
are tags); `$CATEGORY:` sets the topic; `::title::`, `[html]`-style format markers,
the escapes `\\~ \\= \\# \\{ \\} \\: \\n \\\\`, and one answer section `{...}` per question.
See docs/exchange.md for what each question type becomes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quiz.bank.model import Question, QuestionType
from quiz.common.errors import Problem
from quiz.exchange.build import Draft, Skip, first_number
from quiz.exchange.category import category_topic
from quiz.exchange.feedback import split_feedback
from quiz.exchange.notes import NOT_CARRIED, SKIPPED, Imported, Note, partial_credit
from quiz.exchange.textconv import IdMaker, field_text, tidy

# Escaped characters become private-use placeholders while the structure is parsed.
_ESCAPES = {
    ":": "\ue03a",
    "#": "\ue023",
    "=": "\ue03d",
    "{": "\ue07b",
    "}": "\ue07d",
    "~": "\ue07e",
}
_BACKSLASH, _NEWLINE = "\ue05c", "\ue00a"
_RESTORE = str.maketrans({v: k for k, v in _ESCAPES.items()} | {_BACKSLASH: "\\", _NEWLINE: "\n"})
_PRIVATE = re.compile(r"[\ue000-\ue0ff]")
_FORMAT = re.compile(r"\A\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"\A%(-?\d+(?:\.\d*)?)%")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]])+)\]")
_ORDERING = re.compile(
    r"\A>\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*"
    r"(HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?\s*([A-Z_]+)?[ \t]*\n?(.*)\Z",
    re.DOTALL,
)
Piece = Callable[[str], tuple[str, str]]  # an answer's text and its `#` feedback
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class _Malformed(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass
class _Block:
    line: int  # first line of the block, 1-based
    text: str  # comment lines blanked, so offsets still map to lines
    comments: list[str] = field(default_factory=list)

    @property
    def escaped(self) -> str:
        return _escape(self.text)

    def line_at(self, offset: int) -> int:
        """The file line of an offset into the escaped text (escapes never span lines)."""
        return self.line + self.escaped.count("\n", 0, max(0, offset))

    def column_at(self, offset: int) -> int:
        return max(0, offset) - self.escaped.rfind("\n", 0, max(0, offset))


def read_gift(text: str, path: str) -> Imported:
    """Every question of a GIFT file, with notes for what was skipped or not carried."""
    result = Imported()
    ids = IdMaker()
    topic = ""
    for number, block in enumerate(_blocks(text), start=1):
        body = block.text.strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            topic = category_topic(_unescape(_escape(body[len("$CATEGORY:") :])))
            continue
        try:
            question = _question(block, topic, ids, number, result.notes)
        except _Malformed as exc:
            line, column = block.line_at(exc.offset), block.column_at(exc.offset)
            result.problems.append(Problem(path, line, column, str(exc)))
        except Skip as exc:
            result.notes.append(Note(block.line, SKIPPED, str(exc)))
        else:
            result.questions.append(question)
    return result


def _blocks(text: str) -> list[_Block]:
    text = _PRIVATE.sub("\ufffd", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[_Block] = []
    current: list[str] = []
    comments: list[str] = []
    start = 1
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            if not current:
                start = number
            if line.strip().startswith("//"):
                comments.append(line.strip())
                current.append("")
            else:
                current.append(line)
        elif current:
            blocks.append(_Block(start, "\n".join(current), comments))
            current, comments = [], []
    return blocks


def _escape(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    for char, placeholder in _ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace("\\n", _NEWLINE)


def _unescape(text: str) -> str:
    return text.translate(_RESTORE)


def _plain(text: str, fmt: str, notes: list[Note], line: int) -> str:
    """A piece of question text as plain text, by its format marker (or the default)."""
    match = _FORMAT.match(text)
    if match:
        fmt = match.group(1).lower()
        text = text[match.end() :]
    return field_text(_unescape(text), fmt, notes, line)


def _question(block: _Block, topic: str, ids: IdMaker, number: int, notes: list[Note]) -> Question:
    raw = block.escaped
    bad = re.search(r"\\\s*\Z", raw)
    if bad:
        raise _Malformed(bad.start(), "a backslash at the end of the question escapes nothing")
    start = len(raw) - len(raw.lstrip())
    body = raw.strip()
    title = ""
    if body.startswith("::"):
        end = body.find("::", 2)
        if end == -1:
            raise _Malformed(start, "the title opened with '::' is not closed with '::'")
        title = tidy(_unescape(body[2:end]))
        consumed = len(body) - len(body[end + 2 :].lstrip())
        start += consumed
        body = body[end + 2 :].strip()
    opens = [m.start() for m in re.finditer(r"\{", body)]
    closes = [m.start() for m in re.finditer(r"\}", body)]
    line = block.line_at(len(raw) - len(raw.lstrip()))
    fmt_match = _FORMAT.match(body)
    fmt = fmt_match.group(1).lower() if fmt_match else "moodle"
    if not opens and not closes:
        raise Skip("a description (no answer section) is not a question")
    if len(opens) != len(closes) or closes[0] < opens[0]:
        where = closes[0] if not opens or (closes and closes[0] < opens[0]) else opens[-1]
        what = "'}' without its '{'" if where in closes else "'{' without its '}'"
        raise _Malformed(start + where, f"unbalanced braces: {what} (escape a literal one as \\{{)")
    if len(opens) > 1:
        raise _Malformed(
            start + opens[1],
            "a second answer section in one question; separate questions with a blank line",
        )
    open_at, close_at = opens[0], closes[0]
    answers = body[open_at + 1 : close_at].strip()
    after = body[close_at + 1 :].strip()
    prompt_raw = body[:open_at] + ("_____" + " " + after if after else "")
    if after:
        prompt_raw = body[:open_at].rstrip() + " _____ " + after
    general = ""
    cut = answers.rfind("####")
    if cut != -1:
        general, answers = answers[cut + 4 :], answers[:cut].strip()
    prompt = _plain(prompt_raw, fmt, notes, line)
    explanation, source = split_feedback(_plain(general, fmt, notes, line)) if general else ("", "")
    tags = [
        _unescape(t.replace("\\]", "]")).strip() for c in block.comments for t in _TAG.findall(c)
    ]
    qid = ids.make(title or prompt[:50], number)
    draft = Draft(qid, prompt, line, explanation, source, topic, tags)

    def piece(text: str) -> tuple[str, str]:
        text, _, fb = text.partition("#")
        return _plain(text.strip(), fmt, notes, line), _plain(fb.strip(), fmt, notes, line)

    if not answers:
        raise Skip("an essay question has no answer to check")
    if answers.startswith(">"):
        return _ordering(answers, draft, notes, line)
    if answers.startswith("#"):
        return _numeric(answers[1:], piece, draft, notes, line, block, start + open_at)
    if "~" in answers:
        return _choice(answers, piece, draft, notes, line)
    if "=" in answers and "->" in answers:
        return _matching(answers, fmt, draft, notes, line, block, start + open_at)
    head, _, rest = answers.partition("#")
    if head.strip() in _TRUE_FALSE:
        value = _TRUE_FALSE[head.strip()]
        wrong, _, right = rest.partition("#")
        for label, fb in (("If answered wrongly", wrong), ("If answered rightly", right)):
            text = _plain(fb.strip(), fmt, notes, line)
            if text:
                draft.feedback.append(f"{label}: {text}")
        return draft.finish(QuestionType.TRUE_FALSE, value)
    return _short(answers, piece, draft, notes, line)


def _parts(answers: str, marker: str) -> list[str]:
    parts = [p.strip() for p in answers.split(marker)]
    if parts and not parts[0]:
        parts.pop(0)
    return parts


def _weight(text: str) -> tuple[float | None, str]:
    match = _WEIGHT.match(text)
    if match is None:
        return None, text
    return float(match.group(1)), text[match.end() :]


def _choice(answers: str, piece: Piece, draft: Draft, notes: list[Note], line: int) -> Question:
    single = "=" in answers
    choices: list[str] = []
    right: list[str] = []
    for part in _parts(answers.replace("=", "~="), "~"):
        if part.startswith("="):
            weight, rest = 100.0, part[1:]
        else:
            found, rest = _weight(part)
            weight = found or 0.0
        text, fb = piece(rest)
        choices.append(text)
        if fb:
            draft.feedback.append(f"{text}: {fb}")
        if weight >= 100 or (not single and weight > 0):
            right.append(text)
        elif weight > 0:
            notes.append(partial_credit(line, weight, f"'{text}'; it counts as wrong"))
    if single:
        if len(right) != 1:
            raise Skip(f"{len(right)} answers get full credit in a single-answer question")
        return draft.finish(QuestionType.MULTIPLE_CHOICE, right[0], choices=choices)
    return draft.finish(QuestionType.MULTIPLE_SELECT, tuple(right), choices=choices)


def _short(answers: str, piece: Piece, draft: Draft, notes: list[Note], line: int) -> Question:
    full: list[str] = []
    for part in _parts(answers, "="):
        weight, rest = _weight(part)
        text, fb = piece(rest)
        if fb:
            draft.feedback.append(f"{text}: {fb}")
        if re.search(r"(?<!\\)\*", text):
            notes.append(Note(line, NOT_CARRIED, f"the wildcard answer '{text}'"))
            continue
        text = text.replace("\\*", "*")
        if weight is not None and weight < 100:
            if weight > 0:
                notes.append(partial_credit(line, weight, f"'{text}'"))
            continue
        full.append(text)
    if not full:
        raise Skip("no answer gets full credit")
    return draft.finish(QuestionType.SHORT_ANSWER, full[0], accept=tuple(full[1:]))


def _number(text: str, block: _Block, offset: int) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise _Malformed(offset, f"'{text}' is not a number")
    return value


def _numeric(
    answers: str,
    piece: Piece,
    draft: Draft,
    notes: list[Note],
    line: int,
    block: _Block,
    offset: int,
) -> Question:
    answers, _, wrong = answers.partition("~")
    if wrong.strip():
        _, fb = piece(wrong)
        if fb:
            draft.feedback.append(f"Otherwise: {fb}")
    found: list[tuple[float, float]] = []
    parts = _parts(answers, "=")
    if not parts:
        raise _Malformed(offset, "a numerical question with no number")
    for part in parts:
        weight, rest = _weight(part)
        text, fb = piece(rest)
        if ".." in text:
            low_text, _, high_text = text.partition("..")
            low, high = (
                _number(low_text.strip(), block, offset),
                _number(high_text.strip(), block, offset),
            )
            value, tolerance = (low + high) / 2, abs(high - low) / 2
        elif ":" in text:
            value_text, _, tol_text = text.partition(":")
            value, tolerance = (
                _number(value_text.strip(), block, offset),
                abs(_number(tol_text.strip(), block, offset)),
            )
        else:
            value, tolerance = _number(text.strip(), block, offset), 0.0
        if fb:
            draft.feedback.append(f"{text}: {fb}")
        if weight is not None and weight < 100:
            if weight > 0:
                notes.append(partial_credit(line, weight, text))
            continue
        found.append((value, tolerance))
    value, tolerance = first_number(found, notes, line)
    return draft.finish(QuestionType.NUMERIC, value, tolerance=tolerance)


def _matching(
    answers: str, fmt: str, draft: Draft, notes: list[Note], line: int, block: _Block, offset: int
) -> Question:
    pairs: list[tuple[str, str]] = []
    for part in _parts(answers, "="):
        if "->" not in part:
            raise _Malformed(offset, f"matching pair '{_unescape(part)}' has no '->'")
        left, _, right = part.partition("->")
        left_text = _plain(left.strip(), fmt, notes, line)
        right_text = tidy(_unescape(right))
        if not left_text:
            notes.append(Note(line, NOT_CARRIED, f"the extra wrong match '{right_text}'"))
            continue
        pairs.append((left_text, right_text))
    return draft.finish(QuestionType.MATCHING, tuple(pairs))


def _ordering(answers: str, draft: Draft, notes: list[Note], line: int) -> Question:
    match = _ORDERING.match(_unescape(answers))
    if match is None:
        raise Skip("an ordering answer section '{>...}' that cannot be read")
    count, select = int(match.group(1)), (match.group(2) or "RANDOM")
    items = [tidy(item) for item in match.group(5).split("\n") if item.strip()]
    if select not in ("ALL", "EXACT") and 2 < count < len(items):
        notes.append(
            Note(line, NOT_CARRIED, f"Moodle shows {count} of the {len(items)} items; all are kept")
        )
    return draft.finish(QuestionType.ORDERING, tuple(items))
