"""GIFT, Moodle's text format: read.py text -> questions, write.py a bank -> text."""
