"""Combine the name, value and use signals into one verdict for a (name, value) pair.

Used by the Python checks and the config-file engine alike, so a `password` in `settings.py`
and one in `config.yaml` are judged the same way. A verdict carries the signals that fired (for
the report) and a confidence; it never carries the value itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.analysis.names import WEAK_KEY, credential_words
from secretcheck.analysis.values import (
    benign_value,
    charset,
    describe,
    is_enum_word,
    is_uuid,
    shannon_entropy,
)
from secretcheck.findings import Confidence

# Credentials people choose (and so may be plain words); tokens and keys are generated.
_HUMAN_CHOSEN = frozenset({"password", "passwd", "pwd", "pass", "passphrase", "pw", "psw", "pword"})


@dataclass(frozen=True, slots=True)
class Verdict:
    signals: tuple[str, ...]
    confidence: Confidence


def strength(value: str) -> int:
    """0 weak (short or one character class), 1 plausible, 2 random-looking."""
    classes = charset(value).count("+") + 1
    entropy = shannon_entropy(value)
    if len(value) >= 16 and entropy >= 3.5 and (classes >= 2 or charset(value) == "hex"):
        return 2
    if len(value) >= 8 and (classes >= 2 or entropy >= 3.0):
        return 1
    return 0


def judge_value(value: str, key: str = "", line: str = "") -> str | None:
    """Why `value` is not a credential, whatever its name, or None when it may be one."""
    reason = judge_words(value, key)
    if reason is not None:
        return reason
    return benign_value(value.strip(), line, named=True)


def judge_words(value: str, key: str = "") -> str | None:
    """judge_value without the line: placeholders, phrases, messages, enum words."""
    reason = placeholder_reason(value, key)
    if reason is not None:
        return reason
    stripped = value.strip()
    if " " in stripped and stripped.endswith((":", "?", "!", ".")):
        return "prompt or message"
    if " " in stripped and ("%s" in stripped or "%(" in stripped):
        return "format string"
    if " " in stripped and all(w.isalpha() for w in stripped.replace(".", "").split()):
        return "phrase"
    if is_enum_word(stripped):
        return "enum-like word"
    return None


def judge_named(
    name: str, value: str, line: str = "", sink: str = "", context_word: str = "",
    *, api_key: bool = False,
) -> Verdict | None:
    """A verdict for `value` stored under `name` (and maybe passed to `sink`), or None.
    `api_key`: the sink is an API that takes the value as its secret (`credential_sinks`)."""
    words = context_word or credential_words(name)
    if words is None and not sink:
        return None
    if judge_value(value, name, line) is not None:
        return None
    if words == WEAK_KEY and (strength(value.strip()) < 2 or is_uuid(value.strip())):
        return None
    bare = value.strip().lstrip("#@:.-_")  # `token == "#bygroup"`: a marker, not a token
    if words not in _HUMAN_CHOSEN and bare.isalpha() and bare.islower() and not api_key:
        # `input_token = "marker"`: a token or key is never one lower-case word; passed to a
        # signing API (`AuthTktAuthenticationPolicy("sosecret")`), the word is the key
        return None
    signals = []
    if words:
        signals.append(f"name: {name} ({words})")
    signals.append(describe(value.strip()))
    if sink:
        signals.append(f"sink: {sink}")
    score = strength(value.strip()) + (1 if sink else 0) + (1 if words else 0)
    confidence = (
        Confidence.HIGH if score >= 3 else Confidence.MEDIUM if score >= 1 else Confidence.LOW
    )
    return Verdict(tuple(signals), confidence)
