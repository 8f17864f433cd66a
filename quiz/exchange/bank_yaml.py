"""Write a bank as YAML that `quiz check` loads back to the same questions.

Written directly rather than through PyYAML's representer, which costs seconds and
hundreds of megabytes on a bank of tens of thousands of questions. Text is plain
where that is unambiguous and double-quoted (JSON-style escapes, valid YAML)
otherwise; numbers and booleans are written bare, where the loader expects them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from quiz.bank.model import Bank, Question, QuestionType
from quiz.common.wording import format_number

_PLAIN = re.compile(r"[A-Za-z(][A-Za-z0-9 ,.;'()?!/&%+*=_-]*\Z")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"})
# YAML allows only printable characters in a stream; JSON leaves some of them raw.
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def text(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`, as text."""
    if (
        _PLAIN.match(value)
        and value.lower() not in _RESERVED
        and not value.endswith(" ")
        and " #" not in value
    ):
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def block(value: str, indent: str) -> str | None:
    """Multi-line text as a `|-` block, when it reads back exactly; else None."""
    lines = value.split("\n")
    if (
        len(lines) < 2
        or value != value.strip()
        or "\t" in value
        or "\r" in value
        or _NOT_PRINTABLE.search(value)
        or any(line != line.rstrip() for line in lines)
        or any(ord(c) < 0x20 and c != "\n" for c in value)
    ):
        return None
    return " |-" + "".join(f"\n{indent}{line}" if line else "\n" for line in lines)


def number(value: float) -> str:
    """A number as the loader reads it: 2002, 2.5, 1.0e-07."""
    if float(value).is_integer():
        return format_number(value)
    written = repr(float(value))
    return written.replace("e", ".0e") if "e" in written and "." not in written else written


def question_data(q: Question) -> dict[str, Any]:
    """One question as the plain mapping a bank file holds, fields in the documented order."""
    data: dict[str, Any] = {"id": q.id, "type": q.type.value, "prompt": q.prompt}
    if q.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT):
        data["choices"] = list(q.choices)
    if q.type is QuestionType.MATCHING:
        data["answer"] = dict(q.pairs)
    elif isinstance(q.answer, tuple):
        data["answer"] = list(q.answer)
    else:
        data["answer"] = q.answer
    if q.type is QuestionType.SHORT_ANSWER and q.accept:
        data["accept"] = list(q.accept)
    if q.type is QuestionType.NUMERIC:
        if q.tolerance:
            data["tolerance"] = q.tolerance
        if q.unit:
            data["unit"] = q.unit
    for name in ("explanation", "source", "topic"):
        if getattr(q, name):
            data[name] = getattr(q, name)
    if q.difficulty != 1:
        data["difficulty"] = q.difficulty
    if q.tags:
        data["tags"] = list(q.tags)
    if q.note:
        data["note"] = q.note
    if q.typos is not None:
        data["typos"] = q.typos
    return data


def _value(value: Any, indent: str) -> str:
    if isinstance(value, bool):
        return " true" if value else " false"
    if isinstance(value, int | float):
        return " " + number(value)
    if isinstance(value, str):
        return block(value, indent) or " " + text(value)
    if isinstance(value, list):
        return "".join(f"\n{indent}- {text(item)}" for item in value)
    return "".join(f"\n{indent}{text(k)}: {text(v)}" for k, v in value.items())


def bank_to_yaml(bank: Bank) -> str:
    """The whole bank as YAML text."""
    lines = [f"id: {text(bank.id)}", f"title: {text(bank.title)}"]
    if bank.description:
        lines.append(f"description: {text(bank.description)}")
    if bank.source is not None:
        lines += [
            "source:",
            f"  title: {text(bank.source.title)}",
            f"  file: {text(bank.source.file)}",
        ]
    lines.append("questions:")
    for q in bank.questions:
        lead = "  - "
        for key, value in question_data(q).items():
            lines.append(f"{lead}{key}:{_value(value, '      ')}")
            lead = "    "
        lines.append("")
    return "\n".join(lines)
