"""`quiz serve`: check everything in the shell first, then open the class to browsers."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import socket
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import startup
from quiz.common.errors import UsageError
from quiz.web.command import ClassRun
from quiz.web.gate import new_join_code

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.study.options import SessionOptions

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def is_local(host: str) -> bool:
    """Whether only this machine can reach `host`."""
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    """Validate the class's banks and files, print where to join, then serve until Ctrl-C."""
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        raise UsageError("quiz serve needs the web server: pip install 'quiz[serve]'") from None
    from quiz.study.options import CLASS_MODES

    banks = startup.load_banks(args)
    options = startup.session_options(args, banks)
    seed = args.seed or (new_join_code() if args.mode in CLASS_MODES else "")
    results = startup.results_folder(args)
    results.mkdir(parents=True, exist_ok=True)
    progress = Path(args.progress).expanduser() if args.progress else results / "progress.db"
    # Opened once here so a bad progress file stops the teacher, not thirty students.
    startup.open_store(argparse.Namespace(progress=str(progress), profile=None)).close()

    from dataclasses import replace

    options = replace(options, seed=seed or None)
    total = _drill_total(banks, options) if args.mode in CLASS_MODES else None
    code = args.join_code or (None if is_local(args.host) else new_join_code())
    run_ = ClassRun(
        banks=tuple(startup.bank_paths(args.bank)),
        mode=args.mode,
        seed=seed,
        results=results,
        progress=progress,
        count=args.count,
        topics=tuple(args.topic or ()),
        difficulty=tuple(args.difficulty or ()),
        time_per_question=args.time_per_question,
        time_limit=args.time_limit,
        speed_bonus=args.speed_bonus,
    )
    title = " + ".join(b.title for b in banks)
    _announce(args.host, args.port, code, args.mode, seed, total, results)
    return _serve(run_, args.host, args.port, code, title, total)


def _drill_total(banks: Sequence[Bank], options: SessionOptions) -> int:
    """How many questions the drill holds (the same for every student)."""
    from quiz.study.session import Session

    return Session(banks, options).total


def _serve(
    run_: ClassRun, host: str, port: int, code: str | None, title: str, total: int | None
) -> int:
    from quiz.web.server import ClassServer, Door

    def say(line: str) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        sys.stdout.write(f"{stamp}  {line}\n")
        sys.stdout.flush()

    server = ClassServer(
        run_,
        host=host,
        port=port,
        door=Door(code),
        title=title,
        total=total,
        say=say,
        started=datetime.now(UTC),
    )
    # A closed terminal ends the class as Ctrl-C does: every tab is told to quit,
    # so every student's results are written before the server stops.
    signal.signal(signal.SIGHUP, lambda *_: server.request_exit())
    try:
        server.serve()
    except OSError as exc:
        raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror}") from None
    sys.stdout.write("Class closed. Results are in the results folder.\n")
    return 0


def _announce(
    host: str, port: int, code: str | None, mode: str, seed: str, total: int | None, results: Path
) -> None:
    urls = [f"http://{h}:{port}/" for h in _addresses(host)]
    what = f"{mode.capitalize()} {seed}".strip() + (f", {total} questions" if total else "")
    lines = [f"Serving {what}", *(f"  open {u}" for u in urls)]
    if code:
        lines.append(f"  join code: {code}")
    if is_local(host):
        lines.append("  (this machine only: add --host 0.0.0.0 to let a class in)")
    else:
        lines.append("  no TLS: use on a network you trust")
    lines.append(f"Results go to {results.resolve()}")
    lines.append("Ctrl-C ends the class (every open quiz saves its results first).")
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def _addresses(host: str) -> list[str]:
    """Addresses students can type: the host itself, or this machine's names for 0.0.0.0."""
    if host not in {"0.0.0.0", "::", ""}:
        return [f"[{host}]" if ":" in host else host]
    names = [socket.gethostname()]
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, family=socket.AF_INET)
        found = {str(info[4][0]) for info in infos}
        names += sorted(a for a in found if not ipaddress.ip_address(a).is_loopback)
    except OSError:
        pass
    return names
