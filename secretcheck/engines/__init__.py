"""Detectors: each takes a file's text and returns `Hit`s for the rules it runs.

`ENGINES` is the one registry of engines: the name a rule's `engine` key gives -> how it runs.
`rulepacks` accepts exactly its keys (an unknown engine is a load error naming the file and
the key) and asks it which `check` names an engine knows; the pipeline runs the text stage
from it. Adding an engine is a module plus one entry here. Engine modules are imported on
first use, not here: they import `rulepacks`, which imports this module.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from secretcheck.findings import Hit
    from secretcheck.rulepacks import RuleSpec
    from secretcheck.textindex import LineIndex


class TextEngine(Protocol):
    """A detector of the text stage: every file, linear time, no parse."""

    def __call__(
        self, rules: Sequence[RuleSpec], text: str, display: str, index: LineIndex, kind: str, /
    ) -> Iterable[Hit]: ...


def _patterns(
    rules: Sequence[RuleSpec], text: str, display: str, index: LineIndex, kind: str
) -> Iterable[Hit]:
    from secretcheck.engines.patterns import run_patterns

    return run_patterns(rules, text, display, index)


def _detect_secrets(
    rules: Sequence[RuleSpec], text: str, display: str, index: LineIndex, kind: str
) -> Iterable[Hit]:
    from secretcheck.engines.detect_secrets_adapter import run_detect_secrets

    return run_detect_secrets(rules, text, display, index, kind)


def _keyvalue(
    rules: Sequence[RuleSpec], text: str, display: str, index: LineIndex, kind: str
) -> Iterable[Hit]:
    from secretcheck.engines.keyvalue import run_keyvalue

    return run_keyvalue(rules, text, display, index)


@dataclass(frozen=True, slots=True)
class Engine:
    # text: `run` on every file (the pipeline keeps each engine's hits when another fails);
    # python: the syntax-tree stage (`engines.cst.run_cst`, run under the file's CPU budget);
    # pipeline: hits the pipeline makes itself (parse errors, bad suppression comments).
    stage: Literal["text", "python", "pipeline"]
    run: TextEngine | None = None
    checks: str = ""  # "module:attribute" of the `check` names it runs; "" = it takes no check


ENGINES: dict[str, Engine] = {
    "pattern": Engine("text", _patterns),
    "detect-secrets": Engine("text", _detect_secrets),
    "keyvalue": Engine("text", _keyvalue, checks="secretcheck.engines.keyvalue:CHECKS"),
    "cst": Engine("python", checks="secretcheck.python.registry:CHECKS"),
    "diagnostic": Engine("pipeline"),
}


def known_checks(engine: str) -> frozenset[str] | None:
    """The `check` names `engine` runs, or None for an engine that takes no `check`."""
    where = ENGINES[engine].checks
    if not where:
        return None
    module, _, attribute = where.partition(":")
    names: Iterable[str] = getattr(importlib.import_module(module), attribute)
    return frozenset(names)
