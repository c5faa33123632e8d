"""SC101: string literals bound to credential-like names.

How it detects: a constant string (plain, implicitly concatenated, or an f-string whose parts are
all constant) that is assigned to (plain, annotated, tuple, attribute, subscript target, class
attribute), given as a dataclass/pydantic field default (`Field(default=...)`), passed as a
keyword argument to (including `dict(...)`), given as the default of a parameter named, or
stored in a dict under a key named like a credential (see `analysis.names`). The value is judged
by `analysis.scoring`: placeholders, templates, prompts, phrases, paths, identifiers, UUIDs and
values equal to their key are dropped. A keyword argument of a known call is reported with that
call as its sink (`psycopg2.connect(password=)`), which raises confidence.

What it deliberately misses: values computed at run time (environment lookups, function calls,
f-strings with expressions) are never reported, since the code does not hold the secret; names
that describe a secret rather than hold it (`password_field`, `token_type`) are skipped.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_named
from secretcheck.python.astsyntax import call_arguments, call_name, string_value, unstarred
from secretcheck.python.astvisitor import AstCheck
from secretcheck.rulepacks import RuleSpec

__all__ = ["Check", "run_ast", "target_name"]

_FIELD_CALLS = frozenset({"Field", "field", "dataclasses.field", "pydantic.Field", "attr.ib",
                          "attrs.field", "SecretStr", "pydantic.SecretStr"})  # fmt: skip


_NAME_LIKE = re.compile(r"^[A-Za-z_$@][\w.$@-]{0,100}$")


def target_name(
    node: ast.expr, text_of: Callable[[ast.AST | None], str | None] = string_value
) -> str | None:
    """The name a target (or compared side) is known by: `x`, `obj.x`, `d["x"]`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and not isinstance(node.slice, (ast.Tuple, ast.Slice)):
        return text_of(node.slice)
    return None


def field_default(value: ast.expr) -> ast.expr:
    """`Field(default="x")` / `SecretStr("x")` -> the literal inside; otherwise `value`."""
    if isinstance(value, ast.Call) and call_name(value.func) in _FIELD_CALLS:
        for key, inner, _ in call_arguments(value):
            if key is None or key == "default":
                return inner
    return value


class Check(AstCheck):
    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        super().__init__(rule, text, tree)
        self._calls: list[str] = []

    def _consider(self, name: str | None, value: ast.expr, sink: str = "") -> None:
        if not name or not _NAME_LIKE.match(name):
            return  # "AWS::IAM::AccessKey" or "Enter your key" is a label, not a variable
        text = self.string_value(value)
        if text is None:
            return
        verdict = judge_named(name, text, sink=sink)
        if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
            return
        detail = f"name '{name}' ({credential_words(name)})"
        self.report(value, secret=text, detail=detail, signals=verdict.signals,
                    confidence=verdict.confidence)  # fmt: skip

    def _pairs(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)):
            if len(target.elts) == len(value.elts):
                for t, v in zip(target.elts, value.elts, strict=True):
                    self._pairs(unstarred(t), unstarred(v))
            return
        if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            # `flower_basic_auth = ["admin:pw"]`, `API_TOKENS = ("t1", "t2")`
            for element in value.elts:
                if not isinstance(element, ast.Starred):
                    self._consider(target_name(target, self.string_value), element)
            return
        self._consider(target_name(target, self.string_value), field_default(value))

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._pairs(target, node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._consider(target_name(node.target, self.string_value), field_default(node.value))

    def visit_Call(self, node: ast.Call) -> None:
        self._calls.append(call_name(node.func))

    def leave_Call(self, node: ast.Call) -> None:
        self._calls.pop()

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg is not None:
            call = self._calls[-1] if self._calls else ""
            sink = f"{call}({node.arg}=)" if call and call != "dict" else ""
            self._consider(node.arg, node.value, sink)

    def on_param(self, arg: ast.arg, default: ast.expr | None) -> None:
        if default is not None:
            self._consider(arg.arg, default)

    def on_dict_item(self, key: ast.expr, value: ast.expr) -> None:
        self._consider(self.string_value(key), value)


run_ast = Check.run_ast
