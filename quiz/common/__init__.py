"""Helpers every layer shares (errors, paths, atomic writes, wording); imports only the stdlib."""
