"""Writing files so that a crash or a kill never leaves half of one behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def _follow_umask(fd: int) -> None:
    # mkstemp makes files only the owner can read; a file we create follows the umask.
    if hasattr(os, "fchmod"):
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)


def durable_temp(folder: Path, data: bytes) -> Path:
    """A new hidden file in `folder` holding `data`, flushed to disk; the caller names it."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=".quiz-", suffix=".tmp")
    try:
        _follow_umask(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


@contextmanager
def atomic_writer(path: Path, *, binary: bool = False, durable: bool = True) -> Iterator[IO[Any]]:
    """A file to write `path` through: it takes that name only if the block ends without error.

    Readers see the old file or the whole new one, never a part. `durable`
    flushes to disk before the rename (skip it for caches that can be rebuilt).
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        _follow_umask(fd)
        if binary:
            out: IO[Any] = os.fdopen(fd, "wb")
        else:
            out = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with out:
            yield out
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.replace(tmp, path)
        if durable:
            fsync_folder(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Make a new name in `folder` durable too (POSIX only; Windows cannot open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
