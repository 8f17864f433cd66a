"""The core packages and the command-line checks never import Textual or Rich."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

CORE_PACKAGES = ("common", "bank", "grading", "study", "progress", "classroom", "exchange")


def core_modules() -> list[str]:
    """Every module of every core package."""
    names = []
    for package in CORE_PACKAGES:
        module = importlib.import_module(f"quiz.{package}")
        names += [f"quiz.{package}.{m.name}" for m in pkgutil.iter_modules(module.__path__)]
    return names


def test_core_and_check_import_without_textual_or_rich() -> None:
    modules = core_modules()
    assert "quiz.bank.loader" in modules and "quiz.progress.store" in modules
    modules += ["quiz.startup", "quiz.main", "quiz.cli.check_cmd", "quiz.cli.convert_cmd"]
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
