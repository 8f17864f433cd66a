from quiz.core.wording import plural


def test_plural_adds_s_except_for_one() -> None:
    assert plural(1, "question") == "1 question"
    assert plural(0, "question") == "0 questions"
    assert plural(3, "wrong pick") == "3 wrong picks"
