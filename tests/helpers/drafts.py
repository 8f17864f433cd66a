"""Documents to draft from, and a draft loaded back as a bank the way `quiz check` loads it."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank
from quiz.drafting.draft import Draft, draft
from tests.helpers import ROOT

DOCUMENTS = ROOT / "tests" / "documents"
CSTO = ROOT / "question_bank" / "sources" / "csto.txt"
ALL_DOCUMENTS = [CSTO, *sorted(DOCUMENTS.iterdir())]


def draft_file(document: Path, seed: str = "0") -> Draft:
    """The draft of a document, naming it as `sources/NAME`."""
    text = document.read_text(encoding="utf-8")
    return draft(text, source_file=f"sources/{document.name}", seed=seed)


def load_draft(document: Path, folder: Path, seed: str = "0") -> tuple[Draft, Bank]:
    """Write the draft and a copy of the document into `folder`, then load it as a bank."""
    result = draft_file(document, seed)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(document, folder / "sources" / document.name)
    bank_path = folder / f"{document.stem}.yaml"
    bank_path.write_text(result.text, encoding="utf-8")
    return result, load_bank(bank_path, use_cache=False)
