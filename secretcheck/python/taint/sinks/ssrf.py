"""SC206 sinks: outgoing requests to a URL chosen by untrusted data.

How it detects: taint into the URL of `requests` (and `niquests`, `requests_cache`,
`requests_futures` sessions), `httpx` (module functions, `Client`, `AsyncClient`),
`aiohttp.ClientSession` (verbs, `request`, `ws_connect`), `urllib.request`
(`urlopen`/`Request`/`urlretrieve`/openers), `urllib3`, tornado's HTTP clients, `httplib2`,
websocket clients, and the host of `http.client`, `ftplib`, `smtplib`, `socket` connections and
`xmlrpc` proxies. A URL built behind a fixed scheme and host
(`f"https://api.example.com/users/{uid}"`, `API_BASE + "/users/" + uid`, `urljoin(API_BASE,
"users/" + uid)`; see `locations.py`) and URLs checked against an allowlist are safe.

What it deliberately misses: values of unknown origin, and clients stored on `self`.
"""

from __future__ import annotations

from secretcheck.python.taint.flows import Sink
from secretcheck.python.taint.prefilter import WEB_FRAMEWORK, SinkPrefilter

CATEGORY = "ssrf"
_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "stream")
_CLIENTS = (
    "requests",
    "requests.Session",
    "requests.session",
    "requests.sessions.Session",
    "httpx",
    "httpx.Client",
    "httpx.AsyncClient",
    "aiohttp.ClientSession",
    "requests.api",
    "niquests",
    "niquests.Session",
    "niquests.AsyncSession",
    "requests_cache.CachedSession",
    "requests_futures.sessions.FuturesSession",
)
# Calls whose first argument (or the keyword named) is where the connection goes.
_FIRST = {
    "aiohttp.ClientSession.ws_connect": "url",
    "urllib3.connection_from_url": "url",
    "urllib3.HTTPConnectionPool": "host",
    "urllib3.HTTPSConnectionPool": "host",
    "urllib.request.OpenerDirector.open": "fullurl",
    "tornado.httpclient.HTTPClient.fetch": "request",
    "tornado.httpclient.AsyncHTTPClient.fetch": "request",
    "tornado.httpclient.HTTPRequest": "url",
    "httplib2.Http.request": "uri",
    "http.client.HTTPConnection": "host",
    "http.client.HTTPSConnection": "host",
    "websocket.create_connection": "url",
    "websockets.connect": "uri",
    "ftplib.FTP": "host",
    "ftplib.FTP_TLS": "host",
    "smtplib.SMTP": "host",
    "smtplib.SMTP_SSL": "host",
    "socket.create_connection": "address",
    "xmlrpc.client.ServerProxy": "uri",
}
# Calls that take a method first and the URL second.
_SECOND = (
    "urllib3.request",
    "urllib3.PoolManager.request",
    "urllib3.PoolManager.urlopen",
    "urllib3.PoolManager.request_encode_url",
    "urllib3.PoolManager.request_encode_body",
    "aiohttp.request",
    "requests.Request",
    "httpx.Request",
)
SINKS = (
    Sink(
        frozenset(f"{c}.{v}" for c in _CLIENTS for v in _VERBS)
        | {
            "urllib.request.urlopen",
            "urllib.request.Request",
            "urllib.request.urlretrieve",
            "urllib.urlopen",
            "urllib2.urlopen",
        },
        (0, "url"),
    ),
    Sink(frozenset(f"{c}.request" for c in _CLIENTS) | set(_SECOND), (1, "url")),
    *(Sink(frozenset({name}), (0, keyword)) for name, keyword in sorted(_FIRST.items())),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS, gated=True, requires=WEB_FRAMEWORK)
