"""The mutation score per module, from `mutmut results --all true` on standard input.

    mutmut results --all true | python -m tests.helpers.mutation_score

Killed, timed out and caught by the type check count as killed; survived and "no tests" (a
mutant no test runs) as survived. Mutants not yet run are left out and counted apart.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable

_LINE = re.compile(r"^\s*(?P<module>\S+?)\.x[_ǁ]\S*: (?P<status>.+?)\s*$")
KILLED = ("killed", "timeout", "caught by type check")
SURVIVED = ("survived", "no tests")


def tally(lines: Iterable[str]) -> dict[str, Counter[str]]:
    """Each module's count of mutants per status."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        if found := _LINE.match(line):
            counts[found["module"]][found["status"]] += 1
    return dict(counts)


def score_row(name: str, counts: Counter[str]) -> str:
    """One table row: killed, survived, the score and any mutants not yet judged."""
    killed = sum(counts[status] for status in KILLED)
    survived = sum(counts[status] for status in SURVIVED)
    score = 100 * killed / (killed + survived) if killed + survived else 0.0
    other = sum(counts.values()) - killed - survived
    rest = f"  ({other} not run)" if other else ""
    return f"{name:34} {killed:7} {survived:8} {score:6.1f}%{rest}"


def main() -> int:
    """Print the table for the results on standard input."""
    counts = tally(sys.stdin)
    print(f"{'module':34} {'killed':>7} {'survived':>8} {'score':>7}")
    total: Counter[str] = Counter()
    for module in sorted(counts):
        total.update(counts[module])
        print(score_row(module, counts[module]))
    print(score_row("all", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
