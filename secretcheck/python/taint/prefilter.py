"""The prefilters of the taint rules, derived from their sink tables.

A taint rule has two text tests, both built from its `SINKS` by `SinkPrefilter`:
- `search` (whole file): is some sink callable here? A method sink (`.execute`) by its call, a
  qualified sink (`sqlalchemy.text`) by its call in a file that names its top module. Gated
  categories (paths, URLs, markup, XML, redirects) also need a web framework import and some
  untrusted source in the file: they report only source-to-sink paths.
- `lines`: which lines may hold a sink, so that only the functions around them (and their
  callers and callees) get the costly scope and qualified-name resolution.

Deriving both from the table is what keeps them honest: a sink added to `SINKS` is covered the
moment it is written, and `tests/python/test_prefilters.py` proves it for every sink.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from secretcheck.lazyre import LazyPattern
from secretcheck.python.taint.flows import Sink
from secretcheck.python.taint.sources import CLIENT_METHODS, REQUEST_ATTRS, REQUEST_METHODS
from secretcheck.python.textgate import GatedPattern, gated_without_lookarounds

# A file without one of these imports, or a WSGI application of its own, cannot receive a web
# request. A top-level import (column 0): an indented `from flask import Flask` is most often an
# example in a docstring (flask's and werkzeug's own modules are full of them), not a web
# application.
_FRAMEWORK_IMPORT = (
    r"^(?:from|import)[ \t]+(?:django|flask|fastapi|starlette|aiohttp|tornado|"
    r"rest_framework|quart|sanic|bottle|falcon|pyramid|channels|cherrypy|webob)\b"
)
# A WSGI application (PEP 3333): a function or `__call__` method whose parameters are the
# environ and `start_response` (see `sources.wsgi_environ`) ...
WSGI_APPLICATION = (
    r"def\s+\w+\s*\(\s*(?:self\s*,\s*)?\w+\s*(?::[^,()]*)?,\s*start_response\s*[:,)]"
)
# ... that reads the client's part of its environ (`sources.environ_source`), or wraps the
# environ in a request object (`sources.wraps_environ`: werkzeug's, WebOb's, Pyramid's). Most
# `__call__(self, environ, start_response)` of a library (a response, an exception, a
# middleware) only hand the environ on: no taint run for those.
_CLIENT_KEYS = (
    r"""['"](?:HTTP_\w+|PATH_INFO|QUERY_STRING|REQUEST_URI|RAW_URI|CONTENT_TYPE|wsgi\.input)['"]"""
)
_WRAPS = r"Request\(\s*\w+\s*\)"
_READS_ENVIRON = f"(?:{_CLIENT_KEYS}|{_WRAPS})"
# The request classes of `_WRAPS` are imported from these (not a library's own `Request`).
_WRAPPER_IMPORT = re.compile(r"^(?:from|import)[ \t]+(?:werkzeug|webob|pyramid)\b", re.M)
_KEYS_READ = re.compile(_CLIENT_KEYS)
_WRAPPED = re.compile(_WRAPS)
# In a function's text (no lookaround: the entry tests are gated in RE2).
WSGI_READS = WSGI_APPLICATION + r"(?s:.)*?" + _READS_ENVIRON
# In a whole file: read in the application's own body, before the next `def` or `class`.
_IN_ITS_BODY = (
    r"^[ \t]*(?:async[ \t]+)?"
    + WSGI_APPLICATION
    + r"(?:(?!\n[ \t]*(?:def|class|async[ \t]+def)\b)[\s\S])*?"
)
# A Tornado handler whose base class the project defines in another module (`class
# LoginHandler(BaseHandler)`): its request accessors say it handles requests all the same.
_HANDLER_ACCESSOR = r"^[ \t]+[^#\n]*\bself\.get_(?:query_|body_)?arguments?\("
# A request handler of the standard library's http.server answers each method in its own
# `do_GET(self)` (`sources.HTTP_HANDLER_ATTRS`); a class that only relays the request to a WSGI
# application (werkzeug's development server) defines none, and is no web module for it.
_HTTP_SERVER_HANDLER = r"^[ \t]+def[ \t]+do_[A-Z]+[ \t]*\([ \t]*self\b"
_WEB_TEXT = f"{_FRAMEWORK_IMPORT}|{_HANDLER_ACCESSOR}|{_HTTP_SERVER_HANDLER}"
WEB_FRAMEWORK = rf"(?m)(?:{_WEB_TEXT}|{_IN_ITS_BODY}{_READS_ENVIRON})"
_APP_READS_KEYS = re.compile(_IN_ITS_BODY + _CLIENT_KEYS, re.M)
_APP_WRAPS = re.compile(_IN_ITS_BODY + _WRAPS, re.M)

# Where untrusted input can enter a file: the entry points the taint engine knows. Web ones
# (request objects, route and view parameters, FastAPI/Starlette, Tornado and aiohttp handlers)
# count only in a file that imports a web framework, as the engine's sources do; the others
# are argv, argparse, click/typer commands, input(), stdin, fileinput and sockets. A file (or a
# group of functions) with a sink but none of these cannot hold a source-to-sink path of its
# own, and a taint run (whole-module parse, scopes, qualified names) is the costliest step of a
# scan. The environment is not an entry point.
# Each test opens with a literal (`request.`, `def`, `@`), which CPython's `re` finds by a fast
# scan; one alternation of them all would try every branch at every offset (~10x slower).
# Compiled when first searched (`LazyPattern`): most files get no further than the RE2 gates.
# What the engine reads of a request object (`sources.REQUEST_ATTRS`, `REQUEST_METHODS`, and
# Tornado's `request.arguments`), from the same tables, so a new source is never filtered out.
REQUEST_READS = r"request\.(?:{})\b".format(
    "|".join(sorted(REQUEST_ATTRS | REQUEST_METHODS | {"arguments"}, key=lambda w: (-len(w), w)))
)
WEB_ENTRY_POINTS = tuple(
    LazyPattern(p)
    for p in (
        REQUEST_READS,
        r"fastapi|starlette",
        r"get_(?:query_|body_)?arguments?\s*\(",
        r"@\w+\.(?:route|get|post|put|delete|patch|api_route)\(\s*['\"][^'\"\n]*[<{]",
        r"def\s+\w+\s*\(\s*(?:self\s*,\s*)?(?:request|req)\b",
        r"self\.(?:kwargs|args)\b",
        r"self\.(?:path|headers|rfile|requestline)\b",  # an http.server request handler
        # a CherryPy page handler (`sources.EXPOSE`): the decorator, or the attribute it sets
        r"@(?:cherrypy\.)?expose\b",
        r"exposed\s*=\s*True\b",
        # ... or its HTTP-method handler, on a class a base of another module exposes
        r"def\s+(?:GET|POST|PUT|PATCH|DELETE)\s*\(\s*self\b",
        # a WebSocket handler's message or a Tornado handler's URL groups, from the same
        # table as the engine's
        r"def\s+(?:{})\s*\(\s*self\s*,".format("|".join(sorted(CLIENT_METHODS))),
        WSGI_READS,
    )
)
OTHER_ENTRY_POINTS = tuple(
    LazyPattern(p)
    for p in (
        r"input\s*\(",
        r"sys\.(?:argv|stdin)\b",
        r"parse(?:_known)?_args\s*\(",
        r"@\w+\.(?:command|group|option|argument)\b",
        r"typer|fileinput",
        r"\.recv(?:from)?\s*\(",
        r"FieldStorage\s*\(",  # a CGI script's form; no framework is imported for it
    )
)
# Most files import no web framework: one RE2 pass says so (see `textgate`).
_IMPORTS = GatedPattern("(?m)" + _WEB_TEXT)
# One RE2 pass says "none of them" for most files (see `textgate`); `re` then runs the tests.
_OTHER_GATE = GatedPattern("|".join(p.pattern for p in OTHER_ENTRY_POINTS))
_WEB_GATE = GatedPattern("|".join(p.pattern for p in WEB_ENTRY_POINTS))


def has_entry_point(text: str, web: bool) -> bool:
    """Does `text` (a file, or a function of a file that imports a web framework when `web`)
    read a real entry point?"""
    # Each test runs from where the gate first matched: none of them can match before.
    at = _OTHER_GATE.first_offset(text)
    if at >= 0 and any(p.search(text, at) for p in OTHER_ENTRY_POINTS):
        return True
    if not web:
        return False
    at = _WEB_GATE.first_offset(text)
    return at >= 0 and any(p.search(text, at) for p in WEB_ENTRY_POINTS)


# Asked of each Python file by the syntax-tree engine's rule choice and again by the taint
# check; its WSGI tests cost ~1 ms on a 60 KB module that mentions `start_response`.
@lru_cache(maxsize=1)
def is_web_module(text: str) -> bool:
    """Does `text` import a web framework, call a Tornado handler's request accessors on
    `self`, or (by its text) define a WSGI application that
    reads the request (`reads_environ`)? The second is confirmed on the parsed module (a
    docstring may show one: `check.Check._confirm_web`)."""
    if _IMPORTS.search(text):
        return True
    # A plain substring test first: the WSGI pattern costs as much as the import one again.
    if "start_response" not in text:
        return False
    if _APP_READS_KEYS.search(text):
        return True
    return bool(_WRAPPER_IMPORT.search(text)) and bool(_APP_WRAPS.search(text))


def imports_web_framework(text: str) -> bool:
    return bool(_IMPORTS.search(text))


def reads_environ(function: str, module: str) -> bool:
    """Does this WSGI application's text (`function`, in the file `module`) read the client's
    part of its environ, or wrap it in an imported request class?"""
    if _KEYS_READ.search(function):
        return True
    return bool(_WRAPPED.search(function)) and bool(_WRAPPER_IMPORT.search(module))


# After a sink's opening parenthesis: no argument at all (`run()` in a docstring), or a first
# argument that is one plain (not f-) string literal, ending the call or followed by another.
# A constant cannot carry taint, so such a call is no reason to analyze its function
# (`__import__("colorama")`, `execute("SELECT ... WHERE id = ?", (uid,))`); `"..." + x` is.
CONSTANT_FIRST_ARG = r"""(?!\s*\)|\s*[rRbBuU]{0,2}(?:"[^"\n]*"|'[^'\n]*')\s*[,)])"""

# Client verbs that are also everyday method names (`dict.get`, `Queue.put`): as a module
# function (`requests.get`) they count only when spelled through the module or imported bare.
_VERBS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "send"}
)


def _any(words: Iterable[str]) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w)))


def sink_calls(names: Iterable[str]) -> list[str]:
    """Regexes for the calls by which code can reach each named sink, as written in a file.

    `.m` (a method on any receiver): `.m(`. `pkg.f`: `f(` on any receiver (aliases such as
    `sa.text(` included), except client verbs: `mod.get(` or a bare `get(`. `pkg.Class.m` is
    read the same way with `Class` as the module (`ElementTree.fromstring`); see
    `constructors` for the client a method may be called on. Names are grouped into a few
    alternations, each opening with a look-behind: CPython's `re` then skips ahead by the
    names' first characters instead of trying every alternative at every offset.
    """
    methods, plain, verb_modules, verbs = set(), set(), set(), set()
    for name in names:
        parts = name.split(".")
        if not parts[0]:
            methods.add(parts[-1])
        elif parts[-1] in _VERBS:
            verb_modules.add(parts[-2])
            verbs.add(parts[-1])
        else:
            plain.add(parts[-1])
    found = []
    if methods:
        found.append(rf"(?<=\.)(?:{_any(methods)})\s*\(")
    if plain:
        found.append(rf"(?<!\w)(?:{_any(plain)})\s*\(")
    if verbs:
        found.append(rf"(?<!\w)(?:{_any(verb_modules)})\.(?:{_any(verbs)})\s*\(")
        found.append(rf"(?<![\w.])(?:{_any(verbs)})\s*\(")
    return found


def constructors(names: Iterable[str]) -> list[str]:
    """`Class(` for each sink `pkg.Class.m`: a method of a client (`requests.Session().get`)
    resolves only when the client is made in the analyzed code, so that line marks it."""
    classes = {p[-2] for p in (n.split(".") for n in names) if len(p) >= 3 and p[-2][:1].isupper()}
    return [rf"(?<!\w)(?:{_any(classes)})\s*\("] if classes else []


# A lookaround without groups inside (`(?<=\.)`, `(?<![\w.])`): what sink_calls writes.
_LOOKAROUND = re.compile(r"\(\?<?[=!](?:\[[^\]]*\]|\\.|[^()\\])*\)")


def _modules(names: Iterable[str]) -> list[str]:
    return sorted({n.split(".")[0] for n in names if n.split(".")[0] not in ("", "builtins")})


class SinkPrefilter:
    """The file test and line pattern of one taint rule (see the module docstring).

    `requires`: a text the file must also hold (a framework the sinks need); `anchors`: more
    line patterns (a Flask route, whose returned text is a sink), and `anchor_words` the
    identifiers they need (see `words`); `calls=False` keeps lines whose first argument is a
    constant (the xss anchors are decorators, not calls).
    """

    def __init__(
        self,
        sinks: Iterable[Sink],
        *,
        gated: bool = False,
        requires: str = "",
        anchors: str = "",
        anchor_words: Iterable[str] = (),
        calls: bool = True,
    ) -> None:
        sinks = tuple(sinks)
        names = sorted({n for sink in sinks for n in sink.names})
        method_calls = sink_calls(n for n in names if n.startswith("."))
        qualified = [n for n in names if not n.startswith(".")]
        # The file tests are compiled when first searched (`_compiled`): outside audit mode a
        # file without an entry point never gets that far, and compiling all ten rules' tests
        # was ~15 ms of every run's start-up.
        self._sources: dict[str, tuple[str, int] | None] = {
            "methods": ("|".join(method_calls) or "(?!)", 0)
        }
        # A sink imported under another name (`from subprocess import run as r`) is called as
        # `r(`: its import line is what the file shows.
        lasts = sorted({re.escape(n.rsplit(".", 1)[1]) for n in qualified})
        imported = [rf"\bimport\b[^\n]*\b(?:{'|'.join(lasts)})\b"] if lasts else []
        made = constructors(qualified)
        self._sources["qualified"] = (
            "|".join([*sink_calls(qualified), *made, *imported]) or "(?!)",
            0,
        )
        heads = _modules(qualified)
        builtin = any(n.startswith("builtins.") for n in qualified)
        # A qualified sink is reachable only in a file that names its module (or a builtin).
        self._sources["modules"] = (
            None if builtin or not heads else (rf"\b(?:{'|'.join(heads)})\b", 0)
        )
        self._sources["requires"] = (requires, 0) if requires else None
        self._sources["anchors"] = (anchors, re.M) if anchors else None
        self._compiled: dict[str, re.Pattern[str] | None] = {}
        self._gates: dict[str, GatedPattern | None] = {}  # `_first`
        self.gated = gated
        # Identifiers one of which a file must hold for any sink to be reachable: a cheap
        # first test (a set lookup per file) before the regexes.
        parts = [n.split(".") for n in names]
        self.words = frozenset(p[-1] for p in parts) | frozenset(
            p[-2] for p in parts if len(p) >= 3 and p[-2][:1].isupper()
        )
        self.words |= frozenset(anchor_words)
        # A sink that reads a later argument (`requests.request("GET", url)`, pexpect's
        # `spawn("/bin/sh", ["-c", text])`) is one whatever the first argument is.
        later = {n for sink in sinks if 0 not in sink.args for n in sink.names}
        first = [n for n in names if n not in later]
        line = "|".join(sink_calls(first))
        if calls:
            line = rf"(?<!def )(?:{line}){CONSTANT_FIRST_ARG}" if line else ""
        if later:
            line = "|".join([*([line] if line else []),
                             rf"(?<!def )(?:{'|'.join(sink_calls(sorted(later)))})"])  # fmt: skip
        # Clients are often made with no argument or a constant one: no exclusion for them.
        # The line pattern is compiled when first used (`lines`), like the file tests: a file
        # whose sinks the gate rules out never needs it.
        self.pattern = "|".join([line, *made, *([anchors] if anchors else [])])
        self._lines: re.Pattern[str] | None = None
        # The file test's first step in RE2, look-behinds left out (which only widens it).
        # Built from the sources, not the compiled tests: compiling them here cost ~10 ms of
        # start-up for files that the gate turns away.
        sources = [self._source("methods"), self._source("qualified")]
        any_sink = [*sources, *([anchors] if anchors else [])]
        any_sink = [p for p in any_sink if p != "(?!)"] or ["(?!x)x"]
        joined = "(?m)" + "|".join(any_sink)  # multi-line: the anchors are compiled with re.M
        self.gate = GatedPattern(joined, _LOOKAROUND.sub("", joined))

    def _source(self, name: str) -> str:
        source = self._sources[name]
        assert source is not None
        return source[0]

    @property
    def lines(self) -> re.Pattern[str]:
        if self._lines is None:
            self._lines = re.compile(self.pattern, re.M)
        return self._lines

    def _test(self, name: str) -> re.Pattern[str] | None:
        if name not in self._compiled:
            source = self._sources[name]
            self._compiled[name] = None if source is None else re.compile(*source)
        return self._compiled[name]

    @property
    def methods(self) -> re.Pattern[str]:
        found = self._test("methods")
        assert found is not None
        return found

    @property
    def qualified(self) -> re.Pattern[str]:
        found = self._test("qualified")
        assert found is not None
        return found

    @property
    def modules(self) -> re.Pattern[str] | None:
        return self._test("modules")

    @property
    def requires(self) -> re.Pattern[str] | None:
        return self._test("requires")

    @property
    def anchors(self) -> re.Pattern[str] | None:
        return self._test("anchors")

    def _first(self, name: str, text: str) -> re.Match[str] | None:
        """The first match of the file test `name` (which must exist), `re` tried only where
        its own RE2 gate starts a match: `re` read these tests, which open with a look-behind,
        at ~20 MB/s from the first sink-like call to the end of the file, for each test."""
        if name not in self._gates:
            source, flags = self._sources[name] or ("(?!)", 0)
            self._gates[name] = gated_without_lookarounds(
                f"(?m){source}" if flags & re.M else source
            )
        gated = self._gates[name]
        if gated is None:
            found = self._test(name)
            return found.search(text) if found is not None else None
        return gated.first(text)

    def search(self, text: str) -> re.Match[str] | None:
        # The gate holds the sink calls and anchors: without a match of it, none of them has one.
        if self.gate.first_offset(text) < 0:
            return None
        found = self._first("methods", text)
        if found is None:
            found = self._first("qualified", text)
            if (found is not None and self._sources["modules"] is not None
                    and not self._first("modules", text)):  # fmt: skip
                found = None
        if found is None and self._sources["anchors"] is not None:
            found = self._first("anchors", text)
        if found is None:
            return None
        if self._sources["requires"] is not None and not self._first("requires", text):
            return None
        return found  # `gated` is the caller's test (engines/cst.py asks once per file)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.lines.finditer(text) if self.search(text) else iter(())
