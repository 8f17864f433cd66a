"""The `quiz` command: parse arguments and hand over to the right front end.

Subcommands (`check`, `stats`, `export`, `report`, `draft`, `convert`) never import Textual; plain
runs (`--plain`) neither. Every error a user can cause ends here as one clean
message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from quiz import __version__
from quiz.common.errors import QuizError
from quiz.common.safe_text import visible
from quiz.study.options import MODES

READ_FORMATS = ("yaml", "gift", "moodle-xml", "anki-txt")
WRITE_FORMATS = (*READ_FORMATS, "apkg")

SUBCOMMANDS = (
    "check",
    "stats",
    "export",
    "report",
    "serve",
    "draft",
    "convert",
    "backup",
    "restore",
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit 2 with a one-line message."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"quiz: {visible(message)} (see `quiz --help`)\n")
        raise SystemExit(2)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {text}")
    return value


def _bank_id(text: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", text):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a bank id: use lowercase letters, digits, '-' and '_'"
        )
    return text


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def _add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--progress",
        metavar="PATH",
        help="progress file (default: $QUIZ_PROGRESS, else progress.db in the user data dir)",
    )
    parser.add_argument("--profile", metavar="NAME", help="learner profile (default: OS user)")


def run_parser() -> argparse.ArgumentParser:
    """Options of a quiz run (the app, or the plain front end with --plain)."""
    p = _Parser(
        prog="quiz",
        description="Study a question bank in the terminal.",
        epilog="Other commands: quiz check PATH..., quiz stats, quiz export, quiz report, "
        "quiz serve, quiz draft DOCUMENT, quiz convert SOURCE OUTPUT, quiz backup [PATH], "
        "quiz restore PATH. Run `quiz COMMAND --help` for each.",
    )
    p.add_argument("--version", action="version", version=f"quiz {__version__}")
    # No default here: the app highlights study, --plain runs practice (quiz.startup).
    _add_session_options(p, default_mode=None)
    p.add_argument(
        "--plain", action="store_true", help="line-by-line front end (screen readers, pipes)"
    )
    _add_store_options(p)
    return p


def _add_session_options(p: argparse.ArgumentParser, *, default_mode: str | None) -> None:
    """What a session asks and how: shared by a run and by `quiz serve`."""
    p.add_argument(
        "--bank",
        metavar="PATH",
        action="append",
        help="bank file or folder (repeatable; default: the shipped bank)",
    )
    p.add_argument(
        "--mode",
        choices=MODES,
        default=default_mode,
        help=f"default: {default_mode}"
        if default_mode
        else "study: today's reviews, then new questions (default: practice; the app "
        "highlights study)",
    )
    p.add_argument(
        "--new-limit",
        type=_count,
        metavar="N",
        help="study: new questions a day (default: new_limit in the settings file, else 20)",
    )
    p.add_argument("--count", type=_positive_int, metavar="N", help="number of questions")
    p.add_argument("--topic", action="append", metavar="TOPIC", help="only this topic (repeatable)")
    p.add_argument(
        "--difficulty",
        type=int,
        action="append",
        choices=(1, 2, 3),
        help="only this difficulty (repeatable)",
    )
    p.add_argument("--seed", metavar="VALUE", help="any text or number; a drill code")
    p.add_argument(
        "--time-per-question", type=_positive_float, metavar="S", help="seconds per question"
    )
    p.add_argument("--time-limit", type=_positive_float, metavar="MINUTES", help="exam time limit")
    p.add_argument(
        "--speed-bonus", action="store_true", help="drills: award points for quick answers"
    )
    p.add_argument(
        "--results", metavar="DIR", help="drill/exam results folder (default: current folder)"
    )


def sub_parser(command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand."""
    if command == "check":
        p = _Parser(prog="quiz check", description="Validate question banks.")
        p.add_argument("paths", nargs="+", metavar="PATH", help="bank files or folders")
        p.add_argument(
            "--no-cache", action="store_true", help="always parse the YAML, ignore the cache"
        )
        p.add_argument(
            "--strict", action="store_true", help="treat lint warnings as errors (exit 1)"
        )
        p.add_argument("--no-lint", action="store_true", help="only validate; skip the lint")
        return p
    if command == "stats":
        p = _Parser(prog="quiz stats", description="Show a learner's progress.")
        p.add_argument("--bank", metavar="PATH", action="append", help="bank file or folder")
        _add_store_options(p)
        return p
    if command == "export":
        p = _Parser(prog="quiz export", description="Export attempts or sessions.")
        p.add_argument("--format", choices=("csv", "json"), default="csv")
        p.add_argument("--output", metavar="FILE", help="default: standard output")
        p.add_argument("--sessions", action="store_true", help="one row per session")
        p.add_argument("--all-profiles", action="store_true", help="every profile in the file")
        p.add_argument("--bank", metavar="PATH", action="append", help="bank file or folder")
        _add_store_options(p)
        return p
    if command == "report":
        p = _Parser(prog="quiz report", description="Merge a class's drill or exam results.")
        p.add_argument("paths", nargs="+", metavar="FILES-OR-DIR")
        p.add_argument("--format", choices=("table", "csv", "html"), default="table")
        p.add_argument("--output", metavar="FILE", help="default: standard output")
        p.add_argument(
            "--fingerprint", metavar="CODE", help="report this drill (default: the most students')"
        )
        return p
    if command == "serve":
        p = _Parser(
            prog="quiz serve",
            description="Run a quiz for a class in the browser: each tab gets its own quiz.",
        )
        p.add_argument(
            "--host",
            default="127.0.0.1",
            help="address to listen on (default: "
            "127.0.0.1, this machine only; 0.0.0.0 lets the network in)",
        )
        p.add_argument("--port", type=int, default=8000, help="default: 8000")
        p.add_argument(
            "--join-code",
            metavar="CODE",
            help="code students type to join "
            "(default: none on this machine only, a random one otherwise)",
        )
        _add_session_options(p, default_mode="drill")
        p.add_argument(
            "--progress",
            metavar="PATH",
            help="the class's shared progress file (default: progress.db in --results)",
        )
        return p
    if command == "draft":
        p = _Parser(prog="quiz draft", description="Draft a bank from a document, to review.")
        p.add_argument("document", metavar="DOCUMENT", help="a UTF-8 text or Markdown file")
        p.add_argument("--output", metavar="BANK.yaml", help="default: DOCUMENT's name .yaml here")
        p.add_argument("--id", type=_bank_id, help="the bank's id (default: from the file name)")
        p.add_argument("--title", help="the bank's title (default: the document's first heading)")
        p.add_argument("--max", type=_positive_int, metavar="N", help="at most N questions")
        p.add_argument("--seed", default="0", metavar="S", help="same seed, same draft (default 0)")
        p.add_argument("--force", action="store_true", help="replace an existing output file")
        return p
    if command == "convert":
        p = _Parser(
            prog="quiz convert",
            description="Convert question banks to and from GIFT, Moodle XML and Anki.",
            epilog="Formats: yaml (a quiz bank), gift, moodle-xml, anki-txt (Anki's Notes in "
            "Plain Text), apkg (written only). Guessed from .yaml/.yml, .gift, .xml, .apkg; "
            "a .txt is read as GIFT or Anki text by its content. See docs/exchange.md.",
        )
        p.add_argument("source", metavar="SOURCE", help="the file to read")
        p.add_argument("output", metavar="OUTPUT", help="the file to write")
        p.add_argument("--from", dest="from_format", choices=READ_FORMATS, metavar="FORMAT")
        p.add_argument("--to", dest="to_format", choices=WRITE_FORMATS, metavar="FORMAT")
        p.add_argument(
            "--document",
            metavar="DOC",
            help="cite each imported question from this text file (copied to sources/)",
        )
        p.add_argument("--force", action="store_true", help="replace an existing OUTPUT")
        return p
    if command == "backup":
        p = _Parser(
            prog="quiz backup",
            description="Copy the progress file safely, even while quiz runs.",
        )
        p.add_argument(
            "path", nargs="?", metavar="PATH", help="file or folder (default: beside the file)"
        )
        p.add_argument("--progress", metavar="PATH", help="progress file to back up")
        return p
    if command == "restore":
        p = _Parser(
            prog="quiz restore",
            description="Put a backup in place of the progress file (the replaced file is kept).",
        )
        p.add_argument("path", metavar="PATH", help="the backup to restore")
        p.add_argument("--progress", metavar="PATH", help="progress file to replace")
        return p
    raise ValueError(command)


def dispatch(argv: Sequence[str]) -> int:
    """Run the command line; return the exit code. Errors propagate as QuizError."""
    if argv and argv[0] in SUBCOMMANDS:
        command, rest = argv[0], list(argv[1:])
        args = sub_parser(command).parse_args(rest)
        if command == "check":
            from quiz.cli import check_cmd

            return check_cmd.run(args)
        if command == "stats":
            from quiz.cli import stats_cmd

            return stats_cmd.run(args)
        if command == "export":
            from quiz.cli import export_cmd

            return export_cmd.run(args)
        if command == "serve":
            from quiz.web import serve

            return serve.run(args)
        if command == "draft":
            from quiz.cli import draft_cmd

            return draft_cmd.run(args)
        if command == "convert":
            from quiz.cli import convert_cmd

            return convert_cmd.run(args)
        if command in ("backup", "restore"):
            from quiz.cli import backup_cmd

            return (
                backup_cmd.run_backup(args) if command == "backup" else backup_cmd.run_restore(args)
            )
        from quiz.cli import report_cmd

        return report_cmd.run(args)

    args = run_parser().parse_args(list(argv))
    if args.plain:
        from quiz.cli import plain

        return plain.run(args)
    from quiz.ui import launch

    return launch.run(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `quiz` console script."""
    if argv is None:
        argv = sys.argv[1:]
    try:
        return dispatch(argv)
    except QuizError as exc:
        sys.stderr.write(f"{visible(str(exc))}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    except BrokenPipeError:
        return 0
