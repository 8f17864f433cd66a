"""Answer checking: verdicts, text normalisation, one check per type; imports bank and common."""
