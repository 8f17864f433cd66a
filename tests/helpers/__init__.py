"""Shared test helpers: banks to test with, and ways to drive each front end."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BANKS = ROOT / "tests" / "banks"
