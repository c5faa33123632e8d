"""The RE2 shortcuts of the CST file prefilter answer exactly what the slow tests answered.

`FileTerms` (one RE2 set pass) stands for listing a file's identifiers and lowering its text;
the gated prefilters run `re` from where their gate first matched instead of from 0. Both are
held to the old answers on generated text full of the shapes where they could differ (leading
digits, `_`, case, non-ASCII letters, lone surrogates), on this repository's own sources and on
a large generated file.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.engines.cst import TERMS
from secretcheck.python.credentials.prefilter import _HINT_LOWER, _hint_program
from secretcheck.python.registry import CHECKS
from secretcheck.python.taint.prefilter import (
    OTHER_ENTRY_POINTS,
    WEB_ENTRY_POINTS,
    SinkPrefilter,
    has_entry_point,
)

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PIECES = sorted({*TERMS.words, *TERMS.substrings, *(w.upper() for w in TERMS.substrings)})
_PIECES += ["9", "07", "_", "x", " ", ".", "(", "'", '"', "\n", "=", "\u00e9", "\u212a", "\udc80"]
_PIECES += ["Passwd", "PWD", "keys", "authToken", "conn_str", "SECRET_KEY"]
_PIECES += ["request.args", "import flask\n", "sys.argv", "def f(request", "@app.route('/<x>')"]
TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
ROOT = Path(__file__).resolve().parents[2]


def _old_terms(text: str) -> tuple[set[str], set[str]]:
    identifiers = set(_IDENTIFIER.findall(text))
    lowered = text.lower()
    return (
        {w for w in TERMS.words if w in identifiers},
        {s for s in TERMS.substrings if s in lowered},
    )


def _new_terms(text: str) -> tuple[set[str], set[str]]:
    words, substrings = TERMS.present(text)
    return (
        {w for w in TERMS.words if w in words},
        {s for s in TERMS.substrings if s in substrings},
    )


def _old_sink_search(prefilter: SinkPrefilter, text: str) -> tuple[int, int] | None:
    """`SinkPrefilter.search` as it was: every test from offset 0."""
    if not prefilter.gate.may_match(text):
        return None
    found = prefilter.methods.search(text)
    if found is None:
        found = prefilter.qualified.search(text)
        if found and prefilter.modules is not None and not prefilter.modules.search(text):
            found = None
    if found is None and prefilter.anchors is not None:
        found = prefilter.anchors.search(text)
    if found is None or (prefilter.requires is not None and not prefilter.requires.search(text)):
        return None
    return found.span()


def _old_entry_point(text: str, web: bool) -> bool:
    if any(p.search(text) for p in OTHER_ENTRY_POINTS):
        return True
    return web and any(p.search(text) for p in WEB_ENTRY_POINTS)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_file_terms_are_the_identifier_list_and_lowered_text(text: str) -> None:
    assert _new_terms(text) == _old_terms(text)


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_sink_prefilters_and_entry_points_find_what_they_found_from_0(text: str) -> None:
    for name, entry in CHECKS.items():
        if isinstance(entry.prefilter, SinkPrefilter):
            found = entry.prefilter.search(text)
            assert (found and found.span()) == _old_sink_search(entry.prefilter, text), name
    for web in (False, True):
        assert has_entry_point(text, web) == _old_entry_point(text, web)


def test_sink_prefilters_on_real_sources() -> None:
    sources = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("secretcheck/**/*.py"))]
    prefilters = {name: entry.prefilter for name, entry in CHECKS.items()
                  if isinstance(entry.prefilter, SinkPrefilter)}  # fmt: skip
    found = 0
    for text in sources:
        for name, prefilter in prefilters.items():
            span = _old_sink_search(prefilter, text)
            assert (m.span() if (m := prefilter.search(text)) else None) == span, name
            found += span is not None
    assert found > 20  # the engine's own sources name many sinks


def test_file_terms_on_real_sources_and_a_large_file() -> None:
    sources = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("secretcheck/**/*.py"))]
    assert len(sources) > 50
    for text in sources:
        assert _new_terms(text) == _old_terms(text)
    # ~2 MB: the automaton must not run out of memory (RE2 would then answer "no match").
    large = "".join(sources) * max(1, 2_000_000 // sum(map(len, sources)))
    found = _new_terms(large)
    assert found == _old_terms(large)
    assert {"execute", "open", "random", "assert"} <= found[0]


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_credential_hints_in_re2_are_re_s_matches(text: str) -> None:
    low = text.lower()
    if text.isascii():
        found = [m.span() for m in _hint_program().finditer(low.encode("ascii"))]
        assert found == [m.span() for m in _HINT_LOWER.finditer(low)]
