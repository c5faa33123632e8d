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

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.findings import Hit, Span
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex

# Supersets of what each plugin can report, run over the whole text (one C-level pass each), so
# plugins, which are per-line Python, only see lines that can yield something. The entropy
# plugins require a quoted value; 4.5 bits of base64 needs 23+ distinct characters and 3.0 bits
# of hex needs 9+, so shorter runs cannot pass their limits.
_PREFILTERS = {
    "Base64HighEntropyString": re.compile(r"""['"][A-Za-z0-9+/=_\\-]{20,}['"]"""),
    "HexHighEntropyString": re.compile(r"""['"][0-9a-fA-F]{9,}['"]"""),
    # The keyword, the rest of its identifier, an optional closing quote or bracket, then an
    # assignment: the shape every KeywordDetector file-type regex starts with.
    "KeywordDetector": re.compile(
        r"""(?i)(?:key|pass|pwd|secret|contrase|token|auth)\w*['"\]]?\s*(?:[:=]|=>|!=)"""
    ),
}


# KeywordDetector's config-file regexes sometimes capture the rest of a line (`key: str = "x"`
# yields `str = `); a value holding a quote or a spaced `=` is such a capture, not a secret.
_QUOTED_JUNK = re.compile(r"""["']|\s=|=\s""")
# Its YAML/INI regexes also keep a trailing comment (`password: s3cr3t  # prod`), which would
# make the value look like a phrase and hide the secret in front of it.
_TRAILING_COMMENT = re.compile(r"\s+#.*$")


@lru_cache(maxsize=16)
def _plugin(name: str, options: tuple[tuple[str, Any], ...]) -> Any:
    from detect_secrets.plugins import high_entropy_strings, keyword

    classes = {
        "Base64HighEntropyString": high_entropy_strings.Base64HighEntropyString,
        "HexHighEntropyString": high_entropy_strings.HexHighEntropyString,
        "KeywordDetector": keyword.KeywordDetector,
    }
    return classes[name](**dict(options))


def warm() -> None:
    from detect_secrets.filters import heuristic  # noqa: F401
    from detect_secrets.plugins import high_entropy_strings, keyword  # noqa: F401


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


def candidate_lines(pattern: re.Pattern[str], text: str, index: LineIndex) -> list[int]:
    lines = {index.position(m.start())[0] for m in pattern.finditer(text)}
    return sorted(lines)


def run_detect_secrets(
    rules: Iterable[RuleSpec], text: str, display: str, index: LineIndex
) -> Iterator[Hit]:
    for rule in rules:
        if not supported(rule):
            continue
        numbers = candidate_lines(_PREFILTERS[rule.plugin], text, index)
        if not numbers:
            continue
        plugin = _plugin(rule.plugin, tuple(sorted(rule.options.items())))
        for number in numbers:
            line = index.line(number)
            for potential in plugin.analyze_line(filename=display, line=line, line_number=number):
                secret = _TRAILING_COMMENT.sub("", potential.secret_value or "")
                if not secret or _rejected_by_heuristics(secret, line, display, plugin):
                    continue
                if _QUOTED_JUNK.search(secret) or placeholder_reason(secret) is not None:
                    continue
                column = line.find(secret)
                if column < 0:
                    continue
                span = Span(number, column + 1, number, column + 1 + len(secret))
                yield Hit(rule.code, span, secret)
