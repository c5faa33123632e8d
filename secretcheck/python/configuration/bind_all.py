"""SC225: a server bound to every network interface (0.0.0.0 or ::).

How it detects: the literal "0.0.0.0" or "::" passed to a call (`app.run(host=...)`,
`uvicorn.run`, `socket.bind((host, port))`), assigned to a name about hosts, binding or listening
addresses, or used as the default of such a parameter.

What it deliberately misses: the same literal as the fallback of an environment lookup
(`os.environ.get("HOST", "0.0.0.0")`): the operator decides, which is the recommended fix.
"""

from __future__ import annotations

import libcst as cst

from secretcheck.analysis.names import split_words
from secretcheck.python.syntax import const_text, dotted
from secretcheck.python.visitor import ResolvingCheck

_ALL = ("0.0.0.0", "::")
_HOST_WORDS = frozenset({"host", "bind", "listen", "address", "addr", "interface", "ip"})
_ENV = ("os.environ.get", "os.getenv", "environ.get", "getenv")
_SERVER_CALLS = frozenset(
    {"bind", "run", "serve", "listen", "run_simple", "make_server", "create_server",
     "start_server", "TCPServer", "HTTPServer", "ThreadingHTTPServer", "run_app", "Server"}
)  # fmt: skip


def _hostish(name: str) -> bool:
    return bool(_HOST_WORDS & set(split_words(name)))


class Check(ResolvingCheck):
    def _literals(self, node: cst.BaseExpression) -> list[cst.BaseExpression]:
        if const_text(node) in _ALL:
            return [node]
        if isinstance(node, cst.Tuple):
            return [e.value for e in node.elements if const_text(e.value) in _ALL]
        return []

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func).split(".")[-1]
        if self.qualify(node.func).endswith(_ENV) or dotted(node.func).endswith(_ENV):
            return
        for arg in node.args:
            keyword = arg.keyword.value if arg.keyword is not None else ""
            # A host keyword, an address tuple, or the address argument of a server call;
            # not `line.startswith("::")` and other string work.
            if not (
                _hostish(keyword)
                or isinstance(arg.value, cst.Tuple)
                or (not keyword and name in _SERVER_CALLS)
            ):
                continue
            for literal in self._literals(arg.value):
                self.report(literal, detail="listens on all interfaces")

    def visit_Assign(self, node: cst.Assign) -> None:
        if any(_hostish(dotted(t.target).split(".")[-1]) for t in node.targets):
            for literal in self._literals(node.value):
                self.report(literal, detail="listens on all interfaces")

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is not None and _hostish(node.name.value):
            for literal in self._literals(node.default):
                self.report(literal, detail="listens on all interfaces")
