"""The drafter's whole pipeline on text: bytes checked, document parsed, questions, YAML."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.common.errors import QuizError
from quiz.drafting.bank_text import bank_text
from quiz.drafting.document import parse
from quiz.drafting.questions import Drafted, Drafter, select, slug


class DraftError(QuizError):
    """A document that cannot be drafted from: binary, not UTF-8, or empty."""


@dataclass(frozen=True)
class Draft:
    """A drafted bank: its YAML text and the questions in it."""

    text: str
    questions: list[Drafted]
    fact_sentences: int
    sentences: int


def decode_document(data: bytes, name: str) -> str:
    """The document's text; DraftError naming the file when it is binary, not UTF-8 or empty."""
    if b"\x00" in data[:8192]:
        raise DraftError(f"{name}: looks like a binary file; give a UTF-8 text or Markdown file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DraftError(
            f"{name}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise DraftError(f"{name}: the document is empty")
    return text


def draft(
    text: str,
    *,
    source_file: str,
    bank_id: str | None = None,
    title: str | None = None,
    seed: str = "0",
    max_questions: int | None = None,
) -> Draft:
    """Draft a bank from a document's text; `source_file` is the path the bank names."""
    doc = parse(text)
    if not doc.sentences:
        raise DraftError(f"{source_file}: no sentences to draft questions from")
    drafter = Drafter(doc, seed)
    questions = select(drafter.draft(), max_questions)
    if not questions:
        raise DraftError(f"{source_file}: found nothing to ask about")
    stem = source_file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    name = title or doc.title or stem.replace("-", " ").replace("_", " ").capitalize()
    yaml_text = bank_text(
        questions,
        bank_id=bank_id or slug(stem, 40),
        title=name,
        source_title=doc.title or name,
        source_file=source_file,
        seed=seed,
    )
    facts = sum(1 for f in drafter.facts if f)
    return Draft(yaml_text, questions, facts, len(doc.sentences))
