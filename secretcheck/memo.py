"""A cache key that stands for one object, for per-run setup computed once instead of per file.

A run scans hundreds of files with the same rule selection; what the pipeline and the engines
derive from it (which rules each engine runs, the keyword set of the pattern rules) is the same
for every file. `RuleSpec` holds a dict (its options), so a tuple of rules cannot be hashed for
`functools.lru_cache`, and hashing ~300 frozen dataclasses per file would cost what it saves.
`Same(value)` hashes and compares by identity and keeps `value` alive while cached, so an id is
never reused for another object under the same key.
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class Same(Generic[T]):
    """`value` as a cache key: equal only to a key for the very same object."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value
