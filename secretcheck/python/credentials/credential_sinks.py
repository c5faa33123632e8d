"""SC103: string literals that reach a credential sink, by position or through a constant.

How it detects: a constant string passed where a known API takes a secret (`smtp.login(user,
"pw")`, `HTTPBasicAuth(u, "pw")`, `auth=(u, "pw")`, `jwt.encode(payload, "key")`, `hmac.new(b"k")`,
`pymysql.connect(host, user, "pw")`, an `Authorization` header value, a DSN with `password=`),
whatever the variable is called. A module-level constant (`DEFAULT = "..."`) that flows into such
a sink, or into a credential keyword argument (`connect(password=DEFAULT)`), in the same file is
reported at its definition, with the sink as a signal.

What it deliberately misses: flows through function parameters, attributes, other modules or
reassignments; sinks called under an alias it cannot see from the last attribute name.
"""

from __future__ import annotations

import re

import libcst as cst

from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_named
from secretcheck.python.syntax import call_name, string_value
from secretcheck.python.visitor import CheckVisitor

# Last name of the callee -> index of the positional argument that holds the secret.
_POSITIONAL = {
    "login": 1, "starttls_login": 1, "simple_bind_s": 1, "simple_bind": 1, "bind_s": 1,
    "HTTPBasicAuth": 1, "HTTPDigestAuth": 1, "HTTPProxyAuth": 1, "BasicAuth": 1,
    "DigestAuth": 1, "set_password": 2, "FTP": 2, "FTP_TLS": 2, "Fernet": 0,
    "URLSafeTimedSerializer": 0, "URLSafeSerializer": 0, "TimestampSigner": 0, "Signer": 0,
}  # fmt: skip
# Full dotted callees whose positional secret depends on the module, not just the last name.
_DOTTED = {
    "jwt.encode": 1, "jwt.decode": 1, "hmac.new": 0, "hmac.HMAC": 0, "pymysql.connect": 2,
    "MySQLdb.connect": 2, "pymssql.connect": 2, "paramiko.SSHClient().connect": 3,
}  # fmt: skip
_KEYWORD_SINKS = {"jwt.encode": "key", "jwt.decode": "key", "hmac.new": "key"}
_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization", "x-auth-token",
                           "x-access-token", "private-token", "x-api-key", "api-key"})  # fmt: skip
_SCHEME = re.compile(r"^(?:Bearer|Basic|Token|Bot|Digest|JWT)\s+", re.IGNORECASE)
_DSN_PASSWORD = re.compile(r"(?:^|[\s;])(?:password|pwd)\s*=\s*'?([^\s;']+)", re.IGNORECASE)


def sink_index(call: str) -> int | None:
    if call in _DOTTED:
        return _DOTTED[call]
    return _POSITIONAL.get(call.rsplit(".", 1)[-1])


class Check(CheckVisitor):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._constants: dict[str, cst.BaseExpression] = {}
        self._flows: dict[str, str] = {}
        self._depth = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._depth += 1

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._depth -= 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._depth += 1

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._depth -= 1

    def visit_Assign(self, node: cst.Assign) -> None:
        if self._depth == 0 and len(node.targets) == 1:
            target = node.targets[0].target
            if isinstance(target, cst.Name) and string_value(node.value) is not None:
                self._constants[target.value] = node.value

    def _sink(self, value: cst.BaseExpression, sink: str, name: str = "") -> None:
        if isinstance(value, cst.Name):
            self._flows.setdefault(value.value, sink)
            return
        text = string_value(value)
        if text is None:
            return
        secret = _SCHEME.sub("", text.strip()) if name else text
        verdict = judge_named(name or sink, secret, sink=sink)
        if verdict is not None:
            self.report(value, secret=secret, detail=f"passed to {sink}",
                        signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip

    def visit_Call(self, node: cst.Call) -> None:
        call = call_name(node.func)
        index = sink_index(call)
        positional = [a for a in node.args if a.keyword is None and not a.star]
        if index is not None and index < len(positional):
            self._sink(positional[index].value, f"{call}(arg {index + 1})")
        for arg in node.args:
            if arg.keyword is None:
                continue
            keyword = arg.keyword.value
            if (
                keyword == "auth"
                and isinstance(arg.value, cst.Tuple)
                and len(arg.value.elements) == 2
            ):
                self._sink(arg.value.elements[1].value, f"{call}(auth=(user, password))")
            elif _KEYWORD_SINKS.get(call) == keyword or (
                isinstance(arg.value, cst.Name) and credential_words(keyword)
            ):
                self._sink(arg.value, f"{call}({keyword}=)")
            elif keyword in ("dsn", "conninfo"):
                self._dsn(arg.value, call)
        if call.endswith("compare_digest"):
            for arg in positional:
                if isinstance(arg.value, cst.Name):
                    self._flows.setdefault(arg.value.value, f"{call}()")
        if call.endswith("connect") and positional and index is None:
            self._dsn(positional[0].value, call)

    def _dsn(self, value: cst.BaseExpression, call: str) -> None:
        text = string_value(value)
        match = _DSN_PASSWORD.search(text or "")
        if match is None:
            return
        verdict = judge_named("password", match.group(1), sink=f"{call}(dsn password=)")
        if verdict is not None:
            self.report(value, secret=match.group(1), detail=f"password in the DSN given to {call}",
                        signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip

    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        if key is not None and key.lower() in _AUTH_HEADERS:
            self._sink(node.value, f"{key} header", name=key)

    def leave_Module(self, original_node: cst.Module) -> None:
        for name, sink in sorted(self._flows.items()):
            node = self._constants.get(name)
            if node is not None:
                self._sink(node, f"{sink} via constant {name}")
