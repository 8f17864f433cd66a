"""Command-line front ends: argument parsing, `check`, `stats`, `export`, `report`, `--plain`."""
