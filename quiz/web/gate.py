"""The door to the class: a join code (when required) and the student's name, before any app.

Pure rules here; the HTTP side lives in server.py. A seat is a random token the
browser keeps in a cookie; the server maps it to the name the student typed.
"""

from __future__ import annotations

import html
import secrets
import unicodedata

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
NAME_MAX = 40


def new_join_code(length: int = 6) -> str:
    """A random code for students to type, easy to read aloud."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def code_matches(typed: str, code: str | None) -> bool:
    """Whether `typed` opens the door (no code: always), ignoring case and spaces."""
    if code is None:
        return True
    given = "".join(typed.split()).upper()
    return secrets.compare_digest(given.encode(), code.upper().encode())


def clean_name(typed: str) -> str | None:
    """The student's name as it will be recorded, or None when it cannot be used.

    Spaces are folded; control and format characters (escape sequences, bidi
    overrides) are refused rather than stored, and so is anything over NAME_MAX.
    """
    name = " ".join(typed.split())
    if not name or len(name) > NAME_MAX:
        return None
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} for ch in name):
        return None
    return name


def new_seat() -> str:
    """A token naming one joined student's browser."""
    return secrets.token_urlsafe(24)


def join_page(title: str, *, needs_code: bool, error: str = "", name: str = "") -> str:
    """The HTML form a student fills in before the quiz starts (every value escaped)."""
    code_field = (
        '<label>Join code <input name="code" autocomplete="off" autocapitalize="characters" '
        "required></label>"
        if needs_code
        else ""
    )
    message = f'<p class="error">{html.escape(error)}</p>' if error else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; background: #1e1e2e; color: #eee;
       display: flex; justify-content: center; padding-top: 10vh; }}
form {{ display: flex; flex-direction: column; gap: 1em; min-width: 18em; }}
input, button {{ font-size: 1.2em; padding: .4em; }}
label {{ display: flex; flex-direction: column; gap: .3em; }}
.error {{ color: #ff8080; }}
</style></head>
<body><form method="post" action="join">
<h1>{html.escape(title)}</h1>
{message}
{code_field}
<label>Your name <input name="name" value="{html.escape(name)}" maxlength="{NAME_MAX}"
 autocomplete="name" required autofocus></label>
<button type="submit">Start</button>
</form></body></html>
"""
