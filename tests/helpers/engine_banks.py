"""Small banks built in code for the engine's unit tests."""

from __future__ import annotations

from quiz.bank.model import Bank, Question, QuestionType

T = QuestionType


def question(qid: str, topic: str = "history", difficulty: int = 1, **kw: object) -> Question:
    """A short-answer question unless `type` says otherwise; answer defaults to the id."""
    kw.setdefault("type", T.SHORT_ANSWER)
    kw.setdefault("answer", f"answer {qid}")
    return Question(
        id=qid,
        prompt=f"Question {qid}?",
        topic=topic,
        difficulty=difficulty,
        source=f"Passage for {qid}.",
        explanation=f"Because {qid}.",
        **kw,  # type: ignore[arg-type]
    )


def every_type_bank() -> Bank:
    """One question of each type."""
    return Bank(
        id="engine",
        title="Engine",
        questions=(
            question(
                "mc",
                "members",
                type=T.MULTIPLE_CHOICE,
                answer="Armenia",
                choices=("Armenia", "Georgia", "Moldova", "Ukraine"),
            ),
            question(
                "ms",
                "members",
                type=T.MULTIPLE_SELECT,
                answer=("Russia", "Belarus"),
                choices=("Russia", "Belarus", "Georgia", "Ukraine"),
            ),
            question("tf", "history", type=T.TRUE_FALSE, answer=True),
            question("sa", "history", answer="Moscow", accept=("Moskva",)),
            question("num", "history", 2, type=T.NUMERIC, answer=2002.0),
            question("ord", "history", 2, type=T.ORDERING, answer=("1992", "1999", "2002", "2012")),
            question(
                "match",
                "members",
                3,
                type=T.MATCHING,
                answer=(("Armenia", "Yerevan"), ("Belarus", "Minsk"), ("Russia", "Moscow")),
            ),
        ),
    )


def numbered_bank(n: int = 30, bank_id: str = "many") -> Bank:
    """`n` short-answer questions over three topics and difficulties."""
    topics = ("alpha", "beta", "gamma")
    return Bank(
        id=bank_id,
        title="Many",
        questions=tuple(
            question(f"q{i:02d}", topics[i % 3], difficulty=1 + i % 3) for i in range(n)
        ),
    )
