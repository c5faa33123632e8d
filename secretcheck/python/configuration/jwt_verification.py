"""SC229: JSON Web Tokens decoded without checking their signature.

How it detects: `jwt.decode` / `decode_complete` (PyJWT, python-jose, authlib-style names)
called with `options={"verify_signature": False}`, `verify=False` (PyJWT 1.x), or an
`algorithms` list naming "none". Turning off only expiry or audience checks is not reported.

What it deliberately misses: `get_unverified_header` (legitimate, to pick a key) and options
built at run time.
"""

from __future__ import annotations

import libcst as cst

from secretcheck.python.syntax import const_text, is_false
from secretcheck.python.visitor import ResolvingCheck

_DECODERS = ("jwt.decode", "jwt.decode_complete", "jose.jwt.decode", "jwt.api_jwt.decode")


class Check(ResolvingCheck):
    def visit_Call(self, node: cst.Call) -> None:
        name = self.qualify(node.func)
        if not name.endswith(_DECODERS):
            return
        options = self.keyword(node, "options")
        if isinstance(options, cst.Dict):
            for element in options.elements:
                if (
                    isinstance(element, cst.DictElement)
                    and const_text(element.key) == "verify_signature"
                    and is_false(element.value)
                ):
                    self.report(element, detail="verify_signature False")
        verify = self.keyword(node, "verify")
        if verify is not None and is_false(verify):
            self.report(verify, detail="verify=False")
        algorithms = self.keyword(node, "algorithms")
        if not isinstance(algorithms, (cst.List, cst.Tuple)):
            return
        for item in algorithms.elements:
            if (const_text(item.value) or "").lower() == "none":
                self.report(item.value, detail='algorithm "none"')
