"""The core and the command-line checks never import Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import quiz.core


def test_core_and_check_import_without_textual_or_rich() -> None:
    modules = [f"quiz.core.{m.name}" for m in pkgutil.iter_modules(quiz.core.__path__)]
    assert "quiz.core.loader" in modules
    modules += ["quiz.cli.main", "quiz.cli.check_cmd"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in ('textual', 'rich') if m in sys.modules)\n"
        "print(' '.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
