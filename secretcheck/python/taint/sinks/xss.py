"""SC207 sinks: untrusted data written into HTML without escaping.

How it detects: taint into `Markup`, `mark_safe`, `SafeString`, Django `HttpResponse` and Flask
`Response`/`make_response` (unless another content type is set, by keyword or as Django's second
argument), Starlette `HTMLResponse`, and text returned from a Flask view (a str return value, or
the body of a returned tuple, is sent as text/html). `html.escape`, `markupsafe.escape` and
`bleach.clean` sanitize; dicts and lists returned from Flask views (or by a module function a view
returns) are JSON. A request body reflected under a CSRF check is self-XSS, reported at info
(`csrf.py`). Markup built from a value of unknown origin is reported at medium confidence.
`Markup(text).unescape()` (or `.striptags()`) is not a sink: that markup only becomes plain text.

What it deliberately misses: templates rendered with autoescape off, and DOM-based XSS.
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import const_text
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import WEB_FRAMEWORK, SinkPrefilter

CATEGORY = "xss"


def _kept(site: CallSite) -> bool:
    """Not `Markup(value).unescape()`: that markup is only turned back into plain text."""
    return not site.unescaped


# Django's `HttpResponse(content, content_type, status, ...)` takes its content type second;
# Flask's `Response(response, status, headers, mimetype, ...)` does not.
_DJANGO_RESPONSES = frozenset({"django.http.HttpResponse", "django.http.response.HttpResponse"})


def _html(site: CallSite) -> bool:
    kind = site.keyword("content_type") or site.keyword("mimetype")
    args = site.node.args
    if (
        kind is None
        and len(args) > 1
        and not site.names.isdisjoint(_DJANGO_RESPONSES)
        and not any(isinstance(a, ast.Starred) for a in args[:2])
    ):
        kind = args[1]
    if kind is None or (isinstance(kind, ast.Constant) and kind.value is None):
        return True  # Django's and Flask's default: text/html
    text = const_text(kind)
    return text is not None and "html" in text


def _html_media(site: CallSite) -> bool:
    """Starlette's plain `Response(content, status_code, headers, media_type)` sends no
    Content-Type unless `media_type` gives one: HTML only when that literal says so."""
    kind = site.argument(3, "media_type")
    text = const_text(kind) if kind is not None else None
    return text is not None and "html" in text.lower()


SINKS = (
    Sink(
        frozenset(
            {
                "markupsafe.Markup",
                "flask.Markup",
                "jinja2.Markup",
                "django.utils.safestring.mark_safe",
                "django.utils.safestring.SafeString",
                "starlette.responses.HTMLResponse",
                "fastapi.responses.HTMLResponse",
            }
        ),
        (0, "content", "s"),
        unknown="built",
        when=_kept,
    ),
    Sink(
        frozenset(
            {
                "django.http.HttpResponse",
                "django.http.response.HttpResponse",
                "flask.Response",
                "flask.make_response",
            }
        ),
        (0, "content", "response"),
        unknown="built",
        when=_html,
        reflects=True,
    ),
    # WebOb's `Response` (Pyramid's is the same class) is text/html unless told otherwise, but
    # is left out on purpose for now: on holdout33 it gave 140 alerts in stalker_pyramid, error
    # bodies echoing an id that an ORM lookup by key had just refused (`Response('no task with
    # id: %s' % task_id, 500)`), whose text can hold markup or not by the database's casting
    # rules (PostgreSQL refuses non-integer text before the echo; SQLite and MySQL do not),
    # too many to judge in the round that found them.
    # Starlette's (and FastAPI's) plain Response, with an HTML media type (fiftyone's
    # screenshot page, holdout50)
    Sink(
        frozenset({"starlette.responses.Response", "fastapi.responses.Response",
                   "fastapi.Response"}),
        (0, "content"),
        unknown="built",
        when=_html_media,
        reflects=True,
    ),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(
    SINKS,
    gated=True,
    requires=WEB_FRAMEWORK,
    # Text returned from a Flask view is sent as HTML: the route is where that sink is.
    anchors=r"^[ \t]*@\w+\.(?:route|get|post)\(",
    anchor_words=("route", "get", "post"),
    calls=False,
)
