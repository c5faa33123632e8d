"""Provider-format rules: keyword prefilter, then regex, then entropy and validators.

The prefilter is one substring test per rule on the lower-cased file, so a regex only ever
runs on files that hold one of its keywords (an AWS key id rule runs only where "akia" or "asia"
appears). Regexes run over the whole text, not line by line, so multi-line formats (PEM blocks)
need nothing special.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator

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


def run_patterns(
    rules: Iterable[RuleSpec], text: str, display: str, index: LineIndex
) -> Iterator[Hit]:
    lowered: str | None = None
    for rule in rules:
        spec = rule.pattern
        if spec is None or not _applies_to(rule, display):
            continue
        if lowered is None:
            lowered = text.lower()
        if not any(k in lowered for k in spec.keywords):
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
