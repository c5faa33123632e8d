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

import ast

from secretcheck.analysis.names import credential_words
from secretcheck.python.astsyntax import call_arguments, const_text, dotted, first_index
from secretcheck.python.astvisitor import ResolvingCheck
from secretcheck.rulepacks import RuleSpec

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


def _lexer_tokens(body: list[ast.stmt]) -> set[str]:
    """Names used as lexer tokens in one function (`token.contents`, `token.type`)."""
    return {
        node.value.id
        for statement in body
        for node in ast.walk(statement)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.attr in _LEXER_ATTRS
    }


class Check(ResolvingCheck):
    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        super().__init__(rule, text, tree)
        self.secret_vars: set[str] = set()
        self.lexer_tokens: list[set[str]] = [set()]

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        super().visit_FunctionDef(node)
        params = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        tokens = _lexer_tokens(node.body) | (
            {"token"} if {p.arg for p in params} & _PARSER_PARAMS else set()
        )
        # `token: _StrPathToken`: typed as a token class, not as a credential string.
        tokens |= {
            p.arg
            for p in params
            if p.annotation is not None and dotted(p.annotation).endswith("Token")
        }
        self.lexer_tokens.append(self.lexer_tokens[-1] | tokens)

    def leave_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        super().leave_FunctionDef(node)
        self.lexer_tokens.pop()

    def _reads_secret(self, value: ast.expr) -> bool:
        if isinstance(value, ast.Call):
            name = self.qualify(value.func)
            if name in _SECRET_READS:
                return True
            if name in _ENV_READS and (value.args or value.keywords):
                first = call_arguments(value)[0][1]
                return credential_words(const_text(first) or "") is not None
        if isinstance(value, ast.Subscript) and self.qualify(value.value) == "os.environ":
            return credential_words(const_text(first_index(value)) or "") is not None
        return False

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            name = dotted(target)
            if name and self._reads_secret(node.value):
                self.secret_vars.add(name)
            elif name:
                self.secret_vars.discard(name)

    def _is_output(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Name):
            return self.qualify(func) in ("print", "builtins.print")
        if isinstance(func, ast.Attribute) and func.attr in _LEVELS:
            owner = dotted(func.value)
            return owner.endswith(_LOGGERS) or self.qualify(func.value) == "logging"
        return False

    def _secrets_in(self, node: ast.expr) -> list[ast.expr]:
        if isinstance(node, (ast.Name, ast.Attribute)):
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
        if isinstance(node, ast.JoinedStr) and self.one_fstring(node):
            return [s for p in node.values if isinstance(p, ast.FormattedValue)
                    for s in self._secrets_in(p.value)]  # fmt: skip
        if isinstance(node, ast.BinOp):
            return self._secrets_in(node.left) + self._secrets_in(node.right)
        if isinstance(node, (ast.Tuple, ast.List)):
            elements = [e.value if isinstance(e, ast.Starred) else e for e in node.elts]
            return [s for e in elements for s in self._secrets_in(e)]
        if isinstance(node, ast.Call) and (
            (isinstance(node.func, ast.Attribute) and node.func.attr == "format")
            or dotted(node.func) in ("str", "repr")
        ):
            return [s for _, value, _ in call_arguments(node) for s in self._secrets_in(value)]
        return []

    def _check_args(self, call: ast.Call, what: str) -> None:
        for key, value, _ in call_arguments(call):
            if key in ("exc_info", "stack_info", "extra"):
                continue
            for node in self._secrets_in(value):
                self.report(node, detail=f"'{dotted(node)}' in {what}")

    def visit_Call(self, node: ast.Call) -> None:
        if self._is_output(node):
            self._check_args(node, "log/print output")

    def visit_Raise(self, node: ast.Raise) -> None:
        if isinstance(node.exc, ast.Call):
            self._check_args(node.exc, "an exception message")


run_ast = Check.run_ast
