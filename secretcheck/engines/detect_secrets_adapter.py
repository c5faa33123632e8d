"""detect-secrets' entropy and keyword plugins, used as a library.

This is the only module that imports detect_secrets, and it does so lazily: a scan whose files
hold no candidate line never pays for the import. Lines are prefiltered with one cheap regex per
plugin family before any plugin sees them, and detect-secrets' own heuristic filters (sequential
strings, UUIDs, templates, indirect references, ...) are applied to each result, as its own
`scan` would. We call plugins directly rather than through `detect_secrets.core.scan`, because
that path reads detect-secrets' process-wide settings singleton.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_value
from secretcheck.analysis.values import benign_file, benign_value, charset, describe
from secretcheck.engines.keyvalue import handles_config
from secretcheck.findings import Hit, Span
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex

# The key or variable just before a value: `api_secret = "`, `"hmacKey": "`, `token: '`.
_NAME_BEFORE = re.compile(
    r"""([A-Za-z_$][\w$.-]*)["']?\s*(?:=|:|=>|:=|,)\s*\(?\s*[bru]?["'`]?\s*$"""
)
# A quoted run long enough to pass an entropy limit, or a config-style `key: value` pair.
_ENTROPY_LINE = re.compile(r"""[A-Za-z0-9+/=_\-]{16,}""")
_KEYWORD_LINE = re.compile(r"(?i)key|pass|pwd|secret|contrase|token|auth")
_PREFILTERS = {
    "Base64HighEntropyString": _ENTROPY_LINE,
    "HexHighEntropyString": re.compile(r"[0-9a-fA-F]{16,}"),
    "KeywordDetector": _KEYWORD_LINE,
}


@lru_cache(maxsize=16)
def _plugin(name: str, options: tuple[tuple[str, Any], ...]) -> Any:
    from detect_secrets.plugins import high_entropy_strings, keyword

    classes = {
        "Base64HighEntropyString": high_entropy_strings.Base64HighEntropyString,
        "HexHighEntropyString": high_entropy_strings.HexHighEntropyString,
        "KeywordDetector": keyword.KeywordDetector,
    }
    return classes[name](**dict(options))


def _rejected_by_heuristics(secret: str, line: str, filename: str, plugin: Any) -> bool:
    from detect_secrets.filters import heuristic

    return (
        heuristic.is_sequential_string(secret)
        or heuristic.is_potential_uuid(secret)
        or heuristic.is_templated_secret(secret)
        or heuristic.is_prefixed_with_dollar_sign(secret)
        or heuristic.is_not_alphanumeric_string(secret)
        or heuristic.is_likely_id_string(secret, line, plugin)
        or heuristic.is_indirect_reference(line)
        or heuristic.is_lock_file(filename)
    )


def supported(rule: RuleSpec) -> bool:
    return rule.plugin in _PREFILTERS


def _implausible(secret: str, line: str, plugin_name: str) -> bool:
    """secretcheck's own filters on top of detect-secrets': digests, ids, placeholders, words."""
    if benign_value(secret, line) is not None or judge_value(secret, "", line) is not None:
        return True
    if plugin_name == "KeywordDetector":
        return False
    if plugin_name == "HexHighEntropyString":
        # Unnamed hex is a digest, a commit or an id far more often than a key: report hex only
        # when the key right before it is credential-like, and only at key length (32+).
        before = _NAME_BEFORE.search(line[: max(line.find(secret), 0)])
        return len(secret) < 32 or before is None or credential_words(before.group(1)) is None
    if plugin_name == "Base64HighEntropyString":
        # Random base64 of 20+ characters all but always mixes cases and digits; identifiers,
        # paths and words do not.
        kinds = charset(secret)
        return not ("lower" in kinds and "upper" in kinds and "digits" in kinds)
    return not any(c.isdigit() for c in secret) or secret.isdigit()


def run_detect_secrets(
    rules: Iterable[RuleSpec], display: str, index: LineIndex, kind: str = "text"
) -> Iterator[Hit]:
    """Hits of the detect-secrets plugins; the keyword plugin only runs on files no secretcheck
    parser understands (Python has the CST checks, config files the key/value engine)."""
    if benign_file(display) is not None:
        return
    keyword_elsewhere = kind == "python" or handles_config(display)
    active = [
        r
        for r in rules
        if supported(r) and not (keyword_elsewhere and r.plugin == "KeywordDetector")
    ]
    if not active:
        return
    previous = ""
    for number, raw in enumerate(index.lines, start=1):
        line = raw.rstrip("\r\n")
        context, previous = previous[-80:] + line, line
        for rule in active:
            if not _PREFILTERS[rule.plugin].search(line):
                continue
            plugin = _plugin(rule.plugin, tuple(sorted(rule.options.items())))
            for potential in plugin.analyze_line(filename=display, line=line, line_number=number):
                secret = potential.secret_value or ""
                if not secret or _rejected_by_heuristics(secret, line, display, plugin):
                    continue
                if _implausible(secret, context, rule.plugin):
                    continue
                column = line.find(secret)
                if column < 0:
                    continue
                span = Span(number, column + 1, number, column + 1 + len(secret))
                yield Hit(rule.code, span, secret, signals=(f"{rule.plugin}: {describe(secret)}",))
