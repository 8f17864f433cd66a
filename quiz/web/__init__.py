"""The browser front end: `quiz serve` runs the app per browser tab; imports startup and below."""
