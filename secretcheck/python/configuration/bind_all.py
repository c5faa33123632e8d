"""SC225: a server bound to every network interface (0.0.0.0 or ::).

How it detects: the literal "0.0.0.0" or "::" passed to a call (`app.run(host=...)`,
`uvicorn.run`, `socket.bind((host, port))`), assigned to a name about hosts, binding or listening
addresses, or used as the default of such a parameter.

What it deliberately misses: the same literal as the fallback of an environment lookup
(`os.environ.get("HOST", "0.0.0.0")`): the operator decides, which is the recommended fix.
"""

from __future__ import annotations

import ast

from secretcheck.analysis.names import split_words
from secretcheck.python.astsyntax import call_arguments, const_text, dotted, unstarred
from secretcheck.python.astvisitor import ResolvingCheck

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
    def _literals(self, node: ast.expr) -> list[ast.expr]:
        if const_text(node) in _ALL:
            return [node]
        if isinstance(node, ast.Tuple):
            return [e for e in map(unstarred, node.elts) if const_text(e) in _ALL]
        return []

    def visit_Call(self, node: ast.Call) -> None:
        name = dotted(node.func).split(".")[-1]
        if self.qualify(node.func).endswith(_ENV) or dotted(node.func).endswith(_ENV):
            return
        for key, value, _ in call_arguments(node):
            keyword = key or ""
            # A host keyword, an address tuple, or the address argument of a server call;
            # not `line.startswith("::")` and other string work.
            if not (
                _hostish(keyword)
                or isinstance(value, ast.Tuple)
                or (not keyword and name in _SERVER_CALLS)
            ):
                continue
            for literal in self._literals(value):
                self.report(literal, detail="listens on all interfaces")

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(_hostish(dotted(t).split(".")[-1]) for t in node.targets):
            for literal in self._literals(node.value):
                self.report(literal, detail="listens on all interfaces")

    def on_param(self, arg: ast.arg, default: ast.expr | None) -> None:
        if default is not None and _hostish(arg.arg):
            for literal in self._literals(default):
                self.report(literal, detail="listens on all interfaces")


run_ast = Check.run_ast
