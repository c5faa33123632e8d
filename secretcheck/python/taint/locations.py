"""URLs whose host the attacker does not choose: the facts `url_start.py` needs about them.

Where a request goes or a redirect sends the user is chosen by the URL's scheme and host. Text
an attacker appends after a fixed host picks a path there ("partial SSRF", CodeQL's
py/partial-ssrf rather than py/full-ssrf), which is no SSRF and no open redirect. These shapes
fix the host besides a literal prefix (`calls.SAFE_LOCATION_PREFIX`):

- a base from code or configuration, not from the request, then a literal path segment:
  `API_BASE + "/users/" + uid`, f"{API_BASE}/users/{uid}", "%s/users/%s" % (API_BASE, uid),
  "{}/users/{}".format(API_BASE, uid) (`url_start.UrlStart._configured_base`). The base's
  own flows stay (a caller may pass request data as the base). After a bare "/" only a fetch
  is confined: a base of "" or "/" turns "/" + "/evil" into the host "//evil" of a redirect;

- this request's own root, for a redirect: `request.host_url`, `request.url_root`,
  `request.base_url`, `request.url` (werkzeug, Starlette), `request.application_url` and
  `request.path_url` (WebOb, Pyramid: holdout27's devpi-web), Django's
  `request.build_absolute_uri()`, or a prefix cut of one (`url[: url.find("/api/")]`), then
  anything: the victim's browser sent the Host, so the URL stays on this site.
  `request.script_root` is not one: it is "" at the site's root, and "" + "//evil" leaves.
  Not for a request the server makes: there whoever sends the request wrote the Host header
  (werkzeug does not check it unless TRUSTED_HOSTS is set), so `request.host_url + path` is
  still SSRF.
- `urljoin(base, ref)` where `ref` starts with a relative path (`"v1/items/" + value`): the
  result keeps the base's scheme and host. A `ref` that may be absolute (`value`,
  `"/" + value` -> `//evil`) replaces them.
- the Referer header, into a redirect only: the victim's own browser sends it, naming the page
  the victim came from. An attacker can make that their own page, and the redirect then
  returns the victim to the page they just left: the phishing value of an open redirect (a
  link on the trusted domain that lands elsewhere) is not there, since the link carries no
  target. Not reported (no audit lead either: redirect sinks report no value of unknown
  origin); it stays attacker text for HTML (CVE-2024-39125 is a Referer into a page).
"""

from __future__ import annotations

import ast
import re

from secretcheck.python.astsyntax import const_text, dotted

# A stand-in prefix for `url_start.UrlStart._behind_base`: some URL on this site.
OWN_SITE = "https://this-site/"
# Request attributes holding the request's own absolute URL, its scheme and host first.
OWN_ROOT_ATTRS = frozenset({"url", "base_url", "url_root", "host_url", "root_url",
                            "application_url", "path_url"})  # WebOb's (Pyramid) last
# Methods of a request returning its own absolute URL when called without arguments (with
# one, Django's `build_absolute_uri(location)` returns an absolute `location` as it is).
OWN_ROOT_METHODS = frozenset({"build_absolute_uri", "full_url"})
# The Referer header by the names frameworks give it: a key of a headers mapping, and the
# CGI/WSGI variable (`environ`, Django's `META`), a name no form or query field goes by. A
# query parameter named "referer" (`/login?referer=...`) is the attacker's, like any other.
_HEADER_KEYS = frozenset({"referer", "referrer"})
_HEADER_MAPPINGS = frozenset({"headers", "environ", "META"})
_CGI_KEY = "http_referer"
REDIRECT = frozenset({"open-redirect"})
URLJOIN = frozenset({"urllib.parse.urljoin", "urlparse.urljoin", "urllib.urljoin",
                     "requests.compat.urljoin"})  # fmt: skip
# Text that starts a relative-path reference: a path segment ("/v1/", "v1/", with no ':' that
# would make it a scheme) or a query or fragment. Not "/" alone, which `"/" + "/evil"` turns
# into the network-path reference "//evil".
_RELATIVE = re.compile(r"(?:/[^/\\]|[^/\\:?#]+/|[?#])")
# Text a browser reads as the start of a relative reference whatever follows: scheme
# characters, then one no scheme holds ("wagtailsnippets_", "user@"), so an attacker's ":" later
# makes no scheme; a first segment closed by "/" ("edit/"); a query or fragment. The redirect
# stays on this site. Not a character the URL parser removes or trims (tabs, newlines, spaces,
# controls) or a field's start ("{", "%"), and not "/" or "\\" first (`SAFE_LOCATION_PREFIX`).
_SCHEMELESS = re.compile(
    r"[a-zA-Z0-9+.-]*[^a-zA-Z0-9+.\-:/\\{%?#\x00-\x20\x7f]|[a-zA-Z0-9+.-]+/|[?#]"
)
# A literal path segment after a base (`"/users/"`): whatever the base holds ("", "/"), the host
# is the base's or the segment's, never the text after it. Not "/" then a replacement field
# ("{}/{}".format(root, v), "%s/%s" % (root, v)): a root of "" and a v of "/evil" make "//evil".
PATH_SEGMENT = re.compile(r"/[^/\\{%]")
_PERCENT_FIELD = re.compile(r"%s")
_FORMAT_FIELD = re.compile(r"\{0?\}")


def referer_key(mapping: ast.expr, key: ast.expr | None) -> bool:
    """Does `mapping[key]` read the Referer header (`request.headers["Referer"]`,
    `environ["HTTP_REFERER"]`), not a form or query field of that name?"""
    text = const_text(key)
    if text is None:
        return False
    if text.lower() == _CGI_KEY:
        return True
    return text.lower() in _HEADER_KEYS and dotted(mapping).split(".")[-1] in _HEADER_MAPPINGS


def relative_reference(node: ast.expr) -> bool:
    """Does this expression start with a literal relative path, so `urljoin(base, it)` keeps
    the base's scheme and host whatever follows? (`"v1/items/" + value`, f"/v1/{value}")"""
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        node = node.left
    if isinstance(node, ast.JoinedStr):
        node = node.values[0] if node.values else ast.Constant("")
    text = const_text(node)
    return text is not None and bool(_RELATIVE.match(text))


def relative_start(text: str) -> bool:
    """Does this literal start keep a redirect on this site whatever text follows it? A
    relative path ("edit/", "wagtailsnippets_") or a query or fragment. Only for a redirect:
    a client that takes a URL without a scheme for "host/path" (urllib3) reads "x_@evil" as
    the host evil, so a fetch is not confined by it."""
    return bool(_SCHEMELESS.match(text))


def after_leading_field(template: str, method: str) -> str | None:
    """The literal text after a template's leading field: "/users/%s" for "%s/users/%s"
    (`%`), "/users/{}" for "{}/users/{}" (`str.format`); None when it starts otherwise."""
    match = (_PERCENT_FIELD if method == "%" else _FORMAT_FIELD).match(template)
    return template[match.end() :] if match else None


def prefix_slice(node: ast.Subscript) -> bool:
    """`text[:n]` or `text[0:n]`: text's start, cut somewhere."""
    cut = node.slice
    if not isinstance(cut, ast.Slice) or cut.step is not None:
        return False
    return cut.lower is None or (isinstance(cut.lower, ast.Constant) and cut.lower.value == 0)
