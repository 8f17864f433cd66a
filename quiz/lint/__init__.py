"""Bank lint: warnings about questions that teach badly; imports grading, bank and common."""
