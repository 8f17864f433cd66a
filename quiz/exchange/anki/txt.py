"""Anki's "Notes in Plain Text" files: tab-separated notes, in and out.

Out: `#separator:tab`, `#html:true`, `#tags column:3`, then one note per question:
front (prompt, and the choices or items to pick from), back (answer, explanation,
`Source: “…”`), tags (the topic and the question's tags). In: any such file, with
or without headers; a note's layout written here is read back to its type, anything
else becomes a short-answer question (front: prompt, back: answer).
"""

from __future__ import annotations

import csv
import io
import re

from quiz.bank.model import Bank, Question, QuestionType
from quiz.common.errors import Problem
from quiz.common.wording import format_number
from quiz.exchange.build import Draft, Skip
from quiz.exchange.feedback import split_feedback
from quiz.exchange.notes import (
    NOT_CARRIED,
    SKIPPED,
    Exported,
    Imported,
    Note,
    difficulty_not_carried,
)
from quiz.exchange.textconv import IdMaker, field_text, lines_to_html

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_CHOICE = re.compile(r"\A(\d)\. (.+)\Z")
_PAIR = " → "
_TF_HINT = "True or false?"
_PICK_ONE = "Choose one:"
_PICK_ALL = "Choose all that apply:"
_ORDER = "Put in order:"
_MATCH_LEFT = "Match each of:"
_MATCH_RIGHT = "with one of:"
_ALSO = "Also accepted: "
_NUMBER = re.compile(
    r"\A(?P<value>[-+]?\d+(?:\.\d+)?)(?: ± (?P<tol>\d+(?:\.\d+)?))?(?: (?P<unit>[^\d\n].*))?\Z"
)


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())


def _numbered(items: list[str]) -> str:
    return "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))


def front_text(q: Question) -> str:
    """The front of a question's note as plain text."""
    kind = q.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        return f"{q.prompt}\n\n{_PICK_ONE}\n{_numbered(list(q.choices))}"
    if kind is QuestionType.MULTIPLE_SELECT:
        return f"{q.prompt}\n\n{_PICK_ALL}\n{_numbered(list(q.choices))}"
    if kind is QuestionType.TRUE_FALSE:
        return f"{q.prompt}\n\n{_TF_HINT}"
    if kind is QuestionType.ORDERING:
        return f"{q.prompt}\n\n{_ORDER}\n{_numbered(sorted(q.items))}"
    if kind is QuestionType.MATCHING:
        lefts = [left for left, _ in q.pairs]
        rights = sorted(right for _, right in q.pairs)
        return (
            f"{q.prompt}\n\n{_MATCH_LEFT}\n{_numbered(lefts)}"
            f"\n\n{_MATCH_RIGHT}\n{_numbered(rights)}"
        )
    return q.prompt


def answer_text(q: Question) -> str:
    """The answer as a learner reads it on the back of the card."""
    kind = q.type
    if kind is QuestionType.TRUE_FALSE:
        return "True" if q.truth else "False"
    if kind is QuestionType.MULTIPLE_SELECT:
        return "\n".join(q.items)
    if kind is QuestionType.ORDERING:
        return _numbered(list(q.items))
    if kind is QuestionType.MATCHING:
        return "\n".join(f"{left}{_PAIR}{right}" for left, right in q.pairs)
    if kind is QuestionType.NUMERIC:
        text = format_number(q.number)
        if q.tolerance:
            text += f" ± {format_number(q.tolerance)}"
        return f"{text} {q.unit}" if q.unit else text
    if q.accept:
        return f"{q.answer}\n{_ALSO}" + " | ".join(q.accept)
    return str(q.answer)


def back_text(q: Question) -> str:
    """The back of a question's note: answer, explanation, source quote."""
    parts = [answer_text(q)]
    if q.explanation:
        parts.append(q.explanation)
    if q.source:
        parts.append(f"Source: “{q.source}”")
    return "\n\n".join(parts)


def note_tags(q: Question) -> list[str]:
    """Anki tags of a question: its topic, then its tags (spaces become '_')."""
    tags = ([q.topic] if q.topic else []) + list(q.tags)
    return list(dict.fromkeys(_tag(t) for t in tags if t.strip()))


def write_anki_txt(bank: Bank) -> Exported:
    """The bank as an Anki "Notes in Plain Text" file."""
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    notes: list[Note] = []
    for q in bank.questions:
        writer.writerow(
            [lines_to_html(front_text(q)), lines_to_html(back_text(q)), " ".join(note_tags(q))]
        )
        notes += difficulty_not_carried(q)
    return Exported(text=out.getvalue(), notes=notes)


def read_anki_txt(text: str, path: str) -> Imported:
    """Every note of an Anki plain-text file as a question."""
    result = Imported()
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    headers: dict[str, str] = {}
    lines = text.split("\n")
    body_start = 0
    for number, line in enumerate(lines):
        if not line.startswith("#"):
            break
        key, _, value = line[1:].partition(":")
        headers[key.strip().lower()] = value.strip()
        body_start = number + 1
    separator = _separator(headers.get("separator", ""), lines[body_start:])
    fmt = "html" if headers.get("html", "false").lower() == "true" else "plain"
    tags_col = _column(headers.get("tags column"))
    skip_cols = {
        c
        for c in (
            _column(headers.get(k)) for k in ("notetype column", "deck column", "guid column")
        )
        if c is not None
    }
    body = "\n".join(lines[body_start:])
    reader = csv.reader(io.StringIO(body), delimiter=separator)
    ids = IdMaker()
    try:
        rows = list(reader)
    except csv.Error as exc:
        result.problems.append(Problem(path, body_start + reader.line_num, 0, str(exc)))
        return result
    at = body_start + 1
    rows_with_lines: list[tuple[int, list[str]]] = []
    for row in rows:
        rows_with_lines.append((at, row))
        at += 1 + sum(cell.count("\n") for cell in row)
    for number, (line_no, row) in enumerate(rows_with_lines, start=1):
        if not any(cell.strip() for cell in row) or (row and row[0].startswith("#")):
            continue
        tags = row[tags_col].split() if tags_col is not None and tags_col < len(row) else []
        tags = [*headers.get("tags", "").split(), *tags]  # `#tags:` adds tags to every note
        fields = [c for i, c in enumerate(row) if i != tags_col and i not in skip_cols]
        if len(fields) < 2 or not fields[1].strip():
            result.notes.append(Note(line_no, SKIPPED, "a note without a back has no answer"))
            continue
        front, back = (field_text(f, fmt, result.notes, line_no) for f in fields[:2])
        if len(fields) > 2 and any(f.strip() for f in fields[2:]):
            result.notes.append(Note(line_no, NOT_CARRIED, f"{len(fields) - 2} more field(s)"))
        if "{{c" in front:
            result.notes.append(Note(line_no, SKIPPED, "cloze notes have no quiz type"))
            continue
        try:
            result.questions.append(_question(front, back, tags, ids, number, line_no))
        except Skip as exc:
            result.notes.append(Note(line_no, SKIPPED, str(exc)))
    return result


def _separator(name: str, lines: list[str]) -> str:
    if name:
        return _SEPARATORS.get(name.lower(), name[0])
    first = next((line for line in lines if line.strip()), "")
    for char in ("\t", ";", ","):  # Anki's own guess: what the first line holds
        if char in first:
            return char
    return "\t"


def _column(value: str | None) -> int | None:
    if value and value.isdigit() and int(value) >= 1:
        return int(value) - 1
    return None


def _items(block: str) -> list[str] | None:
    items = []
    for line in block.split("\n"):
        match = _CHOICE.match(line)
        if match is None:
            return None
        items.append(match.group(2))
    return items


def _question(
    front: str, back: str, tags: list[str], ids: IdMaker, number: int, line: int
) -> Question:
    paragraphs = front.split("\n\n")
    prompt = paragraphs[0]
    rest = paragraphs[1:]
    answer_part, _, more = back.partition("\n\n")
    explanation, source = split_feedback(more)
    qid = ids.make(prompt[:50], number)
    draft = Draft(qid, prompt, line, explanation, source, tags=tags)

    def block(label: str) -> list[str] | None:
        for part in rest:
            head, _, body = part.partition("\n")
            if head == label:
                return _items(body)
        return None

    if rest == [_TF_HINT] and answer_part in ("True", "False"):
        return draft.finish(QuestionType.TRUE_FALSE, answer_part == "True")
    choices = block(_PICK_ONE)
    if choices is not None:
        return draft.finish(QuestionType.MULTIPLE_CHOICE, answer_part, choices=choices)
    choices = block(_PICK_ALL)
    if choices is not None:
        picked = tuple(answer_part.split("\n"))
        return draft.finish(QuestionType.MULTIPLE_SELECT, picked, choices=choices)
    ordered = _items(answer_part)
    if block(_ORDER) is not None and ordered is not None:
        return draft.finish(QuestionType.ORDERING, tuple(ordered))
    if block(_MATCH_LEFT) is not None:
        halves = [line.split(_PAIR, 1) for line in answer_part.split("\n")]
        if all(len(h) == 2 for h in halves):
            pairs = tuple((left, right) for left, right in halves)
            return draft.finish(QuestionType.MATCHING, pairs)
    if rest:
        draft.prompt = front  # not our layout: the whole front is the prompt
    number_match = _NUMBER.match(answer_part)
    if number_match:
        return draft.finish(
            QuestionType.NUMERIC,
            float(number_match.group("value")),
            tolerance=float(number_match.group("tol") or 0),
            unit=number_match.group("unit"),
        )
    first, _, also = answer_part.partition("\n" + _ALSO)
    if also:
        accept = tuple(a.strip() for a in also.split(" | ") if a.strip())
        return draft.finish(QuestionType.SHORT_ANSWER, first, accept=accept)
    return draft.finish(QuestionType.SHORT_ANSWER, " ".join(answer_part.split("\n")))
