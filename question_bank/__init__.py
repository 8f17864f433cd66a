"""The banks shipped with quiz, and the source documents they quote."""

from pathlib import Path

BANK_DIR = Path(__file__).resolve().parent
