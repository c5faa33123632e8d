"""detect-secrets' entropy and keyword plugins, used as a library.

This is the only module that imports detect_secrets, and it does so lazily: a scan whose files
hold no candidate line never pays for the import. Lines are prefiltered with one cheap regex per
plugin family before any plugin sees them, and detect-secrets' own heuristic filters (sequential
strings, UUIDs, templates, indirect references, ...) are applied to each result, as its own
`scan` would. We call plugins directly rather than through `detect_secrets.core.scan`, because
that path reads detect-secrets' process-wide settings singleton.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import re2  # type: ignore[import-untyped]

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_value, judge_words
from secretcheck.analysis.values import (
    benign_file,
    benign_value,
    charset,
    describe,
    shannon_entropy,
)
from secretcheck.findings import Hit, Span
from secretcheck.python.textgate import gate_source, gated_finditer
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex

_KEYWORD_WORDS = ("key", "pass", "pwd", "secret", "contrase", "token", "auth")
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
        rf"""(?i)(?:{"|".join(_KEYWORD_WORDS)})\w*['"\]]?\s*(?:[:=]|=>|!=)"""
    ),
}


def _any_case(word: str) -> str:
    """RE2 for `word` (ASCII letters) as `re`'s IGNORECASE may match it: either case, or any
    non-ASCII character (the Kelvin sign is a `k` to `re`; the gate needs no exact table)."""
    return "".join(f"[{c}{c.upper()}\\x{{80}}-\\x{{10FFFF}}]" for c in word)


# The keyword prefilter in `re` reads ~10 MB/s: an (?i) alternation tried at every offset.
# Most files it runs on (prose, markup, other languages) hold no match; RE2 answers that at
# ~1 GB/s. The gate matches wherever the `re` pattern does (`\w` and `\s` widened to every
# non-ASCII character, see `textgate.gate_source`), so the lines found are `re`'s own.
_KEYWORD_GATE_SOURCE = (
    f"(?:{'|'.join(_any_case(w) for w in _KEYWORD_WORDS)})"
    + gate_source(r"""\w*['"\]]?\s*(?:[:=]|=>|!=)""")[0]
)


# RE2 programs that match wherever the `_PREFILTERS` pattern of the same plugin does, so a file
# none of them matches is passed over at RE2's speed and the lines found are still `re`'s own.
# The entropy prefilters use ASCII classes and quotes only, which RE2 reads as `re` does.
_GATES = {
    "Base64HighEntropyString": _PREFILTERS["Base64HighEntropyString"].pattern,
    "HexHighEntropyString": _PREFILTERS["HexHighEntropyString"].pattern,
    "KeywordDetector": _KEYWORD_GATE_SOURCE,
}


@lru_cache(maxsize=8)
def _gate(plugin: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    return re2.compile(_GATES[plugin], options)


def may_match(plugin: str, encoded: bytes) -> bool:
    """Can `plugin`'s prefilter match the text that is `encoded` (UTF-8, surrogatepass)?"""
    return _gate(plugin).search(encoded) is not None


# On ASCII text RE2 finds exactly the matches of the `_PREFILTERS` pattern (both engines take
# the leftmost match and, there, the one a backtracking search prefers): `re`'s `\w` and `\s`
# are spelled out as their ASCII members, `\v` and \x1c-\x1f included (`re` counts them as
# space, RE2's `\s` does not), and the keyword letters have no other ASCII case. Where a file
# passes the gate, `re` read the keyword pattern at ~10 MB/s, RE2 ~15x faster (equal starts
# on the 9,694 ASCII files of flask, werkzeug, Django and ansible-core).
_ASCII_SOURCES = {
    **_GATES,
    "KeywordDetector": rf"""(?i)(?:{"|".join(_KEYWORD_WORDS)})[A-Za-z0-9_]*['"\]]?"""
    r"""[\t\n\x0b\f\r \x1c-\x1f]*(?:[:=]|=>|!=)""",
}


@lru_cache(maxsize=8)
def _ascii_program(plugin: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    return re2.compile(_ASCII_SOURCES[plugin], options)


# The prefilters RE2 reads faster than `re` once a file has passed the gate. The entropy ones
# start with a quote, which `re` finds by a fast scan (~10 ms a MB), and the RE2 binding makes a
# Python match object per match (~8 us): 31k values on a generated file took 0.26 s, `re` 0.03.
_RE2_AFTER_GATE = frozenset({"KeywordDetector"})


class Prefilter:
    """The matches of `plugin`'s prefilter: the keyword one by RE2 on ASCII text, the rest
    (and non-ASCII text) by `re`."""

    __slots__ = ("plugin",)

    def __init__(self, plugin: str) -> None:
        self.plugin = plugin

    def finditer(self, text: str) -> Iterator[Any]:
        if text.isascii():
            if self.plugin in _RE2_AFTER_GATE:
                # As bytes, whose offsets are the characters' here: given a str, the re2
                # module converts offsets between characters and bytes around every match,
                # which made this ~4x slower on a 250 KB file.
                return iter(_ascii_program(self.plugin).finditer(text.encode("ascii")))
            return _PREFILTERS[self.plugin].finditer(text)
        # `re`, where RE2's gate (a match wherever `re` has one, on any text) starts a match.
        return gated_finditer(_PREFILTERS[self.plugin], _gate(self.plugin), text)


# The key or variable just before a value: `api_secret = "`, `"hmacKey": "`, `token: '`.
# The look-behind only skips starts inside a name, where the match one character earlier
# would have won anyway; `(?=(?P<rest>...))(?P=rest)` takes the rest of the name atomically
# (what follows a name is never a name character, so giving some back cannot help). Without
# both, the `$`-anchored search backtracked through every name and value before the one wanted.
_NAME_BEFORE = re.compile(
    r"""(?<![A-Za-z_$])([A-Za-z_$](?=(?P<rest>[\w$.-]*))(?P=rest))"""
    r"""["']?\s*(?:=|:|=>|:=|,)\s*\(?\s*[bru]?["'`]?\s*$"""
)


# KeywordDetector's config-file regexes sometimes capture the rest of a line (`key: str = "x"`
# yields `str = `); a value holding a quote or a spaced `=` is such a capture, not a secret.
_QUOTED_JUNK = re.compile(r"""["']|\s=|=\s""")
# Its YAML/INI regexes also keep a trailing comment (`password: s3cr3t  # prod`), which would
# make the value look like a phrase and hide the secret in front of it.
_TRAILING_COMMENT = re.compile(r"\s+#.*$")


class _Deferred(types.ModuleType):
    """Stands in for a module until one of its attributes is used, then imports it.

    detect-secrets' plugin base imports `requests` (and so urllib3, http.client, certifi) to
    verify secrets online, which we never ask of it: 70 ms of a one-file scan's ~0.4 s CPU;
    its collection module imports `multiprocessing` for its own parallel scan: ~15 ms more.
    `importlib.util.LazyLoader` cannot help on Python 3.11, whose `import` statement reads the
    module's `__spec__` and so loads it at once; this stand-in has a real `__spec__`. Any other
    attribute (`requests.get`, `requests.exceptions`, `__path__` for a submodule import) loads
    the real module, puts it in `sys.modules` and is served from it."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._load(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        # `import pkg.sub` sets `sub` on the parent it found in `sys.modules` (this stand-in,
        # which the import loaded through `__path__`): the real module needs it too.
        super().__setattr__(name, value)
        real = self.__dict__.get("_real")
        if real is not None:
            setattr(real, name, value)

    def _load(self) -> types.ModuleType:
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_real"] = real
        return real


def _defer(name: str) -> None:
    """Put a `_Deferred` stand-in for `name` in `sys.modules`, unless it is loaded already."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return  # not installed: detect-secrets' own import error will say so
    stand_in = _Deferred(name)
    stand_in.__spec__ = spec
    sys.modules[name] = stand_in


# Cached: the filters ask for it once per value, and an `import` statement of a loaded module
# still runs the import machinery (~2 us a value, ~0.2 s on a file of 31k values).
@lru_cache(maxsize=1)
def _heuristic() -> Any:
    """detect-secrets' heuristic filters module. Every path into detect-secrets comes through
    here, so the stand-ins are in place before its first import (the lock-file filter, asked
    first, imported it directly and so loaded `requests` after all)."""
    if "detect_secrets" not in sys.modules:
        # `multiprocessing` too: detect-secrets' own parallel scan uses it, ours never does
        # (a run that starts a pool imports it before this; see `runner.process_pool`).
        _defer("requests")
        _defer("multiprocessing")
    from detect_secrets.filters import heuristic

    return heuristic


def _import_detect_secrets(plugin: str = "") -> Any:
    """The detect-secrets module that defines `plugin` (all of them when not named), with its
    heuristic filters. The keyword plugin compiles dozens of regexes on import, and runs only
    on files no secretcheck reader understands: a Python file never needs it."""
    _heuristic()

    if plugin != "KeywordDetector":
        from detect_secrets.plugins import high_entropy_strings
    if plugin in ("", "KeywordDetector"):
        from detect_secrets.plugins import keyword

        return keyword
    return high_entropy_strings


@lru_cache(maxsize=16)
def _plugin(name: str, options: tuple[tuple[str, Any], ...]) -> Any:
    return getattr(_import_detect_secrets(name), name)(**dict(options))


def warm() -> None:
    _import_detect_secrets()


def _rejected_by_heuristics(secret: str, line: str, plugin: Any, whole: str | None = None) -> bool:
    """detect-secrets' per-value filters (its lock-file filter is per file: `_lock_file`),
    cheapest first. `line` may be a window of a long line; `whole` is the line itself, for the
    indirect-reference filter, which skips lines over 1000 characters (its regex is quadratic)
    and must see the real length to do so."""
    heuristic = _heuristic()
    return (
        heuristic.is_templated_secret(secret)
        or heuristic.is_prefixed_with_dollar_sign(secret)
        or heuristic.is_sequential_string(secret)
        or heuristic.is_not_alphanumeric_string(secret)
        or heuristic.is_potential_uuid(secret)
        or heuristic.is_likely_id_string(secret, line, plugin)
        or _indirect_reference(line if whole is None else whole)
    )


@lru_cache(maxsize=256)
def _indirect_reference(line: str) -> bool:
    """detect-secrets' `is_indirect_reference`, once per line (a line may hold many values),
    and only where its regex can match: it needs a `[` or `(` and a later `]` or `)`."""
    heuristic = _heuristic()
    if not (("[" in line or "(" in line) and ("]" in line or ")" in line)):
        return False
    return bool(heuristic.is_indirect_reference(line))


def _lock_file(filename: str) -> bool:
    return bool(_heuristic().is_lock_file(filename))


def _handles_config(display: str) -> bool:
    # Imported here: the config-file readers compile dozens of regexes, which a scan of Python
    # files alone never needs.
    from secretcheck.engines.keyvalue import handles_config

    return handles_config(display)


def supported(rule: RuleSpec) -> bool:
    return rule.plugin in _PREFILTERS


def _implausible(secret: str, line: str, plugin_name: str) -> bool:
    """secretcheck's own filters on top of detect-secrets': digests, ids, placeholders, words."""
    if benign_value(secret, line) is not None:
        return True
    if secret == secret.strip():
        # The unnamed benign_value above already ran every test of judge_value's named one.
        if judge_words(secret) is not None:
            return True
    elif judge_value(secret, "", line) is not None:
        return True
    if plugin_name == "KeywordDetector":
        return False
    # The name sits right before the value; a longer prefix only makes this `$`-anchored
    # search slower (it retries from every identifier character).
    column = max(line.find(secret), 0)
    window = line[max(0, column - 120) : column]
    # The name is part of the window: without "public" in it, only the hex rule needs the name
    # (a generated file's 40k values each paid ~15 us for this search).
    hex_rule = plugin_name == "HexHighEntropyString"
    before = _NAME_BEFORE.search(window) if hex_rule or "public" in window.lower() else None
    if before is not None and re.search(r"(?i)public|publishable", before.group(1)):
        return True  # RECAPTCHA_PUBLIC_KEY = "...": published by design
    if hex_rule:
        # Unnamed hex is a digest, a commit or an id far more often than a key: report hex only
        # when the key right before it is credential-like, and only at key length (32+).
        return len(secret) < 32 or before is None or credential_words(before.group(1)) is None
    # Random base64 of 20+ characters all but always mixes cases and digits; identifiers,
    # paths and words do not.
    kinds = charset(secret)
    return not ("lower" in kinds and "upper" in kinds and "digits" in kinds)


# The filters read the text around a value, not a whole line: on a minified 2 MB line holding
# thousands of values, a whole-line regex per value made the scan quadratic (and worse).
_NEAR = 160


def _near(line: str, column: int, length: int) -> str:
    """`line` itself when short, else the text up to `_NEAR` characters either side."""
    if len(line) <= 2 * _NEAR + length:
        return line
    return line[max(0, column - _NEAR) : column + length + _NEAR]


def _values(plugin: Any, display: str, line: str, number: int) -> list[str]:
    """The values a plugin reports on `line`, in line order.

    For the entropy plugins this is their own `analyze_line` without its wrapping: the same
    regex (`analyze_string`), the same entropy test and limit, duplicates dropped as its set
    of PotentialSecret would, but no object and hash per value, and no read of detect-secrets'
    settings singleton (which `BasePlugin.analyze_line` consults to decide on verification)."""
    if isinstance(plugin, _entropy_plugin()):
        values = dict.fromkeys(plugin.analyze_string(line))
        return [v for v in values if _above_limit(plugin, v)]
    found = plugin.analyze_line(filename=display, line=line, line_number=number)
    return [p.secret_value or "" for p in found]


# Far more than the rounding error of either sum (under 64 terms, each at most 0.53 bits).
_ENTROPY_MARGIN = 1e-9


def _above_limit(plugin: Any, value: str) -> bool:
    """`plugin.calculate_shannon_entropy(value) > plugin.entropy_limit`, the plugin's own test.

    Its loop over all 67 base64 characters (one `str.count` each) cost ~35 us a value, a
    second of CPU on a generated file of 31k tokens. `values.shannon_entropy` sums the same
    terms (the value's characters are all in the plugin's charset: its regex found it), is
    cached and is asked again by `describe` for every value reported; it decides every value
    further than `_ENTROPY_MARGIN` from the limit, and the plugin's own method the rest. A
    plugin that overrides the method (hex lowers all-digit values) always decides itself."""
    limit: float = plugin.entropy_limit
    if type(plugin).calculate_shannon_entropy is _entropy_plugin().calculate_shannon_entropy:
        ours = shannon_entropy(value)
        if abs(ours - limit) > _ENTROPY_MARGIN:
            return ours > limit
    return bool(plugin.calculate_shannon_entropy(value) > limit)


@lru_cache(maxsize=1)
def _entropy_plugin() -> Any:
    """detect-secrets' entropy plugin base class, imported once, not once per line."""
    from detect_secrets.plugins.high_entropy_strings import HighEntropyStringsPlugin

    return HighEntropyStringsPlugin


def _plugin_label(plugin: str) -> str:
    """`Base64HighEntropyString` as "Base64 High Entropy String": the output's redaction sweep
    takes a mixed-case run of letters and digits that long for a token and masked the name."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", plugin)


def candidate_lines(pattern: Prefilter | re.Pattern[str], text: str, index: LineIndex) -> list[int]:
    # `index.position(offset)[0]`, without a call and a tuple per match (31k of them on a
    # generated file of tokens): the line whose start is the last at or before the offset.
    starts = index.starts
    return sorted({bisect_right(starts, m.start()) for m in pattern.finditer(text)})


def run_detect_secrets(
    rules: Iterable[RuleSpec], text: str, display: str, index: LineIndex, kind: str = "text"
) -> Iterator[Hit]:
    """Hits of the detect-secrets plugins. Lock files, minified assets and i18n catalogs are
    skipped; the keyword plugin only runs on files no secretcheck reader understands (Python has
    the CST checks, config files and other languages the key/value engine)."""
    if benign_file(display) is not None:
        return
    keyword_elsewhere = kind == "python" or _handles_config(display)
    lock_file: bool | None = None  # asked only once a line needs a plugin: it imports them
    encoded: bytes | None = None
    for rule in rules:
        if not supported(rule) or (keyword_elsewhere and rule.plugin == "KeywordDetector"):
            continue
        if encoded is None:
            # Bytes: a decoded file may hold lone surrogates, which RE2's str path rejects.
            encoded = text.encode("utf-8", "surrogatepass")
        if not may_match(rule.plugin, encoded):
            continue
        numbers = candidate_lines(Prefilter(rule.plugin), text, index)
        if not numbers:
            continue
        if lock_file is None:
            lock_file = _lock_file(display)
        if lock_file:
            return
        plugin = _plugin(rule.plugin, tuple(sorted(rule.options.items())))
        for number in numbers:
            whole = index.line(number)
            after = 0  # values come in line order: look for each after the one before
            for value in _values(plugin, display, whole, number):
                secret = _TRAILING_COMMENT.sub("", value)
                column = whole.find(secret, after) if secret else -1
                if column < 0 and secret:
                    column = whole.find(secret)  # (not in order after all)
                if column < 0:
                    continue
                after = column + 1
                line = _near(whole, column, len(secret))
                if _rejected_by_heuristics(secret, line, plugin, whole):
                    continue
                if _QUOTED_JUNK.search(secret) or placeholder_reason(secret) is not None:
                    continue
                before = index.line(number - 1)[-80:] if number > 1 and line is whole else ""
                if _implausible(secret, before + line, rule.plugin):
                    continue
                span = Span(number, column + 1, number, column + 1 + len(secret))
                signals = (f"{_plugin_label(rule.plugin)}: {describe(secret)}",)
                yield Hit(rule.code, span, secret, signals=signals)
