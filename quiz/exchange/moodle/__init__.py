"""Moodle XML: read.py (through defusedxml, xmltree.py) and write.py."""
