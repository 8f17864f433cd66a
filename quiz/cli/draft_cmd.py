"""`quiz draft DOCUMENT`: write a first draft of a bank from a document, for a teacher to review.

The drafting itself is pure (`quiz.drafting`); this module reads the document,
puts a copy of it where the bank can name it by a relative path inside the
bank's folder, and writes the bank atomically, never over an existing file
unless `--force` is given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from quiz.common.atomic import atomic_writer
from quiz.common.errors import UsageError
from quiz.common.wording import plural


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, with the permissions the umask gives new files."""
    try:
        with atomic_writer(path, binary=True) as out:
            out.write(data)
            os.fchmod(out.fileno(), _umask_mode())
    except OSError as exc:
        raise UsageError(f"{path}: cannot write it ({exc.strerror or exc})") from exc


def _read(path: Path) -> bytes:
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a text or Markdown document")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror or exc})") from exc


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def place_document(document: Path, data: bytes, bank: Path) -> tuple[str, Path | None]:
    """The path the bank names its document by, and where a copy must be written (or None).

    A document already inside the bank's folder tree is named where it is. Otherwise
    it is copied to `sources/` beside the bank: an identical copy there is reused, a
    different file of the same name is left alone and the copy takes a new name.
    """
    folder = bank.resolve().parent
    source = document.resolve()
    if _inside(source, folder):
        return source.relative_to(folder).as_posix(), None
    target = folder / "sources" / document.name
    n = 2
    while target.exists():
        if target.is_file() and target.read_bytes() == data:
            return target.relative_to(folder).as_posix(), None
        target = folder / "sources" / f"{document.stem}-{n}{document.suffix}"
        n += 1
    return target.relative_to(folder).as_posix(), target


def run(args: argparse.Namespace) -> int:
    """Draft a bank from `args.document`; 0 when written, else a QuizError is raised."""
    from quiz.drafting.draft import decode_document, draft

    document = Path(args.document).expanduser()
    data = _read(document)
    text = decode_document(data, str(document))
    output = Path(args.output).expanduser() if args.output else Path(f"{document.stem}.yaml")
    if output.is_dir():
        raise UsageError(f"{output}: is a folder; --output needs a file name")
    if output.resolve() == document.resolve():
        raise UsageError(f"{output}: is the document itself; choose another --output")
    if output.exists() and not args.force:
        raise UsageError(f"{output}: already exists; use --force to replace it")
    if not output.resolve().parent.is_dir():
        raise UsageError(f"{output.parent}: no such folder")
    source_file, copy_to = place_document(document, data, output)
    result = draft(
        text,
        source_file=source_file,
        bank_id=args.id,
        title=args.title,
        seed=str(args.seed),
        max_questions=args.max,
    )
    if copy_to is not None:
        copy_to.parent.mkdir(parents=True, exist_ok=True)
        _write(copy_to, data)
    _write(output, result.text.encode("utf-8"))
    by_type = Counter(d.fields["type"] for d in result.questions)
    types = ", ".join(f"{name} {n}" for name, n in by_type.most_common())
    sys.stdout.write(f"Wrote {output}: {plural(len(result.questions), 'question')} ({types})\n")
    if copy_to is not None:
        sys.stdout.write(f"Copied the document to {copy_to} (the bank names it {source_file})\n")
    sys.stdout.write(f"It is a draft: review every question, then run `quiz check {output}`\n")
    return 0
