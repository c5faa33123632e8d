"""Whether a whole-module check pass can end within the file's CPU budget, measured up front.

The per-file budget (budget.py) stops the syntax-tree stage when it runs out, and the file keeps
its text findings. On a generated 1.8 MB module of 30k assignments the whole-module pass needed
~12 s of CPU with libcst (~4 s on the stdlib tree, judging 30k values), so the budget was always
spent in full (5 s) on work that was then thrown away.
Here the pass is first run on an evenly spread sample of ~2% of the module's top-level
statements; its CPU cost per character, times the module's length, estimates the whole pass.
Only an estimate past the time left gives up at once. The estimate errs low (6.3 s against a
measured 8.2 s on that module: the whole tree's metadata and garbage collection grow a little
faster than the sample's), so a file that would just fit is still tried, and the budget timer
stops it as before. Small modules are never sampled (the sample would cost more than it saves).
"""

from __future__ import annotations

import ast
import time
from collections.abc import Callable

from secretcheck.budget import BudgetExceeded
from secretcheck.textindex import split_lines

__all__ = ["estimate_module_pass", "give_up_if_over"]

# Below this size the whole pass costs well under a second: nothing to save.
_MIN_CHARS = 200_000
_SAMPLE_SHARE = 50  # one top-level statement in this many


def _sample(tree: ast.Module, text: str) -> str:
    """Every `_SAMPLE_SHARE`-th top-level statement's lines (with its decorators): a module
    that parses on its own, shaped like the whole."""
    lines = split_lines(text, keepends=True)
    picked = []
    for stmt in tree.body[::_SAMPLE_SHARE]:
        decorators = getattr(stmt, "decorator_list", [])
        first = min([stmt.lineno, *(d.lineno for d in decorators)])
        picked.append("".join(lines[first - 1 : stmt.end_lineno or stmt.lineno]))
    return "".join(picked)


def estimate_module_pass(text: str, tree: ast.Module, run: Callable[[str], object]) -> float:
    """Estimated CPU seconds of `run` (parse and visit) over all of `text`, from its cost on a
    sample; 0.0 when the module is too small to be worth sampling or the sample does not
    stand alone."""
    if len(text) < _MIN_CHARS or len(tree.body) < 2 * _SAMPLE_SHARE:
        return 0.0
    sample = _sample(tree, text)
    if not sample:
        return 0.0
    started = time.process_time()
    try:
        run(sample)
    except Exception:  # a sample that does not parse alone: no estimate, the budget decides
        return 0.0
    return (time.process_time() - started) / len(sample) * len(text)


def give_up_if_over(estimate: float, deadline: float) -> None:
    """Raise `BudgetExceeded` (saying why) when `estimate` seconds from now ends past
    `deadline`."""
    if estimate > max(deadline - time.process_time(), 0.0):
        raise BudgetExceeded(f"estimated {estimate:.0f} s of CPU time from a sample")
