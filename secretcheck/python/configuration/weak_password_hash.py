"""SC221: MD5 or SHA-1 used to hash a password.

How it detects: `hashlib.md5`/`sha1` (or `hashlib.new("md5"|"sha1")`), called on data whose
expression names a password (`password`, `passwd`, `pwd`, `pw`, `passphrase`), or fed such data
through `.update()`, or called on any non-constant data inside a function whose name is about
passwords. `usedforsecurity=False` declares a non-security use and is never reported.

What it deliberately misses: checksums, cache keys and ETags (no password in sight), which are
legitimate uses of fast hashes, and passwords under names that do not say so.
"""

from __future__ import annotations

import ast

from secretcheck.analysis.names import split_words
from secretcheck.python.astsyntax import (
    call_arguments,
    const_text,
    dotted,
    is_false,
    keyword,
    paths_in,
)
from secretcheck.python.astvisitor import ResolvingCheck
from secretcheck.rulepacks import RuleSpec

_WEAK = {"hashlib.md5", "hashlib.sha1", "md5.new", "sha.new", "Crypto.Hash.MD5.new",
         "Crypto.Hash.SHA1.new", "Cryptodome.Hash.MD5.new"}  # fmt: skip
_PASSWORD = frozenset({"password", "passwd", "pwd", "pw", "passphrase", "pass", "psw", "pword"})


def _password_like(name: str) -> bool:
    words = split_words(name)
    return bool(_PASSWORD & set(words)) or any("password" in w for w in words)


class Check(ResolvingCheck):
    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        super().__init__(rule, text, tree)
        self.hashers: set[str] = set()

    def _weak(self, node: ast.Call) -> bool:
        name = self.qualify(node.func)
        if name == "hashlib.new" and (node.args or node.keywords):
            first = call_arguments(node)[0][1]
            algo = (const_text(first) or "").lower().replace("-", "")
            return algo in ("md5", "sha1")
        return name in _WEAK

    def _about_passwords(self, node: ast.AST) -> bool:
        return any(_password_like(p.split(".")[-1]) for p in paths_in(node))

    def visit_Call(self, node: ast.Call) -> None:
        if self._weak(node):
            if is_false(keyword(node, "usedforsecurity")):
                return
            data = [value for key, value, _ in call_arguments(node) if key is None]
            if self.qualify(node.func) == "hashlib.new":
                data = data[1:]
            in_password_function = any(_password_like(f) for f in self.function_names)
            for arg in data:
                if self._about_passwords(arg) or (in_password_function and const_text(arg) is None):
                    self.report(node, detail=self.qualify(node.func))
                    return
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "update"
            and dotted(func.value) in self.hashers
            and any(self._about_passwords(value) for _, value, _ in call_arguments(node))
        ):
            self.report(node, detail="update() of a weak hash")

    def visit_Assign(self, node: ast.Assign) -> None:
        value = node.value
        if (
            isinstance(value, ast.Call)
            and self._weak(value)
            and not (value.args or value.keywords)
            and not is_false(keyword(value, "usedforsecurity"))
        ):
            self.hashers.update(dotted(t) for t in node.targets)


run_ast = Check.run_ast
