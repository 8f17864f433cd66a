"""quiz: a terminal study app driven by YAML question banks."""

__version__ = "0.1.0"
