"""One screen per phase of a study session; each screen's styles sit beside it."""
