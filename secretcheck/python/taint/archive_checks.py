"""Archives whose every member was checked before extraction (the zip-slip guard).

Python's `zipfile` and `tarfile` documentation says never to extract an untrusted archive
"without prior inspection"; the inspection Snyk's Zip Slip advisory documents is to resolve each
member's name against the target folder and refuse the archive when one lands outside it, then
extract:

    for name in zf.namelist():
        if not os.path.realpath(os.path.join(dest, name)).startswith(dest + os.sep):
            raise ValueError(name)
    zf.extractall(dest)

    if any(not os.path.abspath(os.path.join(dest, n)).startswith(dest) for n in zf.namelist()):
        return False

A loop over the archive's member list (`namelist()`, `infolist()`, `getmembers()`,
`getnames()`) whose body leaves (`raise`, `return`, `abort()`, `sys.exit()`) when a member fails
a containment test, or an `any(...)`/`all(...)` of that test over the list guarding such an
exit, clears path traversal from the archive once passed. The containment tests are the ones
`guards.facts` knows (`startswith`, `is_relative_to`, `commonpath`, an allowlist), taken in the
polarity that proves the member valid, on the member or a value computed from it in the loop.

What it deliberately misses: a `continue` or `break` on a bad member (the extraction that
follows still takes every member), a filtered listing (`... for n in names if n.endswith("/")`)
and checks on a listing of a different archive; each keeps its finding.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

from secretcheck.python.astsyntax import dotted, paths_in
from secretcheck.python.taint import guards

CATEGORY = "path-traversal"
_MEMBER_LISTS = frozenset({"namelist", "infolist", "getmembers", "getnames"})
Tainted = Callable[[ast.expr], bool]


def checked_archive(node: ast.stmt, tainted: Tainted) -> str:
    """The access path of the archive whose members `node` all checked ('' for none): after
    the statement runs through, no member escapes the folder it is extracted to."""
    if isinstance(node, ast.For):
        return _checked_in_loop(node, tainted)
    if isinstance(node, ast.If):
        archive, valid_when = _members_valid_when(node.test, tainted)
        leaving = node.orelse if valid_when else node.body
        return archive if archive and _stops(leaving) else ""
    return ""


def _listed(iterable: ast.expr) -> str:
    """`zf.namelist()` -> "zf"."""
    if (
        isinstance(iterable, ast.Call)
        and isinstance(iterable.func, ast.Attribute)
        and iterable.func.attr in _MEMBER_LISTS
        and not iterable.args
    ):
        return dotted(iterable.func.value)
    return ""


def _checked_in_loop(loop: ast.For, tainted: Tainted) -> str:
    archive = _listed(loop.iter)
    if not archive:
        return ""
    member = set(paths_in(loop.target))
    normalized: set[str] = set()  # names bound in the body to a normalized path, in order
    for statement in loop.body:
        if isinstance(statement, ast.Assign):
            targets = {dotted(t) for t in statement.targets if dotted(t)}
            if guards.normalizes(statement.value):
                normalized.update(targets)
            else:
                normalized.difference_update(targets)
            if member & set(paths_in(statement.value)):
                member.update(targets)
        elif isinstance(statement, ast.If):
            yes, no = guards.facts(statement.test, tainted, normalized.__contains__)
            if (_stops(statement.body) and _proves(no, member)) or (
                _stops(statement.orelse) and _proves(yes, member)
            ):
                return archive
        elif isinstance(statement, ast.Assert) and _proves(
            guards.facts(statement.test, tainted, normalized.__contains__)[0], member
        ):
            return archive
    return ""


def _members_valid_when(test: ast.expr, tainted: Tainted) -> tuple[str, bool]:
    """("zf", outcome): when `test` evaluates to outcome, every member of zf passed."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        archive, outcome = _members_valid_when(test.operand, tainted)
        return archive, not outcome
    if not (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id in ("any", "all")
        and len(test.args) == 1
        and not test.keywords
    ):
        return "", False
    per_member = _per_member(test.args[0])
    if per_member is None:
        return "", False
    archive, member, check = per_member
    yes, no = guards.facts(check, tainted)
    # `any(escapes)` false, or `all(inside)` true: each member was proven inside.
    if test.func.id == "any":
        return (archive, False) if _proves(no, member) else ("", False)
    return (archive, True) if _proves(yes, member) else ("", False)


def _per_member(arg: ast.expr) -> tuple[str, set[str], ast.expr] | None:
    """`check(n) for n in zf.namelist()` or `map(lambda n: check(n), zf.namelist())`."""
    if isinstance(arg, ast.GeneratorExp) and len(arg.generators) == 1:
        generator = arg.generators[0]
        archive = _listed(generator.iter)
        if archive and not generator.ifs:
            return archive, set(paths_in(generator.target)), arg.elt
    if (
        isinstance(arg, ast.Call)
        and dotted(arg.func) == "map"
        and len(arg.args) == 2
        and isinstance(arg.args[0], ast.Lambda)
        and len(arg.args[0].args.args) == 1
    ):
        archive = _listed(arg.args[1])
        if archive:
            return archive, {arg.args[0].args.args[0].arg}, arg.args[0].body
    return None


def _proves(facts: guards.Facts, member: set[str]) -> bool:
    return any(CATEGORY in cats for key, cats in facts.items() if key in member)


def _stops(body: Sequence[ast.stmt]) -> bool:
    """Does this block always leave the function (not merely the loop)?"""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ast.If):
        return _stops(last.body) and _stops(last.orelse)
    return guards.exits([last]) and not isinstance(last, (ast.Continue, ast.Break))
