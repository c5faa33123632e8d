"""SC104: literal fallbacks of environment lookups for credential variables.

How it detects: `os.getenv("DB_PASSWORD", "literal")`, `os.environ.get(...)`,
`os.environ.setdefault(...)`, `environ.get(...)`, python-decouple's `config(..., default=...)` and
environs' `env.str(..., default=...)`, and the same fallback written as an expression:
`os.getenv("X") or "literal"`, `os.environ.get("X") or "literal"` and
`os.environ["X"] if "X" in os.environ else "literal"` (or `getenv(...) if ... else ...`),
where the variable name is credential-like and the
fallback is a constant string that is not a placeholder. The fallback ships with the code, so
every deployment that forgets the variable runs with the committed secret.

What it deliberately misses: lookups whose variable name is computed, and fallbacks that are
themselves lookups or calls.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from secretcheck.analysis.scoring import judge_named
from secretcheck.python.astsyntax import call_arguments, call_name, dotted
from secretcheck.python.astvisitor import AstCheck

_LOOKUPS = ("getenv", "environ.get", "environ.setdefault", "env.str", "env", "config",
            "env.get", "getenv_or_default")  # fmt: skip


def is_env_lookup(call: str) -> bool:
    return any(call == name or call.endswith("." + name) for name in _LOOKUPS)


class Check(AstCheck):
    def visit_Call(self, node: ast.Call) -> None:
        call = call_name(node.func)
        if not is_env_lookup(call) or not (node.args or node.keywords):
            return
        arguments = call_arguments(node)
        variable = self.string_value(arguments[0][1])
        if variable is None:
            return
        fallback = None
        for position, (keyword, value, _) in enumerate(arguments[1:], start=1):
            if (keyword is None and position == 1) or keyword in ("default", "fallback"):
                fallback = value
        text = self.string_value(fallback) if fallback is not None else None
        if text is None or fallback is None:
            return
        verdict = judge_named(variable, text, sink=f"{call}() fallback")
        if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
            return
        self.report(fallback, secret=text, detail=f"default of {call}({variable!r})",
                    signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        # `os.getenv("X") or "lit"`: the literal is the fallback, just as with a default argument.
        # libcst nests `a or b or c` as `(a or b) or c`, and only its innermost pair can be a
        # lookup with a literal after it.
        if isinstance(node.op, ast.Or):
            found = lookup_variable(node.values[0], self.string_value)
            self._judge_fallback(found, node.values[1], "or")

    def visit_IfExp(self, node: ast.IfExp) -> None:
        # `environ["X"] if "X" in environ else "lit"` (or the test written any other way).
        self._judge_fallback(lookup_variable(node.body, self.string_value), node.orelse, "if/else")

    def _judge_fallback(self, found: tuple[str, str] | None, fallback: ast.expr, how: str) -> None:
        text = self.string_value(fallback)
        if found is None or text is None:
            return
        call, variable = found
        verdict = judge_named(variable, text, sink=f"{call} fallback")
        if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
            return
        self.report(fallback, secret=text, detail=f"{how} fallback of {call}({variable!r})",
                    signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip


def lookup_variable(
    node: ast.expr, text_of: Callable[[ast.AST | None], str | None]
) -> tuple[str, str] | None:
    """(lookup, variable) for `getenv("X")`-style calls without a default and `environ["X"]`."""
    if isinstance(node, ast.Call):
        call = call_name(node.func)
        if is_env_lookup(call) and len(node.args) == 1 and not node.keywords:
            variable = text_of(node.args[0])
            return (call, variable) if variable is not None else None
        return None
    if (
        isinstance(node, ast.Subscript)
        and dotted(node.value).endswith("environ")
        and not isinstance(node.slice, (ast.Tuple, ast.Slice))
    ):
        variable = text_of(node.slice)
        return (dotted(node.value), variable) if variable is not None else None
    return None


run_ast = Check.run_ast
