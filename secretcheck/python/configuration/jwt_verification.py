"""SC229: JSON Web Tokens decoded without checking their signature.

How it detects: `jwt.decode` / `decode_complete` (PyJWT, python-jose, authlib-style names)
called with `options={"verify_signature": False}`, `verify=False` (PyJWT 1.x), or an
`algorithms` list naming "none". Turning off only expiry or audience checks is not reported.

What it deliberately misses: `get_unverified_header` (legitimate, to pick a key) and options
built at run time.
"""

from __future__ import annotations

import ast

from secretcheck.findings import Span
from secretcheck.python.astsyntax import const_text, is_false, keyword
from secretcheck.python.astvisitor import ResolvingCheck

_DECODERS = ("jwt.decode", "jwt.decode_complete", "jose.jwt.decode", "jwt.api_jwt.decode")


class Check(ResolvingCheck):
    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualify(node.func)
        if not name.endswith(_DECODERS):
            return
        options = keyword(node, "options")
        if isinstance(options, ast.Dict):
            for key, value in zip(options.keys, options.values, strict=True):
                if key is not None and const_text(key) == "verify_signature" and is_false(value):
                    start, end = self.positions.span(key), self.with_parentheses(value)
                    element = Span(start.line, start.column, end.end_line, end.end_column)
                    self.report(key, detail="verify_signature False", span=element)
        verify = keyword(node, "verify")
        if verify is not None and is_false(verify):
            self.report(verify, detail="verify=False")
        algorithms = keyword(node, "algorithms")
        if not isinstance(algorithms, (ast.List, ast.Tuple)):
            return
        for item in algorithms.elts:
            if (const_text(item) or "").lower() == "none":
                self.report(item, detail='algorithm "none"')


run_ast = Check.run_ast
