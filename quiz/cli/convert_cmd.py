"""`quiz convert`: banks to and from GIFT, Moodle XML and Anki, with citing on import.

Reading and writing live in quiz.exchange as pure functions; this module only
reads the files, prints what was skipped or not carried, and writes atomically.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from quiz.bank.model import Bank, SourceDocument
from quiz.bank.quotes import find_quote
from quiz.bank.yamltree import decode
from quiz.common.atomic import atomic_writer, durable_temp, fsync_folder
from quiz.common.errors import BankError, QuizError, UsageError
from quiz.common.safe_text import visible
from quiz.common.wording import plural
from quiz.exchange import formats
from quiz.exchange.notes import CONVERTED, SKIPPED, Exported, Imported, Note
from quiz.exchange.textconv import slugify


class ConvertError(QuizError):
    """The conversion cannot be done as asked (exists, too large, nothing to convert)."""


def run(args: argparse.Namespace) -> int:
    """Convert SOURCE to OUTPUT; 0 when written, 1 for problems (nothing written)."""
    source, output = Path(args.source), Path(args.output)
    if not source.is_file():
        raise UsageError(f"quiz: no such file: {source}")
    if output.exists() and source.resolve() == output.resolve():
        raise UsageError("quiz: OUTPUT must be another file than SOURCE")
    data = _read_bytes(source)
    src_format = args.from_format or formats.guess(source, _head(data))
    if src_format is None:
        raise UsageError(f"quiz: cannot tell the format of {source}; say --from FORMAT")
    if src_format == "apkg":
        raise UsageError("quiz: apkg is written, not read; export the deck as Notes in Plain Text")
    dst_format = args.to_format or formats.guess(output)
    if dst_format is None:
        raise UsageError(
            f"quiz: cannot tell the format to write from {output.name}; say --to FORMAT"
        )
    if output.exists() and not args.force:
        raise ConvertError(f"{output}: already exists; add --force to replace it")
    if output.is_dir():
        raise UsageError(f"quiz: {output} is a folder; OUTPUT must be a file")
    if not output.parent.is_dir():
        raise UsageError(f"quiz: no such folder: {output.parent}")

    bank, skipped = _read(source, data, src_format, output)
    document = Path(args.document) if args.document else None
    if document is not None:
        bank = _cite(bank, document, source)
    _write(bank, output, dst_format, source, document, args.force)
    tail = f" ({skipped} skipped)" if skipped else ""
    sys.stderr.write(f"Wrote {plural(len(bank.questions), 'question')} to {output}{tail}\n")
    return 0


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > formats.MAX_BYTES:
        limit = formats.MAX_BYTES // (1024 * 1024)
        raise ConvertError(
            f"{path}: {size / 1024 / 1024:.1f} MB is more than the {limit} MB a converted file "
            "may have; split it into smaller files"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConvertError(f"{path}: cannot read this file: {exc.strerror or exc}") from None


def _head(data: bytes) -> str:
    return data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")


def _text(data: bytes, path: Path) -> str:
    text, bad = decode(data, path)
    if text is None:
        assert bad is not None
        raise BankError([bad])
    return text


def _read(source: Path, data: bytes, fmt: str, output: Path) -> tuple[Bank, int]:
    """The bank SOURCE holds, and how many of its questions were skipped."""
    if fmt == "yaml":
        from quiz.bank.loader import load_bank

        return load_bank(source, use_cache=False), 0
    name = str(source)
    if fmt == "gift":
        from quiz.exchange.gift.read import read_gift

        imported = read_gift(_text(data, source), name)
    elif fmt == "moodle-xml":
        from quiz.exchange.moodle.read import read_moodle_xml

        imported = read_moodle_xml(data, name)
    else:
        from quiz.exchange.anki.txt import read_anki_txt

        imported = read_anki_txt(_text(data, source), name)
    _report(imported.notes, name)
    if imported.problems:
        raise BankError([p._replace(message=visible(p.message)) for p in imported.problems])
    if not imported.questions:
        raise ConvertError(f"{source}: no question could be converted")
    skipped = sum(1 for note in imported.notes if note.kind == SKIPPED)
    return _bank(imported, source, output), skipped


def _bank(imported: Imported, source: Path, output: Path) -> Bank:
    title = source.stem.replace("_", " ").replace("-", " ").strip() or "Imported questions"
    return Bank(
        id=slugify(output.stem) or "imported",
        title=title[:1].upper() + title[1:],
        questions=tuple(imported.questions),
        description=f"Converted from {source.name}.",
    )


def _report(notes: list[Note], path: str) -> None:
    for note in notes:
        sys.stderr.write(note.render(path) + "\n")


def _cite(bank: Bank, document: Path, source: Path) -> Bank:
    """Each question without a quote found in `document` gets one, or is listed."""
    from quiz.exchange.cite import Citer

    if not document.is_file():
        raise UsageError(f"quiz: no such file: {document}")
    text = _text(_read_bytes(document), document).replace("\r\n", "\n")
    citer = Citer(text)
    questions = []
    unsupported = 0
    for q in bank.questions:
        if q.source and find_quote(text, q.source):
            questions.append(q)
            continue
        cited = citer.cite(q)
        where = f"{source}:{q.line}" if q.line else str(source)
        if cited is None:
            unsupported += 1
            lost = "; its quote is not in the document" if q.source else ""
            sys.stderr.write(
                visible(f"{where}: no supporting passage in {document.name} [{q.id}]{lost}") + "\n"
            )
            questions.append(replace(q, source=""))
        else:
            if q.source:
                sys.stderr.write(
                    visible(
                        f"{where}: {CONVERTED}: quote not in {document.name}; "
                        f"cited a passage instead [{q.id}]"
                    )
                    + "\n"
                )
            questions.append(cited)
    cited_count = len(questions) - unsupported
    sys.stderr.write(
        f"Cited {plural(cited_count, 'question')} from {document.name}; "
        f"{plural(unsupported, 'question')} without a supporting passage\n"
    )
    doc = SourceDocument(title=document.stem.replace("_", " "), file=f"sources/{document.name}")
    return replace(bank, questions=tuple(questions), source=doc)


def _write(
    bank: Bank, output: Path, fmt: str, source: Path, document: Path | None, force: bool
) -> None:
    label = str(source)
    try:
        if fmt == "apkg":
            from quiz.exchange.anki.apkg import write_apkg

            with atomic_writer(output, binary=True) as out:
                write_apkg(bank, out)
        elif fmt == "yaml":
            _write_yaml(bank, output, document, force)
        else:
            exported = _export(bank, fmt)
            _report(exported.notes, label)
            with atomic_writer(output) as out:
                out.write(exported.text)
    except OSError as exc:
        raise ConvertError(f"{output}: cannot write it ({exc.strerror or exc})") from None


def _export(bank: Bank, fmt: str) -> Exported:
    if fmt == "gift":
        from quiz.exchange.gift.write import write_gift

        return write_gift(bank)
    if fmt == "moodle-xml":
        from quiz.exchange.moodle.write import write_moodle_xml

        return write_moodle_xml(bank)
    from quiz.exchange.anki.txt import write_anki_txt

    return write_anki_txt(bank)


def _write_yaml(bank: Bank, output: Path, document: Path | None, force: bool) -> None:
    """The bank beside its source document, checked by the loader before it takes its name."""
    from quiz.bank.loader import load_bank
    from quiz.exchange.bank_yaml import bank_to_yaml

    if document is not None:
        _place_document(document, output.parent / "sources" / document.name, force)
    tmp = durable_temp(output.parent, bank_to_yaml(bank).encode("utf-8"))
    try:
        load_bank(tmp, use_cache=False)
        os.replace(tmp, output)
        fsync_folder(output.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _place_document(document: Path, target: Path, force: bool) -> None:
    if target.exists() and target.resolve() == document.resolve():
        return
    if target.exists() and target.read_bytes() != document.read_bytes() and not force:
        raise ConvertError(f"{target}: already exists with other text; add --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(target, binary=True) as out, document.open("rb") as src:
        shutil.copyfileobj(src, out)
