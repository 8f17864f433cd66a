"""Helpers every layer shares (errors, paths, atomic writes, wording, textnorm); stdlib only."""
