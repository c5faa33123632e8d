"""SC228: files or folders made writable by every user.

How it detects: the mode argument of `os.chmod`, `os.fchmod`, `os.lchmod`, `Path.chmod`,
`os.mkdir`/`os.makedirs` and `os.open` when it is a constant (an integer, or `stat` flags
joined with `|`) that grants write access to others (`mode & 0o002`).

What it deliberately misses: modes computed at run time and `umask` changes.
"""

from __future__ import annotations

import ast
import stat

from secretcheck.python.astsyntax import call_arguments, dotted, keyword
from secretcheck.python.astvisitor import ResolvingCheck

_MODE_ARG = {"os.chmod": 1, "os.fchmod": 1, "os.lchmod": 1, "os.mkdir": 1, "os.makedirs": 1,
             "os.open": 2, "chmod": 0}  # fmt: skip


def constant_mode(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant):
        return node.value if type(node.value) is int else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Add)):
        left, right = constant_mode(node.left), constant_mode(node.right)
        return None if left is None or right is None else left | right
    name = dotted(node).split(".")[-1]
    if name.startswith("S_I") and hasattr(stat, name):
        value = getattr(stat, name)
        return value if isinstance(value, int) else None
    return None


class Check(ResolvingCheck):
    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualify(node.func)
        if name not in _MODE_ARG:
            if isinstance(node.func, ast.Attribute) and node.func.attr == "chmod":
                name = "chmod"
            else:
                return
        mode = keyword(node, "mode")
        # Every argument without a keyword counts, `*args` and `**kwargs` too (as libcst's did).
        positional = [value for key, value, _ in call_arguments(node) if key is None]
        if mode is None and len(positional) > _MODE_ARG[name]:
            mode = positional[_MODE_ARG[name]]
        value = constant_mode(mode) if mode is not None else None
        if value is not None and value & stat.S_IWOTH:
            self.report(mode if mode is not None else node, detail=f"mode {oct(value)}")


run_ast = Check.run_ast
