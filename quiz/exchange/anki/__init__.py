"""Anki: txt.py notes in plain text, in and out; apkg.py a package out (genanki)."""
