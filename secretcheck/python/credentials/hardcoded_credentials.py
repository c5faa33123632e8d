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

import re

import libcst as cst

from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_named
from secretcheck.python.syntax import call_name, string_value
from secretcheck.python.visitor import CheckVisitor

__all__ = ["Check", "string_value", "target_name"]

_FIELD_CALLS = frozenset({"Field", "field", "dataclasses.field", "pydantic.Field", "attr.ib",
                          "attrs.field", "SecretStr", "pydantic.SecretStr"})  # fmt: skip


_NAME_LIKE = re.compile(r"^[A-Za-z_$@][\w.$@-]{0,100}$")


def target_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return string_value(index.value)
    return None


def field_default(value: cst.BaseExpression) -> cst.BaseExpression:
    """`Field(default="x")` / `SecretStr("x")` -> the literal inside; otherwise `value`."""
    if isinstance(value, cst.Call) and call_name(value.func) in _FIELD_CALLS:
        for arg in value.args:
            if arg.keyword is None or arg.keyword.value == "default":
                return arg.value
    return value


class Check(CheckVisitor):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._calls: list[str] = []

    def _consider(self, name: str | None, value: cst.BaseExpression, sink: str = "") -> None:
        if not name or not _NAME_LIKE.match(name):
            return  # "AWS::IAM::AccessKey" or "Enter your key" is a label, not a variable
        text = string_value(value)
        if text is None:
            return
        verdict = judge_named(name, text, sink=sink)
        if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
            return
        detail = f"name '{name}' ({credential_words(name)})"
        self.report(value, secret=text, detail=detail, signals=verdict.signals,
                    confidence=verdict.confidence)  # fmt: skip

    def _pairs(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)):
            if len(target.elements) == len(value.elements):
                for t, v in zip(target.elements, value.elements, strict=True):
                    self._pairs(t.value, v.value)
            return
        if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
            # `flower_basic_auth = ["admin:pw"]`, `API_TOKENS = ("t1", "t2")`
            for element in value.elements:
                if not isinstance(element, cst.StarredElement):
                    self._consider(target_name(target), element.value)
            return
        self._consider(target_name(target), field_default(value))

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._pairs(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._consider(target_name(node.target), field_default(node.value))

    def visit_Call(self, node: cst.Call) -> None:
        self._calls.append(call_name(node.func))

    def leave_Call(self, original_node: cst.Call) -> None:
        self._calls.pop()

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            call = self._calls[-1] if self._calls else ""
            sink = f"{call}({node.keyword.value}=)" if call and call != "dict" else ""
            self._consider(node.keyword.value, node.value, sink)

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is not None:
            self._consider(node.name.value, node.default)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._consider(string_value(node.key), node.value)
