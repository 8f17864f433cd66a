"""End-to-end tests of the installed `quiz` command."""
