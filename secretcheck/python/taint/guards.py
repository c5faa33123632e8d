"""Conditions that validate a value, and blocks that never fall through.

`if name in ALLOWED:`, `if not path.startswith(BASE): abort(404)`, `if re.fullmatch(..., x):`
and `if not url_has_allowed_host_and_scheme(url, ...): return` each clear some categories for
some names, in the branch where the condition holds (or, for an early exit, after the `if`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import libcst as cst

from secretcheck.engines.cstwalk import children
from secretcheck.python.syntax import const_text, dotted
from secretcheck.python.taint.flows import ALL_CATEGORIES

Facts = dict[str, frozenset[str]]  # access path ("x", "args.name") -> categories it is valid for
_LOCATION = frozenset({"path-traversal", "open-redirect", "ssrf"})
_PREDICATE_METHODS = {
    "startswith": _LOCATION,
    "is_relative_to": frozenset({"path-traversal"}),
    "isdigit": ALL_CATEGORIES, "isnumeric": ALL_CATEGORIES, "isdecimal": ALL_CATEGORIES,
    "isalnum": ALL_CATEGORIES, "isalpha": ALL_CATEGORIES, "isidentifier": ALL_CATEGORIES,
}  # fmt: skip
_PREDICATE_FUNCTIONS = {
    "url_has_allowed_host_and_scheme": frozenset({"open-redirect", "ssrf"}),
    "is_safe_url": frozenset({"open-redirect", "ssrf"}),
    "fullmatch": ALL_CATEGORIES,
    "match": ALL_CATEGORIES,
    "isinstance": ALL_CATEGORIES,
    "commonpath": frozenset({"path-traversal"}),
    "commonprefix": frozenset({"path-traversal"}),
    # Django's check: a language code with an installed translation, by its code pattern.
    "check_for_language": ALL_CATEGORIES,
}
_EXIT_CALLS = frozenset({"abort", "exit", "_exit", "fail", "skip", "raise_error"})


def paths_in(node: cst.CSTNode) -> list[str]:
    """Every Name or Attribute chain inside `node` (outermost chains only), in libcst's
    visiting order. A read-only walk: a libcst visitor rebuilt every node it passed, and this
    runs for each branch condition the engine reads."""
    found: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Attribute):
            text = dotted(current)
            if text:
                found.append(text)
                found.append(text.split(".")[0])
                continue
        elif isinstance(current, cst.Name):
            found.append(current.value)
        stack.extend(reversed(list(children(current, skip_trivia=True))))
    return found


def _merge(a: Facts, b: Facts) -> Facts:
    out = dict(a)
    for key, cats in b.items():
        out[key] = out.get(key, frozenset()) | cats
    return out


def _common(a: Facts, b: Facts) -> Facts:
    return {key: a[key] & b[key] for key in a.keys() & b.keys() if a[key] & b[key]}


def _mark(node: cst.CSTNode, cats: frozenset[str]) -> Facts:
    return {p: cats for p in paths_in(node) if p not in ("self", "re", "os")}


def facts(
    test: cst.BaseExpression, tainted: Callable[[cst.BaseExpression], bool]
) -> tuple[Facts, Facts]:
    """(valid when true, valid when false). `tainted` says whether an expression may carry
    attacker data: `x in request.args` checks nothing, `x in ALLOWED` does."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        yes, no = facts(test.expression, tainted)
        return no, yes
    if isinstance(test, cst.BooleanOperation):
        ly, ln = facts(test.left, tainted)
        ry, rn = facts(test.right, tainted)
        # `a and b` fails when either fails: only what both failures prove holds after it.
        if isinstance(test.operator, cst.And):
            return _merge(ly, ry), _common(ln, rn)
        return _common(ly, ry), _merge(ln, rn)
    if isinstance(test, (cst.Name, cst.Attribute)) and dotted(test):
        return {}, {dotted(test): ALL_CATEGORIES}  # falsy: None, "" or 0 carry no data
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        target = test.comparisons[0]
        op, right = target.operator, target.comparator
        if isinstance(op, (cst.In, cst.NotIn)) and not tainted(right):
            valid = _mark(test.left, ALL_CATEGORIES)
            return (valid, {}) if isinstance(op, cst.In) else ({}, valid)
        if isinstance(op, (cst.Equal, cst.NotEqual)):
            if const_text(right) is not None or isinstance(right, cst.Integer):
                valid = _mark(test.left, ALL_CATEGORIES)
                return (valid, {}) if isinstance(op, cst.Equal) else ({}, valid)
            left_call = test.left if isinstance(test.left, cst.Call) else right
            if isinstance(left_call, cst.Call) and dotted(left_call.func).endswith("commonpath"):
                valid = _mark(left_call, frozenset({"path-traversal"}))
                return (valid, {}) if isinstance(op, cst.Equal) else ({}, valid)
        return {}, {}
    if isinstance(test, cst.Call):
        func = test.func
        if isinstance(func, cst.Attribute) and func.attr.value in _PREDICATE_METHODS:
            return _mark(func.value, _PREDICATE_METHODS[func.attr.value]), {}
        name = dotted(func).split(".")[-1]
        if name in _PREDICATE_FUNCTIONS:
            if name == "match" and not _anchored(test):
                return {}, {}
            return _mark(test, _PREDICATE_FUNCTIONS[name]), {}
    return {}, {}


def lookup(value: cst.BaseExpression, tainted: Callable[[cst.BaseExpression], bool]) -> Facts:
    """`app = COMMANDS[name]`: past this line `name` is a key of a mapping the code built
    (a KeyError stops anything else), the dict-lookup allowlist. `request.GET[name]` proves
    nothing, since the attacker picks that mapping's keys."""
    if not isinstance(value, cst.Subscript) or len(value.slice) != 1:
        return {}
    index = value.slice[0].slice
    if not isinstance(index, cst.Index) or not isinstance(index.value, (cst.Name, cst.Attribute)):
        return {}
    key = dotted(index.value)
    if not key or tainted(value.value):
        return {}
    return {key: ALL_CATEGORIES}


def _anchored(call: cst.Call) -> bool:
    pattern = const_text(call.args[0].value) if call.args else None
    return pattern is not None and pattern.rstrip().endswith(("$", r"\Z"))


def exits(body: Sequence[cst.CSTNode] | cst.BaseSuite) -> bool:
    """Does this block always leave (return, raise, continue, break, abort(), sys.exit())?"""
    if isinstance(body, cst.IndentedBlock):
        statements: Sequence[cst.CSTNode] = body.body
    elif isinstance(body, cst.SimpleStatementSuite):
        statements = body.body
    elif isinstance(body, cst.BaseSuite):
        return False
    else:
        statements = body
    if not statements:
        return False
    last = statements[-1]
    if isinstance(last, cst.SimpleStatementLine):
        return bool(last.body) and _small_exits(last.body[-1])
    if isinstance(last, cst.If):
        return (
            exits(last.body)
            and last.orelse is not None
            and exits(last.orelse.body if isinstance(last.orelse, cst.Else) else [last.orelse])
        )
    return _small_exits(last)


def _small_exits(node: cst.CSTNode) -> bool:
    if isinstance(node, (cst.Return, cst.Raise, cst.Continue, cst.Break)):
        return True
    if isinstance(node, cst.Expr) and isinstance(node.value, cst.Call):
        return dotted(node.value.func).split(".")[-1] in _EXIT_CALLS
    return False
