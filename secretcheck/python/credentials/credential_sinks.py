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

import ast
import re

from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_named
from secretcheck.python.astsyntax import call_arguments, call_name, name_of, unstarred
from secretcheck.python.astvisitor import AstCheck
from secretcheck.rulepacks import RuleSpec

# Last name of the callee -> index of the positional argument that holds the secret.
_POSITIONAL = {
    "login": 1, "starttls_login": 1, "simple_bind_s": 1, "simple_bind": 1, "bind_s": 1,
    "HTTPBasicAuth": 1, "HTTPDigestAuth": 1, "HTTPProxyAuth": 1, "BasicAuth": 1,
    "DigestAuth": 1, "set_password": 2, "FTP": 2, "FTP_TLS": 2, "Fernet": 0,
    "URLSafeTimedSerializer": 0, "URLSafeSerializer": 0, "TimestampSigner": 0, "Signer": 0,
    # Pyramid's signing secrets: the auth ticket's and the signed session cookie's
    "AuthTktAuthenticationPolicy": 0, "AuthTktCookieHelper": 0,
    "SignedCookieSessionFactory": 0, "SignedCookieProfile": 0,
}  # fmt: skip
# Full dotted callees whose positional secret depends on the module, not just the last name.
_DOTTED = {
    "jwt.encode": 1, "jwt.decode": 1, "hmac.new": 0, "hmac.HMAC": 0, "pymysql.connect": 2,
    "MySQLdb.connect": 2, "pymssql.connect": 2, "paramiko.SSHClient().connect": 3,
}  # fmt: skip
_KEYWORD_SINKS = {"jwt.encode": "key", "jwt.decode": "key", "hmac.new": "key"}
# Sinks whose argument is a signing or encryption key: even one lower-case word passed there is
# the key (`AuthTktAuthenticationPolicy("sosecret")`, from Pyramid's documentation), where a
# password or token argument of one word is more often a fixture's stand-in.
_KEY_APIS = frozenset(
    {"Fernet", "URLSafeTimedSerializer", "URLSafeSerializer", "TimestampSigner", "Signer",
     "AuthTktAuthenticationPolicy", "AuthTktCookieHelper", "SignedCookieSessionFactory",
     "SignedCookieProfile", "jwt.encode", "jwt.decode", "hmac.new", "hmac.HMAC"}
)  # fmt: skip
_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization", "x-auth-token",
                           "x-access-token", "private-token", "x-api-key", "api-key"})  # fmt: skip
_SCHEME = re.compile(r"^(?:Bearer|Basic|Token|Bot|Digest|JWT)\s+", re.IGNORECASE)
_DSN_PASSWORD = re.compile(r"(?:^|[\s;])(?:password|pwd)\s*=\s*'?([^\s;']+)", re.IGNORECASE)


def _takes_key(call: str) -> bool:
    """Is the callee one of `_KEY_APIS`, by its dotted name or its last name?"""
    return call in _KEY_APIS or call.rsplit(".", 1)[-1] in _KEY_APIS


def sink_index(call: str) -> int | None:
    if call in _DOTTED:
        return _DOTTED[call]
    return _POSITIONAL.get(call.rsplit(".", 1)[-1])


class Check(AstCheck):
    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        super().__init__(rule, text, tree)
        self._constants: dict[str, ast.expr] = {}
        self._flows: dict[str, str] = {}
        self._depth = 0

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._depth += 1

    def leave_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._depth -= 1

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._depth += 1

    def leave_ClassDef(self, node: ast.ClassDef) -> None:
        self._depth -= 1

    def visit_Assign(self, node: ast.Assign) -> None:
        if self._depth == 0 and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and self.string_value(node.value) is not None:
                self._constants[target.id] = node.value

    def _sink(self, value: ast.expr, sink: str, name: str = "", api_key: bool = False) -> None:
        variable = name_of(value)
        if variable is not None:
            self._flows.setdefault(variable, sink)
            return
        text = self.string_value(value)
        if text is None:
            return
        secret = _SCHEME.sub("", text.strip()) if name else text
        verdict = judge_named(name or sink, secret, sink=sink, api_key=api_key)
        if verdict is not None:
            self.report(value, secret=secret, detail=f"passed to {sink}",
                        signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip

    def visit_Call(self, node: ast.Call) -> None:
        call = call_name(node.func)
        index = sink_index(call)
        positional = [a for a in node.args if not isinstance(a, ast.Starred)]
        if index is not None and index < len(positional):
            self._sink(positional[index], f"{call}(arg {index + 1})", api_key=_takes_key(call))
        for keyword, value, _ in call_arguments(node) if node.keywords else ():
            if keyword is None:
                continue
            if keyword == "auth" and isinstance(value, ast.Tuple) and len(value.elts) == 2:
                self._sink(unstarred(value.elts[1]), f"{call}(auth=(user, password))")
            elif _KEYWORD_SINKS.get(call) == keyword or (
                name_of(value) is not None and credential_words(keyword)
            ):
                self._sink(value, f"{call}({keyword}=)", api_key=_takes_key(call))
            elif keyword in ("dsn", "conninfo"):
                self._dsn(value, call)
        if call.endswith("compare_digest"):
            for arg in positional:
                variable = name_of(arg)
                if variable is not None:
                    self._flows.setdefault(variable, f"{call}()")
        if call.endswith("connect") and positional and index is None:
            self._dsn(positional[0], call)

    def _dsn(self, value: ast.expr, call: str) -> None:
        text = self.string_value(value)
        match = _DSN_PASSWORD.search(text or "")
        if match is None:
            return
        verdict = judge_named("password", match.group(1), sink=f"{call}(dsn password=)")
        if verdict is not None:
            self.report(value, secret=match.group(1), detail=f"password in the DSN given to {call}",
                        signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip

    def on_dict_item(self, key: ast.expr, value: ast.expr) -> None:
        text = self.string_value(key)
        if text is not None and text.lower() in _AUTH_HEADERS:
            self._sink(value, f"{text} header", name=text)

    def leave_Module(self, node: ast.Module) -> None:
        for name, sink in sorted(self._flows.items()):
            constant = self._constants.get(name)
            if constant is not None:
                self._sink(constant, f"{sink} via constant {name}")


run_ast = Check.run_ast
