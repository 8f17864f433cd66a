"""Text normalising for checking; it lives in `quiz.common.textnorm` so the loader shares it."""

from quiz.common.textnorm import (
    ARTICLES,
    digit_runs,
    is_blank,
    looks_numeric,
    normalize,
    strip_diacritics,
)

__all__ = ["ARTICLES", "digit_runs", "is_blank", "looks_numeric", "normalize", "strip_diacritics"]
