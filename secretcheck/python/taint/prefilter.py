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

from secretcheck.python.taint.flows import Sink

# A file without one of these imports cannot receive a web request.
WEB_FRAMEWORK = (
    r"(?m)^[ \t]*(?:from|import)[ \t]+(?:django|flask|fastapi|starlette|aiohttp|tornado|"
    r"rest_framework|quart|sanic|bottle|falcon|pyramid)\b"
)

# Where untrusted input can enter a file: the sources the taint engine knows (web request
# objects and route parameters, FastAPI/Starlette, Django views, CLI input, the environment).
# A file with a sink but none of these cannot hold a source-to-sink path of its own, and a
# taint run (whole-module parse, scopes, qualified names) is the costliest step of a scan.
SOURCES = re.compile(
    r"\brequest\.(?:args|form|values|json|get_json|cookies|headers|files|data|stream|get_data"
    r"|GET|POST|body|COOKIES|META|FILES|query_params|path_params|query|match_info|rel_url"
    r"|content|path|url|params|arguments)\b"
    r"|\binput\s*\(|\bsys\.argv\b|\bparse_args\s*\(|\bclick\b|\btyper\b|fastapi|starlette"
    r"|@\w+\.(?:route|get|post|put|delete|patch|api_route)\(\s*['\"][^'\"\n]*[<{]"
    r"|def\s+\w+\s*\(\s*(?:self\s*,\s*)?request\b|\bos\.environ\b|\bgetenv\s*\("
)

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


def sink_calls(names: Iterable[str]) -> list[str]:
    """Regexes for the calls by which code can reach each named sink, as written in a file.

    `.m` (a method on any receiver): `.m(`. `pkg.f`: `f(` on any receiver (aliases such as
    `sa.text(` included), except client verbs: `mod.get(` or a bare `get(`. `pkg.Class.m` is
    read the same way with `Class` as the module (`ElementTree.fromstring`); see
    `constructors` for the client a method may be called on.
    """
    found: dict[str, None] = {}
    for name in sorted(names):
        parts = name.split(".")
        last = re.escape(parts[-1])
        if not parts[0]:
            found[rf"\.{last}\s*\("] = None
        elif parts[-1] in _VERBS:
            found[rf"\b{re.escape(parts[-2])}\.{last}\s*\(|(?<![.\w]){last}\s*\("] = None
        else:
            found[rf"\b{last}\s*\("] = None
    return list(found)


def constructors(names: Iterable[str]) -> list[str]:
    """`Class(` for each sink `pkg.Class.m`: a method of a client (`requests.Session().get`)
    resolves only when the client is made in the analyzed code, so that line marks it."""
    classes = {
        n.split(".")[-2] for n in names if n.count(".") >= 2 and n.split(".")[-2][:1].isupper()
    }
    return [rf"\b{re.escape(c)}\s*\(" for c in sorted(classes)]


def _modules(names: Iterable[str]) -> list[str]:
    return sorted({n.split(".")[0] for n in names if n.split(".")[0] not in ("", "builtins")})


class SinkPrefilter:
    """The file test and line pattern of one taint rule (see the module docstring).

    `requires`: a text the file must also hold (a framework the sinks need); `anchors`: more
    line patterns (a Flask route, whose returned text is a sink); `calls=False` keeps lines
    whose first argument is a constant (the xss anchors are decorators, not calls).
    """

    def __init__(
        self,
        sinks: Iterable[Sink],
        *,
        gated: bool = False,
        requires: str = "",
        anchors: str = "",
        calls: bool = True,
    ) -> None:
        names = sorted({n for sink in sinks for n in sink.names})
        method_calls = sink_calls(n for n in names if n.startswith("."))
        qualified = [n for n in names if not n.startswith(".")]
        self.methods = re.compile("|".join(method_calls) or "(?!)")
        # A sink imported under another name (`from subprocess import run as r`) is called as
        # `r(`: its import line is what the file shows.
        lasts = sorted({re.escape(n.rsplit(".", 1)[1]) for n in qualified})
        imported = [rf"\bimport\b[^\n]*\b(?:{'|'.join(lasts)})\b"] if lasts else []
        made = constructors(qualified)
        self.qualified = re.compile("|".join([*sink_calls(qualified), *made, *imported]) or "(?!)")
        heads = _modules(qualified)
        builtin = any(n.startswith("builtins.") for n in qualified)
        # A qualified sink is reachable only in a file that names its module (or a builtin).
        self.modules = None if builtin or not heads else re.compile(rf"\b(?:{'|'.join(heads)})\b")
        self.requires = re.compile(requires) if requires else None
        self.gated = gated
        self.anchors = re.compile(anchors, re.M) if anchors else None
        line = "|".join([*method_calls, *sink_calls(qualified)])
        if calls:
            line = rf"(?<!def )(?:{line}){CONSTANT_FIRST_ARG}"
        # Clients are often made with no argument or a constant one: no exclusion for them.
        line = "|".join([line, *made, *([anchors] if anchors else [])])
        self.lines = re.compile(line, re.M)
        self.pattern = self.lines.pattern

    def search(self, text: str) -> re.Match[str] | None:
        found = self.methods.search(text)
        if found is None:
            found = self.qualified.search(text)
            if found is not None and self.modules is not None and not self.modules.search(text):
                found = None
        if found is None and self.anchors is not None:
            found = self.anchors.search(text)
        if found is None:
            return None
        if self.requires is not None and not self.requires.search(text):
            return None
        if self.gated and not SOURCES.search(text):
            return None
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.lines.finditer(text) if self.search(text) else iter(())
