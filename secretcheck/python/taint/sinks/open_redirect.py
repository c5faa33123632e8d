"""SC210 sinks: redirects to a location chosen by untrusted data.

How it detects: taint into Flask/werkzeug/Quart/Bottle `redirect`, Django `redirect`,
`HttpResponseRedirect`/`HttpResponsePermanentRedirect`, Starlette/FastAPI `RedirectResponse`,
the 3xx responses of aiohttp, Pyramid/WebOb and Falcon (`HTTPFound(location)` and kin), and a
handler's own `self.redirect(url)` (Tornado's `RequestHandler`, webapp2).
`url_for`/`reverse`, a fixed local prefix (`"/profile/" + name`), this request's own root
(`request.host_url + name`) or path, the Referer (see `locations.py`), allowlists and
`url_has_allowed_host_and_scheme` guards are safe.

What it deliberately misses: values of unknown origin, and `Location` headers set by hand.
"""

from __future__ import annotations

from secretcheck.python.taint.flows import Sink
from secretcheck.python.taint.prefilter import WEB_FRAMEWORK, SinkPrefilter

CATEGORY = "open-redirect"
# The redirect responses of frameworks that raise or return one per status, location first.
_REDIRECT_STATUSES = frozenset(
    f"{module}.{status}"
    for module in ("aiohttp.web", "aiohttp.web_exceptions", "pyramid.httpexceptions",
                   "webob.exc", "falcon", "falcon.redirects")
    for status in ("HTTPMovedPermanently", "HTTPFound", "HTTPSeeOther", "HTTPTemporaryRedirect",
                   "HTTPPermanentRedirect")
)  # fmt: skip
SINKS = (
    Sink(
        frozenset(
            {
                "flask.redirect",
                "werkzeug.utils.redirect",
                "django.shortcuts.redirect",
                "django.http.HttpResponseRedirect",
                "django.http.HttpResponsePermanentRedirect",
                "django.http.response.HttpResponseRedirect",
                "starlette.responses.RedirectResponse",
                "fastapi.responses.RedirectResponse",
                "quart.redirect",
                "bottle.redirect",
                *_REDIRECT_STATUSES,
            }
        ),
        (0, "location", "to", "redirect_to", "url"),
    ),
    # A request handler redirecting: Tornado's `RequestHandler.redirect(url)`, webapp2's.
    Sink(frozenset({".redirect"}), (0, "url", "uri"), receiver_hint="self"),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS, gated=True, requires=WEB_FRAMEWORK)
