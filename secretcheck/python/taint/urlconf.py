"""What a project's Django URLconfs let into a function view's parameters.

A view's parameters other than `request` are URL captures, untrusted text by default (a
function view's, or a class-based view's handler methods', `get(self, request, pk)`). The
project's `urls.py` files say which: `path("img/<int:pk>/", views.image)` passes digits,
`re_path(r"^c/(?P<color>\\w+)/$", views.colored)` word characters, and `path("sw.js",
views.static, {"path": "js/sw.js"})` a constant of the URLconf's own. A parameter every route to
the view fills that way cannot hold a `/`, a `.`, a quote or a `<`, so it is no attacker text
for any rule. Read, never imported: each `urls.py` under the import root (or a module of a
`urls` package) is parsed and its `path()`, `re_path()` and `url()` calls matched to the view
by what their second argument names through the file's imports.

Conservative where it cannot see: a view no route names keeps its parameters untrusted; a name
an `include()` prefix captures (`path("<str:org>/", include(...))`) is never cleared, since it
reaches every included view; an unnamed regex group (passed by position) clears nothing on that
route; `path` converters and any other pattern (`.+`) leave the capture as the attacker's
text. A `str` capture, or a group that matches no "/" (`[^/]+`, `[\\w.-]+`), is one path
segment (`flows.SEGMENT`, `segments`): attacker text still, but it moves a path at most a
level. URLconfs built in a loop or from another package's names are not seen: a view routed
only there keeps its parameters untrusted.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from secretcheck import inputfiles
from secretcheck.python.sre import REPEATS
from secretcheck.python.sre import constants as sre
from secretcheck.python.sre import parser as sre_parse

MAX_URLCONFS = 400
# Folders looked into for URLconfs, and how deep: a file scanned alone makes its own folder the
# import root, which may be a home folder.
MAX_FOLDERS = 5000
MAX_DEPTH = 8
URLCONF_LIMIT = 1024 * 1024
_ROUTE_FUNCTIONS = frozenset({"path", "re_path", "url"})
_SAFE_CONVERTERS = frozenset({"int", "slug", "uuid"})
_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
_SKIPPED_DIRS = frozenset(
    {"node_modules", "__pycache__", "site-packages", "tests", "test", "venv", "env", "build",
     "dist"}
)  # fmt: skip
# Characters a capture may hold and stay harmless in a path, a URL, a query or markup.
_SAFE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


@dataclass(frozen=True, slots=True)
class Route:
    """One `path()`/`re_path()`/`url()` entry naming a view."""

    view: tuple[str, ...]  # the view's absolute dotted name, split
    safe: frozenset[str]  # captures that can only hold harmless characters, and constant kwargs
    unsafe: frozenset[str]  # captures that may hold anything else
    segment: frozenset[str]  # captures that may hold anything but a "/"
    positional: bool  # an unnamed group: arguments passed by position


@dataclass(frozen=True, slots=True)
class Routes:
    routes: tuple[Route, ...]
    prefixes: frozenset[str]  # names captured by `include()` prefixes: reach every view

    def unrouted(self, module: tuple[str, ...]) -> bool:
        """Do the project's URLconfs route views, none of them in `module`? Its functions are
        then the helpers of views elsewhere (MobSF's `StaticAnalyzer/views/android/jar_aar.py`),
        their parameters their callers' values. A project with no URLconf read (a reusable
        app its host routes) says nothing."""
        return bool(self.routes) and not any(r.view[:-1] == module or r.view[:-2] == module
                                             for r in self.routes)  # fmt: skip

    def cleared(self, view: tuple[str, ...], params: list[str]) -> frozenset[str]:
        """The parameters of `view` every route to it fills with harmless text."""
        return self._filled(view, params, segment=False)

    def segments(self, view: tuple[str, ...], params: list[str]) -> frozenset[str]:
        """The parameters of `view` every route to it fills with one path segment at most (no
        "/"), one of them with more than harmless text."""
        return self._filled(view, params, segment=True) - self.cleared(view, params)

    def _filled(self, view: tuple[str, ...], params: list[str], segment: bool) -> frozenset[str]:
        """Parameters that some route to `view` fills and none with other text than harmless
        text (or, with `segment`, one path segment); none when a route passes them by
        position or an `include()` prefix captures them."""
        routes = [r for r in self.routes if r.view == view]
        if not routes or any(r.positional for r in routes):
            return frozenset()
        return frozenset(
            p for p in params
            if p not in self.prefixes
            and all(p not in r.unsafe and (segment or p not in r.segment) for r in routes)
            and any(p in r.safe or p in r.segment for r in routes)
        )  # fmt: skip


def urlconf_files(root: str) -> Iterator[str]:
    """The URLconf modules under `root`: files named `urls.py` and modules of `urls/`, within
    `MAX_FOLDERS` folders and `MAX_DEPTH` levels (links are not followed)."""
    found = 0
    base = root.count(os.sep)
    for visited, (folder, dirs, files) in enumerate(os.walk(root)):
        if visited >= MAX_FOLDERS:
            return
        deep = folder.count(os.sep) - base >= MAX_DEPTH
        dirs[:] = [] if deep else sorted(
            d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS
        )  # fmt: skip
        names = files if os.path.basename(folder) == "urls" else ["urls.py"]
        for name in sorted(set(names) & set(files)):
            if name.endswith(".py"):
                yield os.path.join(folder, name)
                found += 1
                if found >= MAX_URLCONFS:
                    return


def read_routes(root: str) -> Routes:
    routes: list[Route] = []
    prefixes: set[str] = set()
    for path in urlconf_files(root):
        real = os.path.realpath(path)
        if not real.startswith(root + os.sep):
            continue
        try:
            tree = ast.parse(inputfiles.read_bytes(real, URLCONF_LIMIT).decode("utf-8"))
        except (inputfiles.InputFileError, UnicodeDecodeError, SyntaxError, ValueError,
                RecursionError, MemoryError):  # fmt: skip
            continue
        rel = os.path.relpath(os.path.dirname(real), root)
        package = () if rel == "." else tuple(rel.split(os.sep))
        _routes_of(tree, package, routes, prefixes)
    return Routes(tuple(routes), frozenset(prefixes))


def _routes_of(tree: ast.Module, package: tuple[str, ...], routes: list[Route],
               prefixes: set[str]) -> None:  # fmt: skip
    from secretcheck.python.taint.project import import_aliases

    aliases = import_aliases([n for n in ast.walk(tree)
                              if isinstance(n, (ast.Import, ast.ImportFrom))])  # fmt: skip
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        kind = _called(node.func)
        if kind not in _ROUTE_FUNCTIONS:
            continue
        pattern = node.args[0]
        text = pattern.value if isinstance(pattern, ast.Constant) else None
        safe, segment, unsafe, positional = _captures(text, kind) if isinstance(text, str) else (
            set(), set(), {"*"}, True)  # fmt: skip
        target = node.args[1]
        if isinstance(target, ast.Call) and _called(target.func) == "include":
            prefixes.update(safe | segment | unsafe)
            continue
        view = _view_name(target, aliases, package)
        if view is None:
            continue
        extra = node.args[2] if len(node.args) > 2 else next(
            (k.value for k in node.keywords if k.arg == "kwargs"), None)  # fmt: skip
        if isinstance(extra, ast.Dict):
            constant = {k.value for k, v in zip(extra.keys, extra.values, strict=True)
                        if isinstance(k, ast.Constant) and isinstance(k.value, str)
                        and isinstance(v, ast.Constant)}  # fmt: skip
            safe |= constant
            unsafe -= constant
            segment -= constant
        routes.append(Route(view, frozenset(safe), frozenset(unsafe), frozenset(segment),
                            positional))  # fmt: skip


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _view_name(target: ast.expr, aliases: dict[str, str],
               package: tuple[str, ...]) -> tuple[str, ...] | None:  # fmt: skip
    """The absolute dotted name a route's view argument names (`views.image`, `image`, the old
    string form "app.views.image", or a class-based view's `views.Image.as_view(...)`, named by
    its class)."""
    if (isinstance(target, ast.Call) and isinstance(target.func, ast.Attribute)
            and target.func.attr == "as_view"):  # fmt: skip
        target = target.func.value
    if isinstance(target, ast.Constant) and isinstance(target.value, str):
        parts = target.value.split(".")
        return tuple(parts) if all(p.isidentifier() for p in parts) else None
    chain: list[str] = []
    node = target
    while isinstance(node, ast.Attribute):
        chain.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    qualified = ".".join([aliases[node.id], *reversed(chain)])
    level = len(qualified) - len(qualified.lstrip("."))
    rest = [p for p in qualified[level:].split(".") if p]
    if level == 0:
        return tuple(rest)
    if level - 1 > len(package):
        return None
    return (*package[: len(package) - (level - 1)], *rest)


def _captures(pattern: str, kind: str) -> tuple[set[str], set[str], set[str], bool]:
    """(harmless captures, one-segment captures, other captures, has an unnamed group) of a
    route pattern."""
    safe: set[str] = set()
    segment: set[str] = set()
    unsafe: set[str] = set()
    if kind == "path":
        for match in _CONVERTER.finditer(pattern):
            converter = match.group(1) or "str"
            if converter in _SAFE_CONVERTERS:
                safe.add(match.group(2))
            else:
                (segment if converter == "str" else unsafe).add(match.group(2))
        return safe, segment, unsafe, False
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return set(), set(), {"*"}, True
    names = {index: name for name, index in parsed.state.groupdict.items()}
    positional = False
    for group, items in _groups(parsed):
        name = names.get(group)
        if name is None:
            positional = True
        elif _harmless(items):
            safe.add(name)
        elif _slash_free(items):
            segment.add(name)
        else:
            unsafe.add(name)
    return safe, segment, unsafe, positional


def _groups(items: Any) -> Iterator[tuple[int, Any]]:
    for op, value in items:
        if op is sre.SUBPATTERN:
            group, _, _, inner = value
            if group is not None:
                yield group, inner
            yield from _groups(inner)
        elif op in REPEATS:
            yield from _groups(value[2])
        elif op is sre.BRANCH:
            for branch in value[1]:
                yield from _groups(branch)


def _matches_only(items: Any, literal: Callable[[int], bool], members: Callable[[Any], bool],
                  not_literal: Callable[[int], bool] = lambda _: False) -> bool:  # fmt: skip
    """Does every string the (sub)pattern matches pass the tests: `literal` of each literal
    character, `not_literal` of a negated one (`[^/]` parsed alone), `members` of a set?
    Repeats, groups and branches of those pass; anchors match no character; anything else
    (`.`, a lookaround) fails."""
    for op, value in items:
        if op is sre.LITERAL:
            ok = literal(value)
        elif op is sre.NOT_LITERAL:
            ok = not_literal(value)
        elif op is sre.IN:
            ok = members(value)
        elif op in REPEATS:
            ok = _matches_only(value[2], literal, members, not_literal)
        elif op is sre.SUBPATTERN:
            ok = _matches_only(value[3], literal, members, not_literal)
        elif op is sre.BRANCH:
            ok = all(_matches_only(b, literal, members, not_literal) for b in value[1])
        else:
            ok = op is sre.AT
        if not ok:
            return False
    return True


def _harmless(items: Any) -> bool:
    """Does every string the (sub)pattern matches hold only `_SAFE_CHARS` or word characters?"""
    return _matches_only(items, lambda c: chr(c) in _SAFE_CHARS, _set_harmless)


def _set_harmless(members: Any) -> bool:
    for member_op, member in members:
        if member_op is sre.NEGATE:
            return False
        if member_op is sre.LITERAL and chr(member) not in _SAFE_CHARS:
            return False
        if member_op is sre.RANGE and not all(
            chr(c) in _SAFE_CHARS for c in range(member[0], member[1] + 1)
        ):
            return False
        if member_op is sre.CATEGORY and member not in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD):
            return False
    return True


_SLASH = ord("/")
_SLASH_FREE_CATEGORIES = (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD, sre.CATEGORY_SPACE)


def _slash_free(items: Any) -> bool:
    """Can no string the (sub)pattern matches hold a "/"? Literals other than "/", sets that
    name none (`[\\w.-]`) or exclude it (`[^/]`), and repeats and groups of those."""
    return _matches_only(items, lambda c: c != _SLASH, _set_slash_free, lambda c: c == _SLASH)


def _set_slash_free(members: Any) -> bool:
    negated = bool(members) and members[0][0] is sre.NEGATE
    if negated:  # `[^/]`: free of "/" when the set it negates names it
        return any(
            (op is sre.LITERAL and m == _SLASH) or (op is sre.RANGE and m[0] <= _SLASH <= m[1])
            for op, m in members[1:]
        )
    for op, member in members:
        if op is sre.LITERAL and member == _SLASH:
            return False
        if op is sre.RANGE and member[0] <= _SLASH <= member[1]:
            return False
        if op is sre.CATEGORY and member not in _SLASH_FREE_CATEGORIES:
            return False  # `\W`, `\S`, `\D` hold a "/"
    return True
