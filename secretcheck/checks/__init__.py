"""The registry of CST checks: name (as written in a rule's `check` key) -> module + prefilter.

The prefilter is a cheap regex over the whole file: a file it does not match is never parsed
for that check. Modules are imported lazily so that libcst loads only when a file needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """`scope` says how much of a file the check needs to see.

    "module": the whole parsed module (imports, functions: taint and flow checks).
    "statement": only the statements on lines its prefilter matched; the engine parses just
    those with libcst, so a 2,000-line file with one candidate costs one small parse.
    """

    module: str
    prefilter: re.Pattern[str]
    scope: str = "module"


CHECKS: dict[str, CheckEntry] = {
    "hardcoded-credentials": CheckEntry(
        "secretcheck.checks.hardcoded_credentials",
        # A credential-ish name bound or compared to a string literal of 3+ characters, on one
        # line: `name = "lit"`, `"key": "lit"`, `name: str = "lit"`, `name == "lit"`. Most
        # Python files have none, so most files are never parsed (a libcst parse plus
        # positions costs ~100x this regex). No leading \w*: it would backtrack per word.
        re.compile(
            r"""(?ix)
            (?:pass(?:wd|word|phrase)?|pwd|secret|token|api_?key|access_?key|private_?key
                |auth_?key|credential|conn(?:ection)?_?str)\w*['"\]]?
            \s*(?::[^=\n]{1,60})?\s*(?:=|:|==|!=)\s*\(?\s*[rbuf]{0,2}['"][^'"\s]{3,}
            """
        ),
        scope="statement",
    ),
}
