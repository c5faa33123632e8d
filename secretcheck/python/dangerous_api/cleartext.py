"""SC242: credentials or data sent over a cleartext protocol.

How it detects, resolved through the file's imports:
- an `http://` URL literal (or a name bound to one in the file, or an f-string / `+` that
  starts with one) as the URL of an HTTP client call: `requests`/`httpx` verbs and `request`,
  their `Session`/`Client` methods called on a name, `urllib.request.urlopen`/`Request`,
  `urllib3` `request`, `aiohttp` session verbs. Local and reserved hosts (`localhost`,
  `127.*`, `0.0.0.0`, `::1`, `*.local`, `*.test`, `*.internal`, `example.*`) are not reported;
  XML namespaces and schema URLs never reach a client call.
- `ftplib.FTP` (not `FTP_TLS`) and `telnetlib.Telnet` connections;
- `smtplib.SMTP` in a function (or module) that never calls `.starttls()`.

What it deliberately misses: URLs assembled from configuration, clients called through
attributes of other objects, and cleartext protocols spoken over raw sockets.
"""

from __future__ import annotations

import ast
import re

from secretcheck.findings import Confidence
from secretcheck.python.astsyntax import dotted, keyword
from secretcheck.python.dangerous_api.calls import (
    CLEARTEXT,
    HTTP_CLIENTS,
    METHODS,
    PLAIN_PROTOCOLS,
    SMTP,
)
from secretcheck.python.dangerous_api.common import ApiCheck
from secretcheck.rulepacks import RuleSpec

PREFILTER = CLEARTEXT
_LOCAL = re.compile(
    r"^http://(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|[^/:]*\.(?:local|localhost|test"
    r"|internal|invalid|example)|(?:[^/:]*\.)?example\.(?:com|org|net)"
    # Namespaces and schema locations are names, not endpoints, even when fetched.
    r"|www\.w3\.org|schemas\.[^/:]+|json-schema\.org|purl\.org)(?:[:/?#]|$)",
    re.IGNORECASE,
)


class Check(ApiCheck):
    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        super().__init__(rule, text, tree)
        # Per open function (and the module at the bottom): SMTP calls, and whether
        # starttls() was called there.
        self.smtp: list[tuple[list[ast.Call], list[bool]]] = [([], [False])]

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        super().visit_FunctionDef(node)
        self.smtp.append(([], [False]))

    def leave_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._close_smtp_scope()

    def leave_Module(self, node: ast.Module) -> None:
        self._close_smtp_scope()

    def _close_smtp_scope(self) -> None:
        calls, tls = self.smtp.pop()
        if not tls[0]:
            for call in calls:
                self.report(call, detail="smtplib.SMTP without starttls()",
                            confidence=Confidence.MEDIUM)  # fmt: skip

    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualify(node.func)
        func = node.func
        if name in PLAIN_PROTOCOLS:
            self.report(node, detail=name, confidence=Confidence.HIGH)
        elif name in SMTP:
            self.smtp[-1][0].append(node)
        elif isinstance(func, ast.Attribute) and func.attr == "starttls":
            self.smtp[-1][1][0] = True
        elif name in HTTP_CLIENTS or (
            isinstance(func, ast.Attribute) and func.attr in METHODS and dotted(func.value)
        ):
            self._http(node)

    def _leading_text(self, node: ast.expr | None) -> str | None:
        """The literal text a URL expression starts with: a literal (or a name bound to one),
        the left end of `+`, or an f-string's leading text."""
        node = self.resolve_constant(node)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._leading_text(node.left)
        if isinstance(node, ast.JoinedStr):
            if not self.one_fstring(node):
                return None
            first = node.values[0] if node.values else None
            leading = first.value if isinstance(first, ast.Constant) else None
            return leading if isinstance(leading, str) else None
        return self.string_value(node)

    def _http(self, node: ast.Call) -> None:
        url = self.argument(node, 0, "url")
        if self.qualify(node.func).endswith(".request") and keyword(node, "url") is None:
            url = self.argument(node, 1, "url")  # request(method, url)
        text = self._leading_text(url)
        if text and text.lower().startswith("http://") and not _LOCAL.match(text):
            # Only the host is shown: a URL's user-info part may hold a password.
            host = text[7:].split("/")[0].split("?")[0].rsplit("@", 1)[-1] or "?"
            self.report(node, detail=f"http:// URL (host {host}) sent to a client",
                        confidence=Confidence.HIGH)  # fmt: skip


run_ast = Check.run_ast
