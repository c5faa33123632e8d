"""SC210 sinks: redirects to a location chosen by untrusted data.

How it detects: taint into Flask/werkzeug `redirect`, Django `redirect`,
`HttpResponseRedirect`/`HttpResponsePermanentRedirect` and Starlette/FastAPI `RedirectResponse`.
`url_for`/`reverse`, a fixed local prefix (`"/profile/" + name`), this request's own root
(`request.host_url + name`) or path, the Referer (see `locations.py`), allowlists and
`url_has_allowed_host_and_scheme` guards are safe.

What it deliberately misses: values of unknown origin, and `Location` headers set by hand.
"""

from __future__ import annotations

from secretcheck.python.taint.flows import Sink
from secretcheck.python.taint.prefilter import WEB_FRAMEWORK, SinkPrefilter

CATEGORY = "open-redirect"
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
            }
        ),
        (0, "location", "to", "redirect_to", "url"),
    ),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS, gated=True, requires=WEB_FRAMEWORK)
