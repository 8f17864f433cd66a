"""Exchange formats (GIFT, Moodle XML, Anki) read into and written from the bank model; imports quiz.bank and quiz.common only."""
