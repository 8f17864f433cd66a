"""Reading a bank and its source document safely: regular files of a bounded size only.

A bank may come from a stranger (a pull request, a download), so its `source.file`
must stay inside the bank's own folder tree, symlinks followed: never `/etc/passwd`
or `../../secrets`, never a FIFO that blocks or a device that never ends. Refusals
say what is wrong with the name and never quote the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_SOURCE_BYTES = 20 * 1024 * 1024  # a book-length document is a few MB
MAX_BANK_BYTES = 50 * 1024 * 1024


class FileRefused(Exception):
    """A file quiz will not read; the message says why (without quoting the file)."""


def read_regular(path: Path, limit: int, what: str) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes.

    Opened without blocking and checked on the open file, so a FIFO or a device
    is refused rather than read. Raises FileRefused (OSError for a missing file,
    IsADirectoryError for a folder).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except ValueError:  # a NUL in the name
        raise FileRefused(f"the {what} name contains a NUL character") from None
    try:
        handle = os.fdopen(fd, "rb")
    except OSError:  # IsADirectoryError for a folder, which fdopen leaves open
        os.close(fd)
        raise
    with handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"the {what} is not a regular file (a pipe, device or socket)")
        if info.st_size > limit:
            raise FileRefused(f"the {what} is larger than {limit // (1024 * 1024)} MB")
        data = handle.read(limit + 1)
    if len(data) > limit:  # grew while being read
        raise FileRefused(f"the {what} is larger than {limit // (1024 * 1024)} MB")
    return data


def source_path(bank_path: Path, file: str) -> Path:
    """Where a bank's `source.file` points, if that is inside the bank's folder tree.

    Raises FileRefused for an absolute path, a name with a NUL, a symlink loop or a
    path that leads out of the folder (symlinks followed).
    """
    if "\x00" in file:
        raise FileRefused("the source file name contains a NUL character")
    if os.path.isabs(file):
        raise FileRefused(
            "the source file must be named relative to the bank's folder, not as an absolute path"
        )
    folder = Path(bank_path).parent
    try:
        root = folder.resolve()
        target = (folder / file).resolve()
    except (OSError, RuntimeError, ValueError):
        raise FileRefused("the source file name leads to a symlink loop") from None
    if target != root and root not in target.parents:
        raise FileRefused("the source file must be inside the bank's folder (or a folder below it)")
    return target


def read_source(bank_path: Path, file: str) -> tuple[Path, bytes]:
    """The resolved path and bytes of a bank's source document (FileRefused, OSError)."""
    target = source_path(bank_path, file)
    return target, read_regular(target, MAX_SOURCE_BYTES, "source file")
