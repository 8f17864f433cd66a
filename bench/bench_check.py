"""Time `check()` per question type: median microseconds per answer over many answers.

Answers mix right, near-miss (typos, off-by-one numbers) and wrong ones, so the
typo-tolerance path is measured, not only exact matches.

Run: python bench/bench_check.py [--answers N] [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from quiz.bank.model import Question, QuestionType
from quiz.grading.checking import check

T = QuestionType
COUNTRIES = ("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan")

CASES: dict[str, tuple[Question, list[Any]]] = {
    "short_answer": (
        Question(
            "sa",
            T.SHORT_ANSWER,
            "?",
            "Collective Security Treaty Organization",
            accept=("CSTO", "Collective Security Treaty Organisation", "ODKB"),
        ),
        [
            "  collective security treaty organisation ",
            "Colective Security Treaty Organizaton",
            "CSTO",
            "odkb",
            "Warsaw Pact",
            "",
            "Collective Security Treaty",
        ],
    ),
    "numeric": (
        Question("n", T.NUMERIC, "?", 2002.0, tolerance=0.0),
        [" 2,002 ", "2002.0", "2003", "six", "2002"],
    ),
    "multiple_choice": (
        Question("mc", T.MULTIPLE_CHOICE, "?", "Kyrgyzstan", choices=COUNTRIES),
        ["Kyrgyzstan", "kirgyzstan", "Kazakstan", "Georgia", "Russia"],
    ),
    "multiple_select": (
        Question("ms", T.MULTIPLE_SELECT, "?", COUNTRIES[:4], choices=COUNTRIES),
        [list(COUNTRIES[:4]), list(COUNTRIES[:2]), list(COUNTRIES[2:]), []],
    ),
    "true_false": (Question("tf", T.TRUE_FALSE, "?", True), [True, False]),
    "ordering": (
        Question("o", T.ORDERING, "?", COUNTRIES),
        [list(COUNTRIES), list(reversed(COUNTRIES)), list(COUNTRIES[1:] + COUNTRIES[:1])],
    ),
    "matching": (
        Question("m", T.MATCHING, "?", tuple((c, c.upper()) for c in COUNTRIES)),
        [{c: c.upper() for c in COUNTRIES}, {c: "X" for c in COUNTRIES}],
    ),
}


def median_us(fn: Callable[[], None], per_call: int, repeat: int) -> float:
    """Median over `repeat` runs of `fn`, in microseconds per check."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) / per_call * 1e6)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000, help="answers per timed run")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per type")
    args = parser.parse_args()
    print(f"{'type':<16} {'median µs/check':>16}   ({args.answers} answers x {args.repeat} runs)")
    for name, (question, answers) in CASES.items():
        batch = [answers[i % len(answers)] for i in range(args.answers)]

        def run(question: Question = question, batch: list[Any] = batch) -> None:
            for given in batch:
                check(question, given)

        run()  # warm up
        print(f"{name:<16} {median_us(run, len(batch), args.repeat):>16.1f}")


if __name__ == "__main__":
    main()
