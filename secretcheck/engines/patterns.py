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
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import re2  # type: ignore[import-untyped]

from secretcheck.analysis.literals import is_placeholder
from secretcheck.analysis.values import describe, shannon_entropy
from secretcheck.findings import Confidence, Hit, Severity
from secretcheck.memo import Same
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex
from secretcheck.validators import DOCUMENTED_EXAMPLE, NOT_VERIFIED, VALIDATORS

__all__ = ["run_patterns", "shannon_entropy"]


def _applies_to(rule: RuleSpec, display: str) -> bool:
    assert rule.pattern is not None
    if not rule.pattern.files:
        return True
    name = display.rsplit("/", 1)[-1]
    if os.name != "posix":  # fnmatch folds case and slashes there (`os.path.normcase`)
        return any(
            fnmatch.fnmatch(name, g) or fnmatch.fnmatch(display, g) for g in rule.pattern.files
        )
    globs = _globs(rule.pattern.files)
    return globs.match(name) is not None or globs.match(display) is not None


@functools.lru_cache(maxsize=256)
def _globs(files: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a rule's globs: on POSIX `fnmatch.fnmatch(name, g)` is
    `re.match(fnmatch.translate(g), name)`, and ~20 such calls per file were ~2% of a scan."""
    return re.compile("|".join(fnmatch.translate(g) for g in files))


@functools.lru_cache(maxsize=16)
def _globbed(rules: Same[Sequence[RuleSpec]]) -> tuple[RuleSpec, ...]:
    """The rules that apply only to files their `files` globs match (prose files, say)."""
    return tuple(r for r in rules.value if r.pattern is not None and r.pattern.files)


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


@dataclass(frozen=True, slots=True)
class _Plan:
    """The pattern rules that apply to a file, their keywords, and which rules each keyword
    can lead to."""

    rules: tuple[RuleSpec, ...]
    keywords: tuple[str, ...]
    by_keyword: Mapping[str, tuple[int, ...]]  # keyword -> positions in `rules`


def _make_plan(rules: tuple[RuleSpec, ...]) -> _Plan:
    keywords = tuple(dict.fromkeys(k for r in rules if r.pattern for k in r.pattern.keywords))
    by_keyword: dict[str, list[int]] = {}
    for position, rule in enumerate(rules):
        for keyword in rule.pattern.keywords if rule.pattern else ():
            by_keyword.setdefault(keyword, []).append(position)
    return _Plan(rules, keywords, {k: tuple(v) for k, v in by_keyword.items()})


@functools.lru_cache(maxsize=16)
def _plan(rules: Same[Sequence[RuleSpec]], globbed: frozenset[str]) -> _Plan:
    """The plan for `rules` on a file that the `files` globs of the `globbed` rules match.
    The same for nearly every file of a run (the pipeline passes the same tuple), and making
    it per file (~300 rules, ~430 keywords) was most of this engine's CPU on files without
    a keyword."""
    return _make_plan(
        tuple(
            r
            for r in rules.value
            if r.pattern is not None and (not r.pattern.files or r.code in globbed)
        )
    )


def run_patterns(
    rules: Sequence[RuleSpec], text: str, display: str, index: LineIndex
) -> Iterator[Hit]:
    globbed = frozenset(r.code for r in _globbed(Same(rules)) if _applies_to(r, display))
    plan = _plan(Same(rules), globbed)
    if not plan.rules:
        return
    present = present_keywords(plan.keywords, text.lower())
    if not present:
        return
    # Only rules with a keyword in the file, in their order: the same as testing every rule.
    wanted = sorted({p for k in present for p in plan.by_keyword[k]})
    applicable = [plan.rules[p] for p in wanted]
    for rule in applicable:
        spec = rule.pattern
        assert spec is not None
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
