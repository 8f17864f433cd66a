"""Drills and exams: fingerprints, results files, class reports; imports study and below."""
