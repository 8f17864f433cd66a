"""Sessions: options, question selection, typed input, scheduling; imports grading, bank, common."""
