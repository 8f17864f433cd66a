"""The core of quiz: banks, answer checking, sessions, scheduling and the progress store.

Nothing in this package imports Textual or Rich; front ends sit on top of it.
"""
