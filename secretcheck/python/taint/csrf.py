"""Reflections a CSRF defence confines to the requester's own input (self-XSS), and redirects
to posted fields, which no link sets.

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

A redirect to a posted value (`redirect(request.POST["next"])`) is confined the same way, and
needs no defence for it: an open redirect is worth having for a link on the trusted site that
lands elsewhere, and a link cannot set a posted field. A page of another site that posts one
(where no CSRF check refuses it) already has the victim, and could send them anywhere itself.
It is an open redirect when a page of the site copies the field from its own query string
(`?next=` rendered into a hidden input, then posted back: Django's login view, Mayan's
`get_next_url()`), which the Python shows as a read of the same key from the query string in the
same view (function, or any method of its class). Such a redirect keeps its severity; one with
no such read is reported at info with `REDIRECT_NOTE`. A copy made only in a template
(`{{ request.GET.next }}`) is not seen.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable

from secretcheck.python.astsyntax import const_text, dotted

NOTE = (
    "threat model: the request body reflected by a CSRF-protected view, so only the requester's"
    " own input comes back (self-XSS); a defect if that value is stored and shown to others, or"
    " if the project turns its CSRF defence off"
)
REDIRECT_NOTE = (
    "threat model: a redirect to a posted field that the view reads from no query string: a"
    " link cannot set it, and a page of another site that posts it could send the victim"
    " anywhere itself; a defect if a template copies a link's parameter into that field"
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
# A mapping a view reads one posted field of, by key (`request.POST.get("next")`), also through
# a Django form built on the body (`form.cleaned_data["next"]`, `interp.Interpreter._cleaned_read`).
_BODY_FIELDS = frozenset({"POST", "form", "json", "data", "cleaned_data"})
# ... and one it reads a query parameter of: Django, Flask, Starlette/DRF, aiohttp, and the
# mappings that hold both (`request.values`, the old `request.REQUEST`).
_QUERY_FIELDS = frozenset({"GET", "args", "query_params", "query", "values", "REQUEST"})
# Tornado's readers by name (`get_argument` reads the query string as well as the body).
_QUERY_READERS = frozenset(
    {"get_query_argument", "get_query_arguments", "get_argument", "get_arguments"}
)
_KEYED_READS = frozenset({"get", "getlist", "pop", "getone", "getall"})


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


def _field(node: ast.AST, mappings: frozenset[str]) -> tuple[ast.Attribute, str] | None:
    """`<request>.M.get("k")`, `<request>.M["k"]` for M in `mappings`: (the `.M` node, k)."""
    if isinstance(node, ast.Subscript):
        holder, key = node.value, const_text(node.slice)
    elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
          and node.func.attr in _KEYED_READS and node.args):  # fmt: skip
        holder, key = node.func.value, const_text(node.args[0])
    else:
        return None
    if isinstance(holder, ast.Attribute) and holder.attr in mappings and key is not None:
        return holder, key
    return None


def posted_key(scope: ast.AST, where: Callable[[ast.AST], tuple[int, int]],
               at: tuple[int, int]) -> str | None:  # fmt: skip
    """The key of the posted field read at `at` (line, column of the source step) in `scope`;
    None when the read there is of no single constant key (a whole form, a computed key)."""
    for node in ast.walk(scope):
        found = _field(node, _BODY_FIELDS)
        if found is not None and where(found[0]) == at:
            return found[1]
    return None


def query_keys(scopes: Iterable[ast.AST]) -> frozenset[str]:
    """The constant keys these scopes read from the request's query string."""
    keys: set[str] = set()
    for scope in scopes:
        for node in ast.walk(scope):
            found = _field(node, _QUERY_FIELDS)
            if found is not None:
                keys.add(found[1])
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in _QUERY_READERS and node.args):  # fmt: skip
                key = const_text(node.args[0])
                if key is not None:
                    keys.add(key)
    return frozenset(keys)
