"""Unit tests of the core packages: plain data in, plain data out."""
