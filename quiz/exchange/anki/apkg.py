"""An Anki package (.apkg) of a bank, built with genanki: one note type, quote on the back."""

from __future__ import annotations

import hashlib
from typing import IO

from quiz.bank.model import Bank
from quiz.exchange.anki.txt import answer_text, front_text, note_tags
from quiz.exchange.textconv import lines_to_html

FIELDS = ("Question", "Answer", "Explanation", "Source", "QuizId")
_BACK = (
    "{{FrontSide}}<hr id=answer>{{Answer}}"
    "{{#Explanation}}<p class=explanation>{{Explanation}}</p>{{/Explanation}}"
    "{{#Source}}<blockquote class=source>{{Source}}</blockquote>{{/Source}}"
)
_CSS = (
    ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
    ".explanation { color: #555; }\n"
    ".source { border-left: 3px solid #999; margin-left: 0; padding-left: 0.8em;"
    " font-style: italic; }\n"
)


def _stable_id(text: str) -> int:
    """A fixed 31-bit id, so a re-exported deck updates the same notes in Anki."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") >> 1 | 1 << 30


def write_apkg(bank: Bank, out: IO[bytes]) -> int:
    """Write the bank as an Anki package to `out`; returns the number of notes."""
    import genanki

    model = genanki.Model(
        _stable_id("quiz-note-type-v1"),
        "quiz question (with source)",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card", "qfmt": "{{Question}}", "afmt": _BACK}],
        css=_CSS,
        sort_field_index=0,
    )
    deck = genanki.Deck(_stable_id(f"quiz-deck:{bank.id}"), bank.title)
    for q in bank.questions:
        fields = [
            lines_to_html(front_text(q)),
            lines_to_html(answer_text(q)),
            lines_to_html(q.explanation),
            lines_to_html(q.source),
            lines_to_html(q.id),
        ]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=fields,
                tags=note_tags(q),
                guid=genanki.guid_for(bank.id, q.id),
            )
        )
    genanki.Package(deck).write_to_file(out)
    return len(bank.questions)
