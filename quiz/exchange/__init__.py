"""Exchange formats (GIFT, Moodle XML, Anki) to and from the bank model; imports quiz.bank."""
