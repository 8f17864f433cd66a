"""Time loading a synthetic 10,000-question bank: bare PyYAML, our cold load, our cached load.

Run: python bench/bench_load.py [--questions N] [--repeat R]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

SOURCE = (
    "The alliance was formed in 2002. Its headquarters is in Moscow. "
    "The treaty was signed in 1992 in Tashkent. Members meet once a year.\n"
)


_TEMPLATES = (
    """  - id: q{n}
    type: multiple_choice
    prompt: "Question {n}: which year was the alliance formed?"
    choices: [1992, 2002, 2012, 2022]
    answer: 2002
    explanation: It was formed in 2002, ten years after the treaty.
    source: The alliance was formed in 2002.
    topic: Founding
    difficulty: 1
    tags: [dates, founding]
""",
    """  - id: q{n}
    type: multiple_select
    prompt: Question {n}, pick the founding members
    choices: [Armenia, Russia, Georgia, Kazakhstan]
    answer: [Armenia, Russia, Kazakhstan]
    topic: Members
    difficulty: 2
""",
    """  - id: q{n}
    type: true_false
    prompt: Question {n}, the headquarters is in Moscow.
    answer: true
    source: Its headquarters is in Moscow.
    topic: Founding
""",
    """  - id: q{n}
    type: short_answer
    prompt: Question {n}, in which city was the treaty signed?
    answer: Tashkent
    accept: [Toshkent, Ташкент]
    topic: Treaty
""",
    """  - id: q{n}
    type: numeric
    prompt: Question {n}, in which year was the treaty signed?
    answer: 1992
    tolerance: 0
    unit: year
    topic: Treaty
    difficulty: 3
""",
    """  - id: q{n}
    type: ordering
    prompt: Question {n}, put these in order
    answer: [Treaty signed, Alliance formed, Uzbekistan left]
    topic: History
""",
    """  - id: q{n}
    type: matching
    prompt: Question {n}, match each event to its year
    answer:
      Treaty signed: "1992"
      Alliance formed: "2002"
      Uzbekistan left: "2012"
    topic: History
""",
)


def write_bank(folder: Path, count: int) -> Path:
    """A valid bank of `count` questions cycling through all seven types."""
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")
    parts = [
        "id: bench\ntitle: Benchmark bank\n",
        "source:\n  title: Benchmark source\n  file: source.txt\nquestions:\n",
    ]
    parts += [_TEMPLATES[n % len(_TEMPLATES)].format(n=n) for n in range(count)]
    path = folder / "bench.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """(best, median) wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUIZ_CACHE_DIR"] = str(Path(tmp) / "cache")
        from quiz.bank.loader import load_bank

        path = write_bank(Path(tmp), args.questions)
        size = path.stat().st_size

        def bare() -> object:
            with path.open("rb") as f:
                return yaml.load(f, Loader=yaml.CSafeLoader)

        def bare_no_gc() -> object:
            gc.disable()
            try:
                return bare()
            finally:
                gc.enable()

        rows = [
            ("yaml.load, CSafeLoader (bare)", best_of(args.repeat, bare)),
            ("yaml.load, CSafeLoader, gc paused", best_of(args.repeat, bare_no_gc)),
            (
                "load_bank, no cache (validated)",
                best_of(args.repeat, lambda: load_bank(path, use_cache=False)),
            ),
        ]
        load_bank(path)  # fill the cache
        rows.append(("load_bank, warm cache", best_of(args.repeat, lambda: load_bank(path))))

        print(f"{args.questions} questions, {size / 1e6:.1f} MB, best and median of {args.repeat}")
        for name, (best, median) in rows:
            print(f"  {name:<36} {best:8.1f} ms  {median:8.1f} ms")


if __name__ == "__main__":
    main()
