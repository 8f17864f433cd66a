"""Draft questions as bank YAML text: a header saying it is a draft, then plain safe YAML."""

from __future__ import annotations

from typing import Any

import yaml

from quiz.drafting.questions import Drafted

# libyaml's emitter when PyYAML has it (about five times faster); the text is the same.
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Safe YAML that never writes an alias (the loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _comment(text: str) -> str:
    """Text safe inside a one-line YAML comment: anything unprintable shown as an escape."""
    return text if text.isprintable() else repr(text)


def bank_text(
    drafted: list[Drafted],
    *,
    bank_id: str,
    title: str,
    source_title: str,
    source_file: str,
    seed: str,
) -> str:
    """The whole bank file, deterministic for the same questions."""
    bank = {
        "id": bank_id,
        "title": title,
        "description": f"Drafted from {source_file}; every question needs a teacher's review.",
        "source": {"title": source_title, "file": source_file},
        "questions": [d.fields for d in drafted],
    }
    header = (
        f"# DRAFT drawn by `quiz draft` from {_comment(source_file)} (seed {_comment(seed)}).\n"
        "# Review every question before students see it: keep the ones worth asking,\n"
        "# make wrong choices plausible, reword prompts, and run `quiz check` on this file.\n"
    )
    body = yaml.dump(
        bank,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return header + body
