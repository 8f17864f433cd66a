"""Drafting a bank from a document: sentences, facts, questions, YAML; imports bank, common."""
