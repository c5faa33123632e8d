"""SC222: the `random` module used to make tokens, secrets, one-time codes or salts.

How it detects: a call to a `random` module function (not `random.SystemRandom`) inside a value
assigned to, returned from, or passed as a keyword named like a secret (token, secret,
password, otp, pin, nonce, salt, csrf, session key, reset/verification/activation code), or
inside a function whose name says it makes one.

What it deliberately misses: random values whose purpose the names do not reveal; jitter,
sampling and shuffling for non-security uses are left alone on purpose.
"""

from __future__ import annotations

import ast

from secretcheck.analysis.names import credential_words, split_words
from secretcheck.python.astsyntax import dotted
from secretcheck.python.astvisitor import ResolvingCheck, ordered

_SECRET_WORDS = frozenset(
    {"otp", "pin", "nonce", "salt", "csrf", "xsrf", "verification", "activation", "reset",
     "invite", "passcode", "totp", "hotp", "mfa", "2fa", "captcha"}
)  # fmt: skip
_SAFE = ("random.SystemRandom",)


def secret_named(name: str) -> bool:
    words = set(split_words(name))
    if words & _SECRET_WORDS:
        return True
    if {"session", "key"} <= words or {"session", "id"} <= words:
        return True
    return credential_words(name) is not None


class Check(ResolvingCheck):
    def _flag(self, value: ast.AST, why: str) -> None:
        for call in ordered(value):
            if isinstance(call, ast.Call):
                name = self.qualify(call.func)
                if name.startswith("random.") and not name.startswith(_SAFE):
                    self.report(call, detail=why)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            name = dotted(target).split(".")[-1]
            if name and secret_named(name):
                self._flag(node.value, f"assigned to {name}")
                return

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        name = dotted(node.target).split(".")[-1]
        if node.value is not None and name and secret_named(name):
            self._flag(node.value, f"assigned to {name}")

    def visit_Return(self, node: ast.Return) -> None:
        if node.value is not None and self.function_names and secret_named(self.function_names[-1]):
            self._flag(node.value, f"returned from '{self.function_names[-1]}'")

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg is not None and secret_named(node.arg):
            self._flag(node.value, f"passed as '{node.arg}'")


run_ast = Check.run_ast
