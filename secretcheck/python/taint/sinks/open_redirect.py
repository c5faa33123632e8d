"""SC210 sinks: redirects to a location chosen by untrusted data.

How it detects: taint into Flask/werkzeug/Quart/Bottle `redirect`, CherryPy's `HTTPRedirect`
(raised), Django `redirect`,
`HttpResponseRedirect`/`HttpResponsePermanentRedirect`, Starlette/FastAPI `RedirectResponse`,
the 3xx responses of aiohttp, Pyramid/WebOb and Falcon (`HTTPFound(location)` and kin), and a
handler's own `self.redirect(url)` (Tornado's `RequestHandler`, webapp2), and what a Django
class-based view's `get_redirect_url()` (a `RedirectView`'s) or `get_success_url()` (an editing
view's, `LoginView`'s) returns, which Django redirects to (`RETURNED`).
`url_for`/`reverse`, a fixed local prefix (`"/profile/" + name`), this request's own root
(`request.host_url + name`) or path, the Referer (see `locations.py`), allowlists and
`url_has_allowed_host_and_scheme` guards are safe.

A response or exception built and dropped (a statement of its own: `HTTPFound(location=url)`
with no `return` or `raise`) redirects nowhere and is not reported; Bottle's `redirect()` and a
handler's `self.redirect()` act by themselves.

What it deliberately misses: values of unknown origin, and a Location set in a `headers` mapping.
A `Location` header set by hand as an item of a response (`response["Location"] = url`) is a
sink too, read where it is assigned.
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
_LOCATION = (0, "location", "to", "redirect_to", "url", "urls")
SINKS = (
    # Responses and exceptions that redirect once returned or raised: a statement of its own
    # that drops one (stalker_pyramid's `HTTPFound(location=came_from)` in an `except`) does not.
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
                "cherrypy.HTTPRedirect",
                *_REDIRECT_STATUSES,
            }
        ),
        _LOCATION,
        inert_alone=True,
    ),
    # Bottle's `redirect()` raises the response itself.
    Sink(frozenset({"bottle.redirect"}), _LOCATION),
    # A request handler redirecting: Tornado's `RequestHandler.redirect(url)`, webapp2's.
    Sink(frozenset({".redirect"}), (0, "url", "uri"), receiver_hint="self"),
)
# Django's class-based views redirect to what these methods return: a `RedirectView` to its
# `get_redirect_url()`, the editing views and their mixins to `get_success_url()` once the form
# is valid, `LoginView` and `LogoutView` to `get_success_url()`, which asks
# `get_redirect_url()`: Django's own checks the next URL there, an override drops that check.
# Known by the base's name, as `sources.static_files_class` is.
_EDITING = frozenset(
    {"FormView", "CreateView", "UpdateView", "DeleteView", "BaseFormView", "BaseCreateView",
     "BaseUpdateView", "BaseDeleteView", "FormMixin", "ModelFormMixin", "DeletionMixin",
     "ProcessFormView", "PasswordChangeView", "PasswordResetView", "PasswordResetConfirmView"}
)  # fmt: skip
_LOGIN = frozenset({"LoginView", "LogoutView", "RedirectURLMixin", "SuccessURLAllowedHostsMixin"})
RETURNED: dict[str, frozenset[str]] = {
    "get_redirect_url": frozenset({"RedirectView"}) | _LOGIN,
    "get_success_url": _EDITING | _LOGIN,
}


def returns_redirect(base: str, method: str) -> bool:
    """Does a class deriving from `base` redirect to what its `method` returns?"""
    return base.rpartition(".")[2] in RETURNED.get(method, frozenset())


# A redirect made by hand: the Location header set as an item of a response
# (`response["Location"] = url`, Django's idiom), not of a `headers` mapping (201 Created
# answers and proxies' rewrites, `statements._headers_mapping`). A statement, not a call: the
# engine reads it where it assigns (`Host.header_set`); the anchor below is its line.
LOCATION_HEADER = "location"
_LOCATION_ITEM = r"""\[\s*['"][Ll]ocation['"]\s*\]\s*="""

# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
# The methods of `RETURNED` are where their sink is.
PREFILTER = SinkPrefilter(SINKS, gated=True, requires=WEB_FRAMEWORK,
                          anchors=r"^[ \t]+def[ \t]+get_(?:redirect|success)_url[ \t]*\("
                                  "|" + _LOCATION_ITEM,
                          anchor_words=(*RETURNED, "Location", "location"))  # fmt: skip
