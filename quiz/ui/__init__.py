"""The Textual app. Nothing here grades: screens ask the session and draw its verdicts."""
