"""SC226 and SC227: insecure temporary files.

How it detects: SC226 (`kind = "mktemp"`) flags `tempfile.mktemp()` (and `os.tempnam`/`tmpnam`),
which return a name another process can claim first. SC227 (`kind = "hardcoded"`) flags string
literals naming a fixed path under `/tmp`, `/var/tmp` or `/dev/shm` that are passed to a call,
assigned, or used as a parameter default.

What it deliberately misses: such paths inside prose (messages with spaces), comparisons, and
paths built at run time from `tempfile.gettempdir()` (which is the fix).
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import call_arguments, const_text
from secretcheck.python.astvisitor import ResolvingCheck

_MKTEMP = ("tempfile.mktemp", "os.tempnam", "os.tmpnam")
_TMP_DIRS = ("/tmp", "/var/tmp", "/dev/shm")


def _tmp_path(node: ast.expr) -> bool:
    text = const_text(node)
    if text is None or " " in text:
        return False
    return any(text == d or text.startswith(d + "/") for d in _TMP_DIRS)


class Check(ResolvingCheck):
    def visit_Module(self, node: ast.Module) -> None:
        self.kind = str(self.rule.options.get("kind", "mktemp"))

    def visit_Call(self, node: ast.Call) -> None:
        if self.kind == "mktemp":
            if self.qualify(node.func) in _MKTEMP:
                self.report(node, detail=self.qualify(node.func))
            return
        for key, value, _ in call_arguments(node):
            if key == "dir":
                continue  # mkstemp(dir="/tmp") makes a unique file: safe
            if _tmp_path(value):
                self.report(value, detail="fixed path in a shared temp folder")

    def visit_Assign(self, node: ast.Assign) -> None:
        if self.kind == "hardcoded" and _tmp_path(node.value):
            self.report(node.value, detail="fixed path in a shared temp folder")

    def on_param(self, arg: ast.arg, default: ast.expr | None) -> None:
        if self.kind == "hardcoded" and default is not None and _tmp_path(default):
            self.report(default, detail="fixed path in a shared temp folder")


run_ast = Check.run_ast
