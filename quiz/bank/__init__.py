"""Question banks: the model, YAML loading and validation, quotes, coverage; imports quiz.common."""
