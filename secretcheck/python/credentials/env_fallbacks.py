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

import libcst as cst

from secretcheck.analysis.scoring import judge_named
from secretcheck.python.syntax import call_name, dotted, string_value
from secretcheck.python.visitor import CheckVisitor

_LOOKUPS = ("getenv", "environ.get", "environ.setdefault", "env.str", "env", "config",
            "env.get", "getenv_or_default")  # fmt: skip


def is_env_lookup(call: str) -> bool:
    return any(call == name or call.endswith("." + name) for name in _LOOKUPS)


class Check(CheckVisitor):
    def visit_Call(self, node: cst.Call) -> None:
        call = call_name(node.func)
        if not is_env_lookup(call) or not node.args:
            return
        variable = string_value(node.args[0].value)
        if variable is None:
            return
        fallback = None
        for position, arg in enumerate(node.args[1:], start=1):
            if (arg.keyword is None and position == 1) or (
                arg.keyword is not None and arg.keyword.value in ("default", "fallback")
            ):
                fallback = arg.value
        text = string_value(fallback) if fallback is not None else None
        if text is None or fallback is None:
            return
        verdict = judge_named(variable, text, sink=f"{call}() fallback")
        if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
            return
        self.report(fallback, secret=text, detail=f"default of {call}({variable!r})",
                    signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        # `os.getenv("X") or "lit"`: the literal is the fallback, just as with a default argument.
        if isinstance(node.operator, cst.Or):
            self._judge_fallback(lookup_variable(node.left), node.right, "or")

    def visit_IfExp(self, node: cst.IfExp) -> None:
        # `environ["X"] if "X" in environ else "lit"` (or the test written any other way).
        self._judge_fallback(lookup_variable(node.body), node.orelse, "if/else")

    def _judge_fallback(
        self, found: tuple[str, str] | None, fallback: cst.BaseExpression, how: str
    ) -> None:
        text = string_value(fallback)
        if found is None or text is None:
            return
        call, variable = found
        verdict = judge_named(variable, text, sink=f"{call} fallback")
        if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
            return
        self.report(fallback, secret=text, detail=f"{how} fallback of {call}({variable!r})",
                    signals=verdict.signals, confidence=verdict.confidence)  # fmt: skip


def lookup_variable(node: cst.BaseExpression) -> tuple[str, str] | None:
    """(lookup, variable) for `getenv("X")`-style calls without a default and `environ["X"]`."""
    if isinstance(node, cst.Call):
        call = call_name(node.func)
        if is_env_lookup(call) and len(node.args) == 1 and node.args[0].keyword is None:
            variable = string_value(node.args[0].value)
            return (call, variable) if variable is not None else None
        return None
    if (
        isinstance(node, cst.Subscript)
        and dotted(node.value).endswith("environ")
        and len(node.slice) == 1
        and isinstance(node.slice[0].slice, cst.Index)
    ):
        variable = string_value(node.slice[0].slice.value)
        return (dotted(node.value), variable) if variable is not None else None
    return None
