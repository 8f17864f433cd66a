"""Write a bank as YAML that `quiz check` loads back to the same questions."""

from __future__ import annotations

from typing import Any

import yaml

from quiz.bank.model import Bank, Question, QuestionType, format_number


class _Dumper(yaml.SafeDumper):
    """Safe YAML with multi-line text as `|` blocks and numbers written as typed."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Number(float):
    """A float that YAML writes as a learner would (2002, not 2002.0)."""


def _number(dumper: yaml.SafeDumper, value: _Number) -> yaml.Node:
    if float(value).is_integer():
        return dumper.represent_scalar("tag:yaml.org,2002:int", format_number(value))
    text = repr(float(value))
    if "e" in text and "." not in text:  # YAML 1.1 floats need a dot: 1.0e-07
        text = text.replace("e", ".0e")
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Number, _number)


def question_data(q: Question) -> dict[str, Any]:
    """One question as the plain mapping a bank file holds, fields in the documented order."""
    data: dict[str, Any] = {"id": q.id, "type": q.type.value, "prompt": q.prompt}
    if q.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT):
        data["choices"] = list(q.choices)
    if q.type is QuestionType.MATCHING:
        data["answer"] = dict(q.pairs)
    elif q.type is QuestionType.NUMERIC:
        data["answer"] = _Number(q.answer)  # type: ignore[arg-type]
        if q.tolerance:
            data["tolerance"] = _Number(q.tolerance)
        if q.unit:
            data["unit"] = q.unit
    elif isinstance(q.answer, tuple):
        data["answer"] = list(q.answer)
    else:
        data["answer"] = q.answer
    if q.type is QuestionType.SHORT_ANSWER and q.accept:
        data["accept"] = list(q.accept)
    for name in ("explanation", "source", "topic"):
        if getattr(q, name):
            data[name] = getattr(q, name)
    if q.difficulty != 1:
        data["difficulty"] = q.difficulty
    if q.tags:
        data["tags"] = list(q.tags)
    return data


def bank_to_yaml(bank: Bank) -> str:
    """The whole bank as YAML text."""
    data: dict[str, Any] = {"id": bank.id, "title": bank.title}
    if bank.description:
        data["description"] = bank.description
    if bank.source is not None:
        data["source"] = {"title": bank.source.title, "file": bank.source.file}
    data["questions"] = [question_data(q) for q in bank.questions]
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
