"""Where a file sits: tests, fixtures, examples and docs hold fake credentials more often.

Such paths lower every finding's severity by one step (diagnostics aside), but never hide it: a
real key pasted into a test is still a leaked key.
"""

from __future__ import annotations

import re

_CONTEXTS = (
    (
        "test",
        # `t/` is celery's (and Perl-style) suite folder; `testing/` pytest's own.
        re.compile(
            r"(?:^|/)(?:tests?|testing|t)/|(?:^|/)test_[^/]*$|_tests?\.py$|conftest\.py$"
        ),
    ),
    ("fixture", re.compile(r"(?:^|/)(?:fixtures?|testdata|test_data|mocks?)/")),
    (
        "example",
        re.compile(r"(?:^|/)(?:examples?|samples?|demo)/|\.(?:example|sample|template|dist)$"),
    ),
    ("docs", re.compile(r"(?:^|/)docs?/|\.(?:md|rst|adoc)$")),
)


def path_context(path: str) -> str | None:
    """'test', 'fixture', 'example' or 'docs' for such a path, else None."""
    lowered = path.lower()
    for name, pattern in _CONTEXTS:
        if pattern.search(lowered):
            return name
    return None
