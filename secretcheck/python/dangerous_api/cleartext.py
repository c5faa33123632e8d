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

import re

import libcst as cst

from secretcheck.findings import Confidence
from secretcheck.python.dangerous_api.common import ApiCheck, prefilter_for
from secretcheck.python.syntax import dotted, string_value

_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")
HTTP_CLIENTS = frozenset(
    {f"{m}.{v}" for m in ("requests", "httpx") for v in _VERBS}
    | {"urllib.request.urlopen", "urllib.request.Request", "urllib3.request"}
)
# Methods on a client object (`session.get(...)`): any receiver, a URL literal decides.
METHODS = frozenset(_VERBS) | {"urlopen"}
PLAIN_PROTOCOLS = frozenset({"ftplib.FTP", "telnetlib.Telnet"})
SMTP = frozenset({"smtplib.SMTP"})
PREFILTER = prefilter_for(
    PLAIN_PROTOCOLS | SMTP,
    (r"""['"]http://(?!localhost|127\.|0\.0\.0\.0|\[::1\]|example\.)""",),
    gate_extra=(r"""['"]http://""",),
)
_LOCAL = re.compile(
    r"^http://(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|[^/:]*\.(?:local|localhost|test"
    r"|internal|invalid|example)|(?:[^/:]*\.)?example\.(?:com|org|net)"
    # Namespaces and schema locations are names, not endpoints, even when fetched.
    r"|www\.w3\.org|schemas\.[^/:]+|json-schema\.org|purl\.org)(?:[:/?#]|$)",
    re.IGNORECASE,
)


class Check(ApiCheck):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Per open function (and the module at the bottom): SMTP calls, and whether
        # starttls() was called there.
        self.smtp: list[tuple[list[cst.Call], list[bool]]] = [([], [False])]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self.smtp.append(([], [False]))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(original_node)
        self._close_smtp_scope()

    def leave_Module(self, original_node: cst.Module) -> None:
        self._close_smtp_scope()

    def _close_smtp_scope(self) -> None:
        calls, tls = self.smtp.pop()
        if not tls[0]:
            for call in calls:
                self.report(call, detail="smtplib.SMTP without starttls()",
                            confidence=Confidence.MEDIUM)  # fmt: skip

    def visit_Call(self, node: cst.Call) -> None:
        name = self.qualify(node.func)
        func = node.func
        if name in PLAIN_PROTOCOLS:
            self.report(node, detail=name, confidence=Confidence.HIGH)
        elif name in SMTP:
            self.smtp[-1][0].append(node)
        elif isinstance(func, cst.Attribute) and func.attr.value == "starttls":
            self.smtp[-1][1][0] = True
        elif name in HTTP_CLIENTS or (
            isinstance(func, cst.Attribute) and func.attr.value in METHODS and dotted(func.value)
        ):
            self._http(node)

    def _leading_text(self, node: cst.BaseExpression | None) -> str | None:
        """The literal text a URL expression starts with: a literal (or a name bound to one),
        the left end of `+`, or an f-string's leading text."""
        node = self.resolve_constant(node)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            return self._leading_text(node.left)
        if isinstance(node, cst.FormattedString):
            first = node.parts[0] if node.parts else None
            return first.value if isinstance(first, cst.FormattedStringText) else None
        return string_value(node)

    def _http(self, node: cst.Call) -> None:
        url = self.argument(node, 0, "url")
        if self.qualify(node.func).endswith(".request") and self.keyword(node, "url") is None:
            url = self.argument(node, 1, "url")  # request(method, url)
        text = self._leading_text(url)
        if text and text.lower().startswith("http://") and not _LOCAL.match(text):
            # Only the host is shown: a URL's user-info part may hold a password.
            host = text[7:].split("/")[0].split("?")[0].rsplit("@", 1)[-1] or "?"
            self.report(node, detail=f"http:// URL (host {host}) sent to a client",
                        confidence=Confidence.HIGH)  # fmt: skip
