"""`re.sub(r"[^A-Za-z0-9_-]", "-", value)`: a value with every character outside a class replaced.

What is left is the class's characters and the replacement's, nothing else; which sinks such
text cannot harm follows from which characters those are. Only a single class is read (maybe
repeated), with literal characters, ranges and `\\w`/`\\d`/`\\s` in it, no flags, and a literal
replacement: a negated class (`[^...]`) keeps what it lists; a class that lists what it
replaces (a blocklist: Gerapy's, or stalker_pyramid's `[\\s\\.\\\\/:...]+` for upload names) keeps
every other character, so it clears only what needs none of those. `re.findall(CLASS, value)`
gives pieces made of the class's characters alone (stalker_pyramid's `[\\w\\d]+` search words).
Anything else (a lookahead, a function as the replacement) clears nothing. `\\w` holds letters
and digits of every script and `_`: none of them is markup, quoting, a shell metacharacter or a
path separator.

Cleared by what can remain:
- path traversal: no `/` or `\\` and no `.` (one relative name, never `..`); without the
  separators alone, the path is relative (`flows.RELATIVE`), with no `.` alone, it holds no
  `..` segment (`flows.NO_PARENT`);
- markup (XSS): none of `<>"'&` and the backquote;
- template syntax: no `{`, `}` or `%`;
- a shell command: only letters, digits and `_-.,:/=@%+`;
- SQL: only letters, digits and `_` (an identifier's text);
- an open redirect: none of `/`, `\\`, `:` (a relative name on this site).
SSRF stays: a host name is made of such characters.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from secretcheck.python.astsyntax import const_text, dotted, ordered_arguments
from secretcheck.python.sre import REPEATS
from secretcheck.python.sre import constants as sre
from secretcheck.python.sre import parser as sre_parse
from secretcheck.python.taint import constants
from secretcheck.python.taint.flows import NO_PARENT, RELATIVE

_ASCII = [chr(c) for c in range(128)]
_SHELL_SAFE = frozenset("_-.,:/=@%+")
_MARKUP = frozenset("<>\"'&`")


def categories(node: ast.Call, names: frozenset[str], method: str,
               constant: Callable[[str], str | None]) -> frozenset[str] | None:  # fmt: skip
    """What `re.sub(CLASS, REPL, value)` (or `PATTERN.sub(REPL, value)` with a compiled
    constant) clears, or None when `node` is no such call."""
    if method not in ("sub", "findall") and "re.sub" not in names and "re.findall" not in names:
        return None  # most calls: asked of every call the engine evaluates
    arguments = [a.value for a in ordered_arguments(node)]
    func = node.func
    if "re.findall" in names and len(arguments) == 2 and not node.keywords:
        # `re.findall(r"[\w\d]+", text)`: each piece holds only the class's characters
        # (stalker_pyramid's search words)
        pattern = constants.pattern_text(arguments[0], constant)
        found = _members(pattern) if pattern is not None else None
        if found is None:
            return None
        member, negated = found
        return _cleared(lambda ch: member(ch) != negated)
    if "re.sub" in names and len(arguments) == 3 and not node.keywords:
        pattern = constants.pattern_text(arguments[0], constant)
        replacement = arguments[1]
    elif method == "sub" and isinstance(func, ast.Attribute) and len(arguments) == 2:
        receiver = dotted(func.value)
        if not receiver or node.keywords:
            return None
        pattern = constant(f"{receiver}.pattern")
        replacement = arguments[0]
    else:
        return None
    text = const_text(replacement)
    if pattern is None or text is None:
        return None
    found = _members(pattern)
    if found is None:
        return None
    member, negated = found
    # a negated class keeps what it lists; a class that lists what it replaces keeps the rest
    # (stalker_pyramid's upload names: `[\s\.\\/:...]+` -> "_" leaves no separator or dot)
    return _cleared(lambda ch: member(ch) == negated or ch in text)


def _members(pattern: str) -> tuple[Callable[[str], bool], bool] | None:
    """A single character class (maybe repeated) as a test of one ASCII character for the
    characters it lists, and whether it is negated (`[^...]`)."""
    try:
        parsed = list(sre_parse.parse(pattern))
    except (re.error, RecursionError, OverflowError):
        return None
    if len(parsed) != 1:
        return None
    op, arg = parsed[0]
    if op in REPEATS:
        inner = list(arg[2])
        if len(inner) != 1:
            return None
        op, arg = inner[0]
    if op is not sre.IN or not arg:
        return None
    negated = arg[0] == (sre.NEGATE, None)
    codes: set[int] = set()
    ranges: list[tuple[int, int]] = []
    tests: list[Callable[[str], bool]] = []
    for item, value in arg[1 if negated else 0 :]:
        if item is sre.LITERAL:
            codes.add(value)
        elif item is sre.RANGE:
            ranges.append((value[0], value[1]))
        elif item is sre.CATEGORY and value in _CATEGORIES:
            tests.append(_CATEGORIES[value])
        else:
            return None  # a negated category inside the class, or anything unusual

    def listed(ch: str) -> bool:
        code = ord(ch)
        return (code in codes or any(lo <= code <= hi for lo, hi in ranges)
                or any(test(ch) for test in tests))  # fmt: skip

    return listed, negated


_CATEGORIES: dict[object, Callable[[str], bool]] = {
    sre.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    sre.CATEGORY_DIGIT: str.isdigit,
    sre.CATEGORY_SPACE: str.isspace,
}


def _cleared(kept: Callable[[str], bool]) -> frozenset[str]:
    left = frozenset(ch for ch in _ASCII if kept(ch))
    punctuation = frozenset(ch for ch in left if not ch.isalnum())
    cats: set[str] = set()
    if not left & {"/", "\\"}:
        cats.add(RELATIVE)
        if "." not in left:
            cats.add("path-traversal")
    if "." not in left:
        cats.add(NO_PARENT)
    if not left & _MARKUP:
        cats.add("xss")
    if not left & {"{", "}", "%"}:
        cats.add("template-injection")
    if punctuation <= _SHELL_SAFE:
        cats.add("command-injection")
    if punctuation <= {"_"}:
        cats.add("sql-injection")
    if not left & {"/", "\\", ":"}:
        cats.add("open-redirect")
    return frozenset(cats)
