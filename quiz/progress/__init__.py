"""The progress store (SQLite), its schema and stats; imports study, grading, bank, common."""
