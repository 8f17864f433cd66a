"""Any text at all: the drafter refuses it cleanly or writes a bank that loads and checks."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_bank
from quiz.drafting.draft import DraftError, draft

SAMPLE = (
    "The treaty was signed in 1992 by Armenia , Russia and Kazakhstan . It is 2,850 km long "
    "Dr. J. Smith ( CSTO ) - * # 3.5 five countries Moscow Paris “quoted” it's: e.g. \n \n\n"
    "Uzbekistan re-joined in 2006 ! ? Marie Curie born 7 November 1867 Warsaw ; the"
)
WORDS = st.sampled_from(SAMPLE.split(" "))
TEXT = st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=6)), max_size=120).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.text(max_size=4))
def test_any_text_is_refused_or_drafts_a_bank_that_loads(text: str, seed: str) -> None:
    try:
        result = draft(text, source_file="sources/doc.txt", seed=seed)
    except DraftError:
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "sources").mkdir()
        (root / "sources" / "doc.txt").write_text(text, encoding="utf-8")
        (root / "bank.yaml").write_text(result.text, encoding="utf-8")
        bank = load_bank(root / "bank.yaml", use_cache=False)
    assert len(bank.questions) == len(result.questions)
