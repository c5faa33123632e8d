"""The RE2 gate in front of a prefilter never hides a match Python's `re` would find.

`GatedPattern` answers "no match" from RE2 and leaves every match to `re`; these tests hold the
gate to that: on generated text full of the characters where the two engines differ (Unicode
letters, digits and spaces, `\\v` and `\\x1c`, non-ASCII case pairs, lone surrogates), whatever
`re` finds, the gate lets through, for every gated prefilter of the registry and for patterns
built to stress each widened escape.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.python.credentials.prefilter import LoweredPattern
from secretcheck.python.registry import CHECKS, TaintEntry
from secretcheck.python.taint.check import line_matcher
from secretcheck.python.textgate import (
    GatedPattern,
    gate_source,
    gated_finditer,
    without_lookarounds,
)


def _gated() -> dict[str, GatedPattern]:
    found: dict[str, GatedPattern] = {}
    for name, entry in CHECKS.items():
        prefilter = entry.prefilter
        parts = (prefilter, getattr(prefilter, "first", None), *getattr(prefilter, "others", ()),
                 getattr(prefilter, "sinks", None), getattr(prefilter, "gate", None))  # fmt: skip
        for part in parts:
            if isinstance(part, LoweredPattern):
                part = part.pattern
            if isinstance(part, GatedPattern):
                found[f"{name}:{len(found)}"] = part
    return found


GATED = _gated()
STRESS = {
    "word": GatedPattern(r"\bkey\w+\s*=\s*\d+"),
    "class": GatedPattern(r"[\w-]{2,}\s[^'\n]{2}x"),
    "negated": GatedPattern(r"[^\s\w]{2}end"),
    "fold": GatedPattern(r"(?i)kelvin|straße"),
    "upper": GatedPattern(r"\W\S\D\Bz"),
}
# Characters where `re` (Unicode) and RE2 (ASCII classes, its own folding) may disagree.
TRICKY = "\u00e9\u0663\u00a0\u3000\u2028\x0b\x1c\x1f\x85\u212a\u017f\u0130\u00df\udc80"
ALPHABET = st.sampled_from(list("key= \t\n'\"-_x1zendKELVINstraße") + list(TRICKY))


def test_the_registry_prefilters_are_gated() -> None:
    # The dangerous-API and configuration checks run on every Python file: they must be gated.
    names = {key.split(":")[0] for key in GATED}
    assert {"weak-crypto-api", "deserialization-api", "cleartext-transport", "xxe-api",
            "tls-verification", "credential-sinks", "sql-injection", "xss"} <= names  # fmt: skip


@pytest.mark.parametrize("name", sorted(GATED) + sorted(STRESS))
@settings(max_examples=150, deadline=None)
@given(text=st.text(ALPHABET, max_size=40))
def test_gate_lets_every_re_match_through(name: str, text: str) -> None:
    pattern = GATED.get(name) or STRESS[name]
    for variant in (text, f"key = {text}", f"{text}end", f"KEY{text}=42", f"x.{text}(\n{text}"):
        if pattern.regex.search(variant):
            assert pattern.may_match(variant), (name, variant)
        # `re` runs from where the gate first matched: the very matches it finds from 0.
        found = pattern.search(variant)
        expected = pattern.regex.search(variant)
        assert (found and found.span()) == (expected and expected.span()), (name, variant)
        spans = [m.span() for m in pattern.finditer(variant)]
        assert spans == [m.span() for m in pattern.regex.finditer(variant)], (name, variant)
        first = pattern.first(variant)  # `re` only where the gate starts a match
        assert (first and first.span()) == (expected and expected.span()), (name, variant)


def test_widened_escapes_match_what_re_matches() -> None:
    source, ascii_only = gate_source(r"a\s=\d[\w.]")
    assert not ascii_only and r"\x{80}-\x{10FFFF}" in source
    assert gate_source(r"[^\s]x")[1] and gate_source(r"\Sx")[1]
    for text in ("a\x0b=\u0663\u00e9", "a\u3000=1x", "a\x1c=2_"):
        assert re.search(r"a\s=\d[\w.]", text)
        assert GatedPattern(r"a\s=\d[\w.]").may_match(text)


def test_gate_says_no_where_neither_matches() -> None:
    # The point of the gate: most files are rejected without `re`.
    weak_crypto = GATED[next(k for k in GATED if k.startswith("weak-crypto-api"))]
    assert not weak_crypto.may_match("def checksum(data):\n    return len(data)\n")


@pytest.mark.parametrize("name", sorted(GATED) + sorted(STRESS))
@settings(max_examples=150, deadline=None)
@given(text=st.text(ALPHABET, max_size=40))
def test_gated_finditer_finds_what_finditer_finds(name: str, text: str) -> None:
    pattern = GATED.get(name) or STRESS[name]
    gate = pattern._program()
    if pattern._ascii_only:  # its gate is a superset on ASCII text only
        return
    for variant in (text, f"key = {text}", f"{text}end"):
        expected = [m.span() for m in pattern.regex.finditer(variant)]
        assert [m.span() for m in gated_finditer(pattern.regex.compiled, gate, variant)] == expected


def test_gated_finditer_keeps_finditer_s_empty_matches() -> None:
    for source, text in ((r"a*", "baab\u00e9a"), (r"x?$", "ab\u00e9"), (r"\b", "ab c\u00e9")):
        regex = re.compile(source)
        gate = GatedPattern(source)._program()
        expected = [m.span() for m in regex.finditer(text)]
        assert [m.span() for m in gated_finditer(regex, gate, text)] == expected


def test_without_lookarounds_keeps_classes_escapes_and_the_rest() -> None:
    assert without_lookarounds(r"(?<!def )(?:(?<=\.)(?:a|b)\s*\(|c\()(?!\s*\)|(?:'x')\s*[,)])") == (
        r"(?:(?:a|b)\s*\(|c\()"
    )
    assert without_lookarounds(r"x[(?!]y(?=z)") == r"x[(?!]y"  # `(?!` inside a class is text
    assert without_lookarounds(r"a\(?!b(?<=q(r)s)t") == r"a\(?!bt"  # an escaped `(`
    assert without_lookarounds(r"[]()](?!x)[^](?=]y") == r"[]()][^](?=]y"  # a leading `]`
    assert without_lookarounds(r"(?P<name>a)(?:b)") == r"(?P<name>a)(?:b)"


# The taint rules' sink-call line patterns, gated by RE2 without their lookarounds.
LINE_MATCHERS = {name: line_matcher(entry.lines) for name, entry in CHECKS.items()
                 if isinstance(entry, TaintEntry)}  # fmt: skip
CALL_TOKENS = st.sampled_from(["execute", "redirect", "get", "open", "system", "text", "loads",
                               "requests", "os", "subprocess.run", "def ", "(", ")", ".", " ",
                               "\n", "'x'", '"', ",", "=", "\u00e9", "\u3000", "_"])  # fmt: skip


# A sink call of each taint rule, for the generated text around it.
SINK_CALLS = ("cursor.execute(q)", "os.system(cmd)", "eval(code)", "pickle.loads(data)",
              "open(path)", "requests.get(url)", "make_response(body)", "Template(source)",
              "etree.fromstring(xml)", "redirect(target)")  # fmt: skip


def test_the_taint_line_patterns_are_gated() -> None:
    assert LINE_MATCHERS and all(isinstance(m, GatedPattern) for m in LINE_MATCHERS.values())
    # every rule's line pattern finds one of the calls the property test below puts in text
    assert all(any(m.regex.search(call) for call in SINK_CALLS) for m in LINE_MATCHERS.values())


@pytest.mark.parametrize("name", sorted(LINE_MATCHERS))
@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(CALL_TOKENS, max_size=30))
def test_line_gate_hides_no_sink_call(name: str, tokens: list[str]) -> None:
    matcher = LINE_MATCHERS[name]
    assert isinstance(matcher, GatedPattern)
    text = "".join(tokens)
    calls = (f"{text}{call}{text}" for call in SINK_CALLS)
    for variant in (text, f"x.{text}", f"{text}(user)\n", f"requests.{text}('a', b)", *calls):
        expected = [m.span() for m in matcher.regex.finditer(variant)]
        assert [m.span() for m in matcher.finditer(variant)] == expected, (name, variant)
        found = matcher.search(variant)
        assert (found and found.span()) == (expected[0] if expected else None), (name, variant)


def test_first_tries_a_bounded_number_of_near_misses_then_searches() -> None:
    # `(?<!x)open\(`: the gate (`open\(`) matches every `xopen(`, where `re` fails
    pattern = GatedPattern(r"(?<!x)open\(", r"open\(")
    for misses in (0, 5, 31, 32, 33, 200):
        text = "xopen(" * misses + " open(" + "xopen("
        found = pattern.first(text)
        assert found is not None and found.start() == misses * 6 + 1
        assert pattern.first("xopen(" * misses) is None
    assert pattern.first("\u00e9 xopen( open(") is not None  # not ASCII: `search` itself
