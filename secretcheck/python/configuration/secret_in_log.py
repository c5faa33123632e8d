"""SC231: credentials written to logs, standard output or exception messages (CWE-532).

How it detects: arguments of `logging`/logger calls (`debug` ... `critical`, `exception`,
`log`), `print`, and exception constructors in `raise`, that include (directly, or inside an
f-string, `%`/`.format` arguments or a concatenation) a variable or attribute named like a
credential (see `analysis.names`), or a variable read as a secret: from `getpass.getpass()`,
`keyring.get_password()` or an environment variable whose name is credential-like.

What it deliberately misses: values wrapped in a call (`mask(token)`, `len(password)`) or
sliced (`token[:4]`), which is how code shows a secret safely, and secrets logged under neutral
names that were never read as secrets in the same function.
"""

from __future__ import annotations

import libcst as cst

from secretcheck.analysis.names import credential_words
from secretcheck.python.syntax import const_text, dotted
from secretcheck.python.visitor import ResolvingCheck

_LEVELS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical",
                     "log", "fatal"})  # fmt: skip
_LOGGERS = ("log", "logger", "logging", "_log", "_logger", "LOG", "LOGGER", "app.logger", "log_")
_SECRET_READS = ("getpass.getpass", "keyring.get_password")
_ENV_READS = ("os.environ.get", "os.getenv", "os.environ")
# A template or expression parser's `token` is a lexer token, not a credential: it comes with a
# `parser`/`lexer`/`stream` and is read through attributes such as `.contents` or `.type`.
_PARSER_PARAMS = frozenset({"parser", "lexer", "stream", "tokenizer", "scanner"})
_LEXER_ATTRS = frozenset(
    {"contents", "split_contents", "type", "token_type", "lineno", "kind", "value", "test",
     "position", "source", "string", "start", "end"}
)  # fmt: skip


class _LexerTokens(cst.CSTVisitor):
    """Names used as lexer tokens in one function (`token.contents`, `token.type`)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name) and node.attr.value in _LEXER_ATTRS:
            self.names.add(node.value.value)


class Check(ResolvingCheck):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.secret_vars: set[str] = set()
        self.lexer_tokens: list[set[str]] = [set()]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        params = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
        found = _LexerTokens()
        node.body.visit(found)
        tokens = found.names | (
            {"token"} if {p.name.value for p in params} & _PARSER_PARAMS else set()
        )
        # `token: _StrPathToken`: typed as a token class, not as a credential string.
        tokens |= {
            p.name.value
            for p in params
            if p.annotation is not None and dotted(p.annotation.annotation).endswith("Token")
        }
        self.lexer_tokens.append(self.lexer_tokens[-1] | tokens)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(original_node)
        self.lexer_tokens.pop()

    def _reads_secret(self, value: cst.BaseExpression) -> bool:
        if isinstance(value, cst.Call):
            name = self.qualify(value.func)
            if name in _SECRET_READS:
                return True
            if name in _ENV_READS and value.args:
                return credential_words(const_text(value.args[0].value) or "") is not None
        if isinstance(value, cst.Subscript) and self.qualify(value.value) == "os.environ":
            index = value.slice[0].slice
            key = const_text(index.value) if isinstance(index, cst.Index) else None
            return credential_words(key or "") is not None
        return False

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            name = dotted(target.target)
            if name and self._reads_secret(node.value):
                self.secret_vars.add(name)
            elif name:
                self.secret_vars.discard(name)

    def _is_output(self, call: cst.Call) -> bool:
        func = call.func
        if isinstance(func, cst.Name):
            return self.qualify(func) in ("print", "builtins.print")
        if isinstance(func, cst.Attribute) and func.attr.value in _LEVELS:
            owner = dotted(func.value)
            return owner.endswith(_LOGGERS) or self.qualify(func.value) == "logging"
        return False

    def _secrets_in(self, node: cst.BaseExpression) -> list[cst.BaseExpression]:
        if isinstance(node, (cst.Name, cst.Attribute)):
            name = dotted(node)
            if name.split(".")[0] in self.lexer_tokens[-1] and name not in self.secret_vars:
                return []
            last = name.split(".")[-1]
            if last.isupper() and name not in self.secret_vars:
                # A module constant (`REASON_CSRF_TOKEN_MISSING`) is a message or a key name; a
                # constant that is itself a secret is reported where it is defined (SC101).
                return []
            if name and (name in self.secret_vars or credential_words(name.split(".")[-1])):
                return [node]
            return []
        if isinstance(node, cst.FormattedString):
            return [s for p in node.parts if isinstance(p, cst.FormattedStringExpression)
                    for s in self._secrets_in(p.expression)]  # fmt: skip
        if isinstance(node, cst.BinaryOperation):
            return self._secrets_in(node.left) + self._secrets_in(node.right)
        if isinstance(node, (cst.Tuple, cst.List)):
            return [s for e in node.elements for s in self._secrets_in(e.value)]
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "format"
        ):
            return [s for a in node.args for s in self._secrets_in(a.value)]
        if isinstance(node, cst.Call) and dotted(node.func) in ("str", "repr"):
            return [s for a in node.args for s in self._secrets_in(a.value)]
        return []

    def _check_args(self, call: cst.Call, what: str) -> None:
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value in ("exc_info", "stack_info", "extra"):
                continue
            for node in self._secrets_in(arg.value):
                self.report(node, detail=f"'{dotted(node)}' in {what}")

    def visit_Call(self, node: cst.Call) -> None:
        if self._is_output(node):
            self._check_args(node, "log/print output")

    def visit_Raise(self, node: cst.Raise) -> None:
        if isinstance(node.exc, cst.Call):
            self._check_args(node.exc, "an exception message")
