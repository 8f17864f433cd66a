"""Write a bank as Moodle GIFT text: every type GIFT holds, special characters escaped.

The explanation and source quote travel in the general feedback (`####`), the quote as
its last paragraph `Source: “…”` so reading the file back restores `source:`. Ordering
goes out in the GIFT form of Moodle's ordering question type (`{>0 ALL ...}`).
"""

from __future__ import annotations

import re

from quiz.bank.model import Bank, Question, QuestionType
from quiz.common.wording import format_number
from quiz.exchange.build import Skip
from quiz.exchange.category import category_path
from quiz.exchange.feedback import join_feedback
from quiz.exchange.notes import (
    CONVERTED,
    NOT_CARRIED,
    SKIPPED,
    Exported,
    Note,
    about,
    difficulty_not_carried,
)

_SPECIAL = re.compile(r"([~=#{}:])")
_HTML_LIKE = re.compile(r"[<>&]")


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped and line breaks as `\\n`."""
    text = text.replace("\\", "\\\\")
    return _SPECIAL.sub(r"\\\1", text).replace("\r", "").replace("\n", "\\n")


def category_line(topic: str) -> str:
    """The `$CATEGORY:` line that puts the questions after it under `topic`."""
    return "$CATEGORY: " + escape(category_path(topic))


def write_gift(bank: Bank) -> Exported:
    """The bank as GIFT text, with a note for each question skipped or changed."""
    result = Exported()
    lines = [f"// {escape(bank.title)}", f"// Written by quiz from the bank '{bank.id}'.", ""]
    topic = ""
    for question in bank.questions:
        try:
            text = _question(question, result.notes)
        except Skip as exc:
            result.notes.append(about(question, SKIPPED, str(exc)))
            continue
        if question.topic != topic:
            topic = question.topic
            lines += [category_line(topic), ""]
        lines += [text, ""]
        result.notes += difficulty_not_carried(question)
    result.text = "\n".join(lines)
    return result


def _question(q: Question, notes: list[Note]) -> str:
    texts = [q.prompt, q.explanation, q.source, *q.choices, *q.accept]
    if isinstance(q.answer, str):
        texts.append(q.answer)
    marker = "[plain]" if any(_HTML_LIKE.search(t) for t in texts) else ""
    head = _comment(q) + f"::{escape(q.id)}::{marker}{escape(q.prompt)}"
    general = join_feedback(q.explanation, q.source)
    tail = f"\t####{escape(general)}\n" if general else ""
    kind = q.type
    if kind is QuestionType.ORDERING:
        return _ordering(q, head, notes)
    if kind is QuestionType.TRUE_FALSE:
        word = "TRUE" if q.truth else "FALSE"
        return head + "{" + word + (f"####{escape(general)}" if general else "") + "}"
    if kind is QuestionType.MULTIPLE_CHOICE:
        body = "".join(f"\t{'=' if c == q.text else '~'}{escape(c)}\n" for c in q.choices)
    elif kind is QuestionType.MULTIPLE_SELECT:
        right = set(q.items)
        share = _weight(100 / len(right))
        body = "".join(f"\t~%{share if c in right else '-100'}%{escape(c)}\n" for c in q.choices)
    elif kind is QuestionType.SHORT_ANSWER:
        answers = [q.text, *q.accept]
        if any("->" in a for a in answers):
            raise Skip("an answer holds '->', which GIFT reads as a matching question")
        body = "".join("\t=" + escape(a).replace("*", "\\*") + "\n" for a in answers)
    elif kind is QuestionType.NUMERIC:
        if q.unit:
            notes.append(about(q, NOT_CARRIED, f"the unit '{q.unit}'"))
        body = f"\t={format_number(q.number)}:{format_number(q.tolerance)}\n"
        return head + "{#\n" + body + tail + "}"
    else:
        if any("->" in side for pair in q.pairs for side in pair):
            raise Skip("an item holds '->', which GIFT uses between the two sides of a pair")
        body = "".join(f"\t={escape(left)} -> {escape(right)}\n" for left, right in q.pairs)
    return head + "{\n" + body + tail + "}"


def _comment(q: Question) -> str:
    marks = [f"[id:{q.id}]"] + ["[tag:" + t.replace("]", "\\]") + "]" for t in q.tags]
    return "// " + " ".join(marks).replace("\n", " ") + "\n"


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _ordering(q: Question, head: str, notes: list[Note]) -> str:
    items = q.items
    if any(c in q.prompt for c in "{}"):
        raise Skip("ordering in GIFT cannot hold '{' or '}' in the prompt")
    for item in items:
        if "\n" in item or any(c in item for c in "{}") or item.lstrip().startswith("//"):
            raise Skip(f"ordering item '{item}' cannot be written on one plain GIFT line")
    notes.append(
        about(
            q,
            CONVERTED,
            "ordering written in the GIFT form of Moodle's ordering question type "
            "(qtype_ordering), which must be installed to import it",
        )
    )
    if q.explanation or q.source:
        notes.append(
            about(
                q,
                NOT_CARRIED,
                "the explanation and source quote (GIFT's ordering form has no feedback)",
            )
        )
    return head + "{>0 ALL VERTICAL ABSOLUTE_POSITION\n" + "\n".join(items) + "\n}"
