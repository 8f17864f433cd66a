"""Typing answers for the plain front end's tests: the right line or a wrong one per question."""

from __future__ import annotations

from quiz.bank.loader import load_bank
from quiz.bank.model import QuestionType, format_number
from quiz.study.session import Asked, Session, SessionOptions
from tests.helpers import BANKS

T = QuestionType
BANK = BANKS / "engine_small.yaml"


def planned(seed: str, mode: str = "practice", count: int | None = None) -> list[Asked]:
    """The questions a fresh session with this seed asks (no history), in order."""
    options = SessionOptions(mode=mode, seed=seed, count=count)
    return list(Session([load_bank(BANK, use_cache=False)], options).questions)


def _numbers(asked: Asked, items) -> str:
    return " ".join(str(asked.options.index(item) + 1) for item in items)


def right_line(asked: Asked) -> str:
    q = asked.question
    if q.type is T.MULTIPLE_CHOICE:
        return str(asked.options.index(q.answer) + 1)
    if q.type in (T.MULTIPLE_SELECT, T.ORDERING):
        return _numbers(asked, q.answer)
    if q.type is T.TRUE_FALSE:
        return "t" if q.answer else "f"
    if q.type is T.NUMERIC:
        return format_number(q.answer)
    if q.type is T.MATCHING:
        return _numbers(asked, [dict(q.pairs)[left] for left in asked.lefts])
    return str(q.answer)


def wrong_line(asked: Asked) -> str:
    q = asked.question
    if q.type is T.MULTIPLE_CHOICE:
        return str(next(i for i, c in enumerate(asked.options, 1) if c != q.answer))
    if q.type is T.MULTIPLE_SELECT:
        return _numbers(asked, [c for c in asked.options if c not in q.answer][:1])
    if q.type is T.ORDERING:
        return _numbers(asked, reversed(q.answer))
    if q.type is T.TRUE_FALSE:
        return "f" if q.answer else "t"
    if q.type is T.NUMERIC:
        return format_number(q.answer + 1)
    if q.type is T.MATCHING:
        rights = [dict(q.pairs)[left] for left in asked.lefts]
        return _numbers(asked, rights[1:] + rights[:1])
    return "Nonsense"
