"""Questions built from what a reader found, checked against the bank's own rules.

A reader never makes a question that `quiz check` would refuse: anything outside the
rules is a reason to skip, returned as text for the reader to report with its line.
"""

from __future__ import annotations

from quiz.bank.loader import MAX_ITEMS, MIN_ITEMS
from quiz.bank.model import Answer, Question, QuestionType


class Skip(Exception):
    """The question cannot be held by our model; the message says why."""


def distinct_items(items: list[str], what: str) -> tuple[str, ...]:
    """`items` as a tuple, checked: non-empty text, distinct, 2 to 9 of them."""
    if any(not item.strip() for item in items):
        raise Skip(f"an empty {what[:-1] if what.endswith('s') else what}")
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise Skip(f"'{item}' appears twice among the {what}")
        seen.add(item)
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        raise Skip(f"{len(items)} {what}; quiz holds {MIN_ITEMS} to {MAX_ITEMS}")
    return tuple(items)


def make_question(
    qid: str,
    qtype: QuestionType,
    prompt: str,
    answer: Answer,
    *,
    line: int = 0,
    **fields: object,
) -> Question:
    """A Question, or Skip when the prompt is empty or a field breaks the bank's rules."""
    if not prompt.strip():
        raise Skip("the question has no text")
    if qtype in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT):
        choices = distinct_items(list(fields.get("choices", ())), "choices")  # type: ignore[call-overload]
        picked = [answer] if isinstance(answer, str) else list(answer)  # type: ignore[arg-type]
        if not picked:
            raise Skip("no choice is marked right")
        for item in picked:
            if item not in choices:
                raise Skip(f"the answer '{item}' is not one of the choices")
        fields["choices"] = choices
    elif qtype is QuestionType.SHORT_ANSWER:
        if not str(answer).strip():
            raise Skip("the answer is empty")
        accept = tuple(dict.fromkeys(a for a in fields.get("accept", ()) if a and a != answer))  # type: ignore[attr-defined]
        fields["accept"] = accept
    elif qtype is QuestionType.ORDERING:
        answer = distinct_items(list(answer), "items")  # type: ignore[arg-type]
    elif qtype is QuestionType.MATCHING:
        pairs = list(answer)  # type: ignore[arg-type]
        distinct_items([left for left, _ in pairs], "left-hand items")
        distinct_items([right for _, right in pairs], "right-hand items")
    tags = tuple(dict.fromkeys(t.strip() for t in fields.pop("tags", ()) if t.strip()))  # type: ignore[attr-defined]
    return Question(
        id=qid,
        type=qtype,
        prompt=prompt.strip(),
        answer=answer,
        tags=tags,
        line=line,
        **{k: v.strip() if isinstance(v, str) else v for k, v in fields.items()},  # type: ignore[arg-type]
    )
