"""A module-level regex compiled when first used.

Compiling a pattern in CPython's `re` costs 50-300 us; a module with twenty of them costs a few
milliseconds at import. A one-file scan (the pre-commit hook's usual case) imports dozens of
such modules and uses few of their patterns: redaction runs only when there are findings,
config-file readers only on config files. `LazyPattern` keeps the call sites as they were
(`_X.search(text)`) and compiles on the first call, so the results are `re`'s own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

_POSSESSIVE = sys.version_info >= (3, 11)


def possessive(pattern: str) -> str:
    """`pattern`, written with possessive quantifiers (`\\w++`, `\\s*+`), as this Python's `re`
    reads it: unchanged from 3.11, which added them; on 3.10 without the extra `+`. Only for
    patterns where giving back never makes a match: then both read the same matches, and 3.10
    just tries the give-backs. (A `*+` or `++` inside a character class is not told apart.)"""
    return pattern if _POSSESSIVE else pattern.replace("*+", "*").replace("++", "+")

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")


class LazyPattern:
    """`re.compile(pattern, flags)`, done when a method is first called.

    The methods are the compiled pattern's own, bound into the instance's slots on first use:
    a Python method forwarding each call cost ~0.4 us, 5% of a scan of a generated file that
    asks a dozen patterns about each of 30k values."""

    __slots__ = ("_compiled", "flags", "pattern", *_METHODS)

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    split: Callable[..., list[str | Any]]
    sub: Callable[..., str]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached while a method's slot is still empty: compile, fill every slot.
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = self.compiled
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
