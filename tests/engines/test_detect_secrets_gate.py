"""The RE2 gates in front of detect-secrets' prefilters never hide a line Python's `re` would
pick, so the plugins see the same lines with the gates as without them.

The gate spells the keywords' letters in either case or as any non-ASCII character (where
`re`'s IGNORECASE folds the Kelvin sign to `k` and the long s to `s`) and widens `\\w` and `\\s`;
generated text full of such characters holds it to "wherever `re` matches, the gate does".
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.engines.detect_secrets_adapter import _PREFILTERS, Prefilter, may_match

KEYWORD = _PREFILTERS["KeywordDetector"]


def _may_hold_keyword(text: str) -> bool:
    return may_match("KeywordDetector", text.encode("utf-8", "surrogatepass"))


TRICKY = "\u212a\u017f\u0130\u0131\u00e9\u0663\u00a0\u3000\u2028\x0b\x1c\x85\udc80"
PIECES = st.sampled_from([*"keyKEYpasPASwdtonuhcr=:!>'\"] \t\nx_", "token", "KEY", "pass", *TRICKY])


@settings(max_examples=400, deadline=None)
@given(text=st.lists(PIECES, max_size=30).map("".join))
def test_gate_lets_every_re_match_through(text: str) -> None:
    if KEYWORD.search(text):
        assert _may_hold_keyword(text)


def test_gate_folds_like_re() -> None:
    # `re` matches the Kelvin sign for k and the long s for s under IGNORECASE; so must the gate.
    for text in ("\u212aey = 1", "pa\u017f\u017fword: x", "AUTH_TOKEN => 'v'", "contrase\u00f1a="):
        assert KEYWORD.search(text), text
        assert _may_hold_keyword(text), text


def test_gate_says_no_where_nothing_can_match() -> None:
    # The point of the gate: prose without a keyword assignment is answered by RE2 alone.
    assert not _may_hold_keyword("Install the package, then read the tutorial.\n" * 50)
    assert not _may_hold_keyword("the key point is this\n")


QUOTED = st.sampled_from([*"'\"aA0f9+/=_-zZ \n", "deadbeef", "0123456789abcdef", *TRICKY])


@pytest.mark.parametrize("plugin", ["Base64HighEntropyString", "HexHighEntropyString"])
@settings(max_examples=300, deadline=None)
@given(text=st.lists(QUOTED, max_size=40).map("".join))
def test_entropy_gates_let_every_re_match_through(plugin: str, text: str) -> None:
    if _PREFILTERS[plugin].search(text):
        assert may_match(plugin, text.encode("utf-8", "surrogatepass"))


def test_entropy_gates_find_quoted_runs() -> None:
    text = 'x = "' + "0123456789abcdef" * 2 + '"\n'
    for plugin in ("Base64HighEntropyString", "HexHighEntropyString"):
        assert _PREFILTERS[plugin].search(text)
        assert may_match(plugin, text.encode())
    assert not may_match("HexHighEntropyString", b'x = "short"\n')


ASCII = st.sampled_from(
    [*"keyKEYpasPASwdtonuhcr=:!>'\"] \t\n\r\x0b\x0c\x1c\x1fx_09aAf+/-", "token", "0123456789abcdef"]
)


@pytest.mark.parametrize("plugin", sorted(_PREFILTERS))
@settings(max_examples=300, deadline=None)
@given(text=st.lists(ASCII, max_size=40).map("".join))
def test_ascii_text_gets_re_s_matches_from_re2(plugin: str, text: str) -> None:
    """On ASCII text the prefilter runs in RE2; it must find the very matches `re` finds."""
    expected = [(m.start(), m.end()) for m in _PREFILTERS[plugin].finditer(text)]
    assert [(m.start(), m.end()) for m in Prefilter(plugin).finditer(text)] == expected


def test_non_ascii_text_is_left_to_re() -> None:
    text = "\u212aey = 1\npa\u017f\u017f: x\n"
    expected = [m.start() for m in KEYWORD.finditer(text)]
    assert expected  # the folds only `re` makes
    assert [m.start() for m in Prefilter("KeywordDetector").finditer(text)] == expected


def test_ascii_keyword_lines_are_found() -> None:
    text = "API_KEY = 'x'\nname = 1\npassword:\x0b y\nauth_token => z\n"
    starts = [m.start() for m in Prefilter("KeywordDetector").finditer(text)]
    assert starts == [m.start() for m in KEYWORD.finditer(text)]
    assert len(starts) == 3


# Where `re` and RE2 may read text differently: non-ASCII letters, digits and spaces, case
# pairs `re` folds (Kelvin sign, long s, dotted I), a lone surrogate.
_ODD = "\u212a\u017f\u0130\u0131\u00e9\u0663\u00a0\u3000\u2028\x85\udc80"
ODD_PIECES = st.sampled_from([*_ODD, "\u212aey", "pa\u017f\u017f"])


@pytest.mark.parametrize("plugin", sorted(_PREFILTERS))
@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(ASCII, ODD_PIECES), max_size=40).map("".join))
def test_other_text_gets_re_s_matches_where_the_gate_starts_one(plugin: str, text: str) -> None:
    """Elsewhere `re` is tried only where RE2's gate starts a match: the very same matches."""
    expected = [(m.start(), m.end()) for m in _PREFILTERS[plugin].finditer(text)]
    assert [(m.start(), m.end()) for m in Prefilter(plugin).finditer(text)] == expected
