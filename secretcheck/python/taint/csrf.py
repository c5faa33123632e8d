"""Reflections a CSRF defence confines to the requester's own input (self-XSS).

A reflected XSS needs a third party to make the victim's browser send the payload: a link for a
query string, a cross-site form post for a request body. Where every state-changing request must
carry the session's CSRF token, that form post is refused, so a value read from the body and
written back into the response only ever shows the requester what they typed. Such a flow is
still reported, at info severity (below the default gate) with `NOTE`: the body is stored and
shown to others elsewhere often enough (stored XSS, which this per-request rule cannot follow),
and a project can switch the defence off in settings this file does not show.

Where the defence is known to be on:
- Flask: the module creates Flask-WTF's `CSRFProtect` (or Flask-SeaSurf's `SeaSurf`), which
  checks every POST, PUT, PATCH and DELETE of the application;
- Django: `CsrfViewMiddleware` is in the settings `startproject` writes, and on in practice.

A view decorated `csrf_exempt` or `<csrf>.exempt` is left out, and so are query strings,
headers, cookies and route values: a link or another site can send those.
"""

from __future__ import annotations

import ast
import re

from secretcheck.python.astsyntax import dotted

NOTE = (
    "threat model: the request body reflected by a CSRF-protected view, so only the requester's"
    " own input comes back (self-XSS); a defect if that value is stored and shown to others, or"
    " if the project turns its CSRF defence off"
)
_FLASK_DEFENCE_IMPORT = re.compile(
    r"^[ \t]*(?:from|import)[ \t]+(?:flask_wtf|flask_seasurf)\b", re.M
)
_FLASK_DEFENCE_CALL = re.compile(r"\b(?:CSRFProtect|SeaSurf)[ \t]*\(")
_DJANGO = re.compile(r"^[ \t]*(?:from|import)[ \t]+django\b", re.M)
# What a request's body holds, as `sources.py` labels it: Flask's `request.form`, `.json`,
# `.files`, `.get_json()`; Django's `request.POST`, `.FILES`, `.body` (not REST framework's
# `request.data`: its views are exempt unless a session authenticates them).
_FLASK_BODY = frozenset({"form", "json", "data", "files", "stream", "get_json()", "get_data()"})
_DJANGO_BODY = frozenset({"POST", "FILES", "body"})


def defended(text: str, flask_module: bool) -> bool:
    """Does this module run under a CSRF defence (see the module docstring)?"""
    # The words each pattern needs, first: `re` reads a pattern opening with `^` or `\b`
    # slowly, and most modules hold neither.
    if flask_module:
        return bool(("flask_wtf" in text or "flask_seasurf" in text)
                    and _FLASK_DEFENCE_IMPORT.search(text)
                    and ("CSRFProtect" in text or "SeaSurf" in text)
                    and _FLASK_DEFENCE_CALL.search(text))  # fmt: skip
    return "django" in text and _DJANGO.search(text) is not None


def exempt(definition: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
    """`@csrf_exempt`, `@csrf.exempt`, `@method_decorator(csrf_exempt, ...)`."""
    for decorator in definition.decorator_list:
        for node in ast.walk(decorator):
            name = dotted(node) if isinstance(node, (ast.Name, ast.Attribute)) else ""
            if name.endswith(("csrf_exempt", ".exempt")):
                return True
    return False


def body_source(label: str) -> bool:
    """Is this source label (`request.form (Flask)`, `request.POST`) the request's body?"""
    flask = label.endswith(" (Flask)")
    head, _, attr = label.removesuffix(" (Flask)").partition(".")
    return head == "request" and attr in (_FLASK_BODY if flask else _DJANGO_BODY)
