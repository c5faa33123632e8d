"""SC206 sinks: outgoing requests to a URL chosen by untrusted data.

How it detects: taint into the URL of `requests`, `httpx` (module functions, `Client`,
`AsyncClient`), `aiohttp.ClientSession`, `urllib.request.urlopen`/`Request`/`urlretrieve` and
`urllib3.PoolManager`. A URL built behind a fixed scheme and host
(`f"https://api.example.com/users/{uid}"`) and URLs checked against an allowlist are safe.

What it deliberately misses: values of unknown origin, and clients stored on `self`.
"""

from __future__ import annotations

from secretcheck.analysis.taint import Sink

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
    Sink(
        frozenset(f"{c}.request" for c in _CLIENTS)
        | {"urllib3.PoolManager.request", "urllib3.PoolManager.urlopen"},
        (1, "url"),
    ),
)
