"""Call contexts: a helper called with a constant flag runs only the branch that flag selects.

    def delete_book(book_id, book_format, json_response):
        if json_response:
            return json.dumps({"format": book_format})   # a JSON body echoing the format
        return redirect(url_for("index"))

    @app.route("/delete/<book_format>")
    def delete_ajax(book_format):
        return delete_book(1, book_format, False)        # only the redirect runs here

A function's summary joins all of its branches, so every caller inherited the JSON branch. As
CodeQL's data flow does for Java (`isUnreachableInCall`: a guard on a parameter that a call
passes a constant boolean to), a call that passes `True`/`False` (or a parameter it itself
received as one) to a parameter the callee branches on (`if flag:`, `if not flag:`, `a if flag
else b`) is answered by the callee's summary in that context, with the other branch left out.

What it deliberately misses: flags tested inside larger conditions (`if flag and x:`),
defaults the call leaves out, and values other than booleans; these keep the joined summary.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from secretcheck.python.taint.sources import Function, parameters

MAX_DEPTH = 3  # nested contexts followed from one call (delete_ajax -> delete_book -> render)


def flag_test(test: ast.expr) -> tuple[str, bool] | None:
    """`flag` -> ("flag", True), `not flag` -> ("flag", False): the name a test reads and the
    value that makes it true."""
    if isinstance(test, ast.Name):
        return test.id, True
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = flag_test(test.operand)
        return None if inner is None else (inner[0], not inner[1])
    return None


def branching_params(func: Function) -> frozenset[str]:
    """The parameters a function branches on directly."""
    names = {p.arg for p, _ in parameters(func)}
    tested = set()
    for node in ast.walk(func):
        if isinstance(node, (ast.If, ast.IfExp)):
            flag = flag_test(node.test)
            if flag is not None and flag[0] in names:
                tested.add(flag[0])
    return frozenset(tested)


def constant_flags(
    call: ast.Call, func: Function, branching: frozenset[str], known: Mapping[str, bool]
) -> dict[str, bool]:
    """The `branching` parameters of `func` this call passes a constant boolean to (`known`:
    the caller's own constant flags)."""
    params = [p.arg for p, _ in parameters(func)]
    offset = 1 if isinstance(call.func, ast.Attribute) else 0  # `self.f(x)`: x is parameter 1
    passed: list[tuple[str, ast.expr]] = []
    positional = [a for a in call.args if not isinstance(a, ast.Starred)]
    if len(positional) == len(call.args):  # `f(*args)` leaves the positions unknown
        passed += [(params[i + offset], a) for i, a in enumerate(positional)
                   if i + offset < len(params)]  # fmt: skip
    passed += [(k.arg, k.value) for k in call.keywords if k.arg is not None]
    flags = {}
    for name, value in passed:
        if name not in branching:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, bool):
            flags[name] = value.value
        elif isinstance(value, ast.Name) and value.id in known:
            flags[name] = known[value.id]
    return flags
