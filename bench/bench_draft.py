"""Time `quiz draft` on a long document: the test documents repeated to 25,000 words.

Each copy's headings get a part number, so topics stay distinct as in a real long
text. Reports the median seconds of a whole draft (segmenting, facts, questions,
YAML) and exits 1 when it is over the target.

Run: python bench/bench_draft.py [--words N] [--repeat R] [--target S]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from quiz.drafting.draft import draft

DOCUMENTS = Path(__file__).resolve().parents[1] / "tests" / "documents"


def long_document(words: int) -> str:
    """The test documents, copied in turn with numbered headings, to at least `words` words."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.iterdir())]
    parts: list[str] = []
    count = part = 0
    while count < words:
        for text in texts:
            part += 1
            numbered = re.sub(r"(?m)^(#+) (.+)$", rf"\1 Part {part}: \2", text)
            parts.append(numbered)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--target", type=float, default=5.0, help="seconds")
    args = parser.parse_args()
    text = long_document(args.words)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = draft(text, source_file="sources/long.txt", seed="bench")
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        f"{len(text.split())} words, {result.sentences} sentences -> "
        f"{len(result.questions)} questions: median {median:.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}; target < {args.target:.1f} s)"
    )
    return 0 if median < args.target else 1


if __name__ == "__main__":
    raise SystemExit(main())
