"""mypy for mutmut: report only the type errors a mutant brings in.

`mutmut run` calls this from `mutants/` (`type_check_command` in pyproject.toml). The suite
runs mypy under `--strict` on the core (tests/unit/test_types.py), so a mutant mypy rejects
could never pass it. mutmut's rewritten copy of the code has type errors of its own, though:
its wrapper hides a `TypeGuard`, a copied `__init__` declares its attributes again. Those
appear in the unmutated copy of the function as well, so an error counts for a mutant only
when that copy (`..._mutmut_orig`) does not have it too; errors anywhere else are dropped.
Prints what it keeps as mypy's JSON lines, which is what mutmut reads.
"""

from __future__ import annotations

import ast
import bisect
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

_MUTANT = re.compile(r"^(x_|xǁ).*__mutmut_(\d+|orig)$")


def _spans(path: Path) -> list[tuple[int, int, str]]:
    """(first line, last line, name) of each mutmut copy of a function in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        (node.lineno, node.end_lineno or node.lineno, node.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _MUTANT.match(node.name)
    )


def _owner(spans: list[tuple[int, int, str]], line: int) -> str | None:
    # mutmut's copies are never nested, so the last one starting at or before `line` is it
    at = bisect.bisect_right(spans, (line, sys.maxsize, "")) - 1
    if at >= 0 and spans[at][0] <= line <= spans[at][1]:
        return spans[at][2]
    return None


def new_errors(diagnostics: list[dict[str, object]]) -> list[dict[str, object]]:
    """The diagnostics inside a mutant that its unmutated copy does not also have."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    lines: dict[str, list[str]] = {}
    found: dict[tuple[str, str], list[tuple[dict[str, object], tuple[str, str, str]]]] = {}
    for diagnostic in diagnostics:
        file = str(diagnostic["file"])
        if not file.endswith(".py") or not Path(file).is_file():
            continue
        if file not in spans:
            spans[file] = _spans(Path(file))
            lines[file] = Path(file).read_text(encoding="utf-8").splitlines()
        line = int(str(diagnostic["line"]))
        owner = _owner(spans[file], line)
        if owner is None:
            continue
        text = lines[file][line - 1].strip() if 0 < line <= len(lines[file]) else ""
        key = (str(diagnostic["code"]), str(diagnostic["message"]), text)
        found.setdefault((file, owner), []).append((diagnostic, key))
    kept = []
    for (file, owner), items in found.items():
        if owner.endswith("__mutmut_orig"):
            continue
        base = owner.rsplit("__mutmut_", 1)[0] + "__mutmut_orig"
        known = Counter(key for _, key in found.get((file, base), []))
        for diagnostic, key in items:
            if known[key]:
                known[key] -= 1
            else:
                kept.append(diagnostic)
    return kept


def main(checker: str = "mypy") -> int:
    """Run mypy on the package here and print the errors mutants bring in."""
    done = subprocess.run(
        [sys.executable, "-m", checker, "--output", "json"],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode not in (0, 1):
        # mutmut reads stdout as JSON: text here stops the run instead of hiding a broken check
        print(f"{checker} did not run: {done.stderr or done.stdout}")
        return 1
    diagnostics = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    for diagnostic in new_errors(diagnostics):
        print(json.dumps(diagnostic))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
