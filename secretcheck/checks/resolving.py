"""A cheap import-alias resolver shared by the pattern checks (no scope analysis).

`import ssl as s` then `s.CERT_NONE` resolves to `ssl.CERT_NONE`; `from hashlib import md5 as h`
then `h(...)` resolves to `hashlib.md5`. Names that were not imported resolve to themselves.
The taint engine uses libcst's QualifiedNameProvider instead; these checks only need the
imports, and resolving scopes for every file would cost several parses.
"""

from __future__ import annotations

import libcst as cst

from secretcheck.analysis.taint import dotted
from secretcheck.checks.base import CheckVisitor


def _module_name(node: cst.BaseExpression | None) -> str:
    return dotted(node) if node is not None else ""


class ResolvingCheck(CheckVisitor):
    """A `CheckVisitor` that records imports as it meets them (they precede their uses)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.aliases: dict[str, str] = {}
        self.function_names: list[str] = []

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = _module_name(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.aliases[alias.asname.name.value] = name
            else:
                self.aliases[name.split(".")[0]] = name.split(".")[0]

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if isinstance(node.names, cst.ImportStar) or node.relative:
            return
        module = _module_name(node.module)
        for alias in node.names:
            name = _module_name(alias.name)
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.aliases[local] = f"{module}.{name}"

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.function_names.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.function_names.pop()

    def qualify(self, node: cst.BaseExpression | None) -> str:
        text = dotted(node)
        if not text:
            return ""
        head, _, rest = text.partition(".")
        if head in self.aliases:
            return f"{self.aliases[head]}.{rest}" if rest else self.aliases[head]
        return text

    def keyword(self, call: cst.Call, name: str) -> cst.BaseExpression | None:
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == name:
                return arg.value
        return None
