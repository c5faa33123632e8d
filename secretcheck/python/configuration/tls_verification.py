"""SC220: TLS certificate or host-name verification switched off.

How it detects: `verify=False` on any call (requests, httpx and their sessions), `.verify = False`
assignments, aiohttp `ssl=False`/`verify_ssl=False`, `ssl._create_unverified_context`,
`ssl.CERT_NONE` (or urllib3's "CERT_NONE") in an assignment or argument,
`check_hostname = False`/`check_hostname=False`, and `urllib3.disable_warnings`.

What it deliberately misses: verification turned off through configuration files or
environment variables (`REQUESTS_CA_BUNDLE=""`), and `verify=<variable>`.
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import call_arguments, const_text, is_false
from secretcheck.python.astvisitor import ResolvingCheck

_UNVERIFIED = ("ssl._create_unverified_context", "ssl._create_stdlib_context")


def _false(node: ast.expr) -> bool:
    return is_false(node) and not (isinstance(node, ast.Constant) and node.value is None)


class Check(ResolvingCheck):
    def _cert_none(self, node: ast.expr) -> bool:
        return self.qualify(node) == "ssl.CERT_NONE" or const_text(node) == "CERT_NONE"

    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualify(node.func)
        if name in _UNVERIFIED or name.endswith("urllib3.disable_warnings"):
            self.report(node, detail=name)
            return
        aiohttp = name.startswith("aiohttp.") or "aiohttp" in self.aliases.values()
        for key, value, arg in call_arguments(node):
            if key is None:
                continue
            if key in ("verify", "check_hostname") and _false(value):
                self.report(arg, detail=f"{key}=False")
            elif key in ("ssl", "verify_ssl") and aiohttp and _false(value):
                self.report(arg, detail=f"aiohttp {key}=False")
            elif key in ("cert_reqs", "verify_mode") and self._cert_none(value):
                self.report(arg, detail="CERT_NONE")

    def _assigned(self, target: ast.expr, value: ast.expr) -> None:
        if not isinstance(target, ast.Attribute):
            return
        attr = target.attr
        if attr in ("verify", "check_hostname") and _false(value):
            self.report(target, detail=f".{attr} = False")
        elif attr in ("verify_mode", "cert_reqs") and self._cert_none(value):
            self.report(target, detail="CERT_NONE")
        elif attr == "_create_default_https_context" and self.qualify(value) in _UNVERIFIED:
            self.report(target, detail="default HTTPS context unverified")

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._assigned(target, node.value)


run_ast = Check.run_ast
