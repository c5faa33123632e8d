"""Provider-format rules: keyword prefilter, then regex, then entropy and validators.

The prefilter finds every keyword of every rule in ONE pass over the lower-cased file (an RE2
set of the literal keywords: a DFA that reports each member that occurs anywhere), so a regex
only ever runs on files that hold one of its keywords (an AWS key id rule runs only where "akia"
or "asia" appears). With ~400 keywords, one substring scan per keyword cost ~60x more than the
set. Regexes run over the whole text, not line by line, so multi-line formats (PEM blocks) need
nothing special.
"""

from __future__ import annotations

import fnmatch
import functools
from collections.abc import Iterable, Iterator
from typing import Any

import re2  # type: ignore[import-untyped]

from secretcheck.analysis.literals import is_placeholder
from secretcheck.analysis.values import describe, shannon_entropy
from secretcheck.findings import Confidence, Hit, Severity
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex
from secretcheck.validators import DOCUMENTED_EXAMPLE, NOT_VERIFIED, VALIDATORS

__all__ = ["run_patterns", "shannon_entropy"]


def _applies_to(rule: RuleSpec, display: str) -> bool:
    assert rule.pattern is not None
    if not rule.pattern.files:
        return True
    name = display.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(display, g) for g in rule.pattern.files)


# A literal-keyword set's DFA has about one state per keyword character (a trie); RE2's default
# 8 MB would do for ours, 64 MB leaves room for large `rule-paths` packs, since a set that ran
# out of DFA memory would report no match rather than fail.
_SET_MEMORY = 64 << 20


@functools.lru_cache(maxsize=16)
def _keyword_set(keywords: tuple[str, ...]) -> Any:
    """The compiled set for one tuple of keywords; cached because every file of a run (and of a
    pool worker) asks for the same few tuples: a pure function of immutable input."""
    options = re2.Options()
    options.max_mem = _SET_MEMORY
    keyword_set = re2.Set.SearchSet(options)
    for keyword in keywords:
        keyword_set.Add(re2.escape(keyword))
    keyword_set.Compile()
    return keyword_set


def present_keywords(keywords: tuple[str, ...], lowered: str) -> frozenset[str]:
    """The members of `keywords` that occur in `lowered` as substrings, found in one pass.

    Same answer as `{k for k in keywords if k in lowered}`: both sides are matched as UTF-8
    bytes, where substring means the same as on characters. Text RE2 cannot take (a lone
    surrogate from undecodable input) gets the per-keyword scan."""
    if not keywords:
        return frozenset()
    try:
        encoded = lowered.encode("utf-8")
    except UnicodeEncodeError:
        return frozenset(k for k in keywords if k in lowered)
    found = _keyword_set(keywords).Match(encoded) or ()
    return frozenset(keywords[i] for i in found)


def run_patterns(
    rules: Iterable[RuleSpec], text: str, display: str, index: LineIndex
) -> Iterator[Hit]:
    applicable = [r for r in rules if r.pattern is not None and _applies_to(r, display)]
    if not applicable:
        return
    keywords = tuple(dict.fromkeys(k for r in applicable if r.pattern for k in r.pattern.keywords))
    present = present_keywords(keywords, text.lower())
    if not present:
        return
    for rule in applicable:
        spec = rule.pattern
        assert spec is not None
        if present.isdisjoint(spec.keywords):
            continue
        validate = VALIDATORS.get(spec.validator) if spec.validator else None
        for match in spec.regex.finditer(text):
            secret = match.group(spec.secret_group)
            if not secret:
                continue
            if any(a.search(secret) for a in spec.allow):
                continue
            if spec.min_entropy and shannon_entropy(secret) < spec.min_entropy:
                continue
            if (
                is_placeholder(secret)
                or "{{" in secret
                or "${" in secret
                or ("user" in spec.regex.groupindex and match.group("user") == secret)
            ):  # `postgres:postgres@`: a default, not a chosen password
                continue
            detail, confidence, severity = "", None, None
            signals = [f"format: {rule.name}", describe(secret)]
            if validate is not None:
                verdict = validate(secret)
                if verdict is None:
                    continue
                detail = verdict
                signals.append(f"validator: {verdict}")
                confidence = Confidence.MEDIUM if NOT_VERIFIED in verdict else Confidence.HIGH
                if verdict.startswith(DOCUMENTED_EXAMPLE):
                    severity = Severity.INFO
            start, end = match.span(spec.secret_group)
            yield Hit(rule.code, index.span(start, end), secret, detail, None, tuple(signals),
                      confidence, severity)  # fmt: skip
