"""Reusable widgets: the answer widget of each question type, the countdown."""
