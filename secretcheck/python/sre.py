"""The standard library's own parser of regular expressions, on every supported Python.

It is private and untyped, but it is what defines a pattern's meaning, so a pattern read with it
is read exactly as `re` reads it. It is `re._parser` and `re._constants` from Python 3.11 and
`sre_parse` and `sre_constants` before (deprecated aliases since). Python 3.11 also added
possessive repeats.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

_NEW = sys.version_info >= (3, 11)
parser: Any = importlib.import_module("re._parser" if _NEW else "sre_parse")
constants: Any = importlib.import_module("re._constants" if _NEW else "sre_constants")
# Every kind of repeat: greedy, lazy and (3.11+) possessive.
REPEATS: tuple[Any, ...] = tuple(
    getattr(constants, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(constants, name)
)
