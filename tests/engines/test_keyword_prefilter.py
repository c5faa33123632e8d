"""The pattern engine's one-pass keyword prefilter finds exactly the keywords a substring scan
per keyword finds, so switching to it cannot change which rules run on a file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from secretcheck.engines.patterns import present_keywords
from secretcheck.examples import expand
from secretcheck.rulepacks import load_catalogue

PATTERN_RULES = [r for r in load_catalogue().active() if r.pattern is not None]
KEYWORDS = tuple(dict.fromkeys(k for r in PATTERN_RULES if r.pattern for k in r.pattern.keywords))
SOURCE = Path(__file__).resolve().parents[2] / "secretcheck"


def _naive(keywords: tuple[str, ...], lowered: str) -> frozenset[str]:
    return frozenset(k for k in keywords if k in lowered)


def _texts() -> list[str]:
    """Every rule's flag and pass examples (each holds its rule's keyword, or pointedly does
    not), this package's own sources, and random mixes of keywords with non-ASCII text."""
    texts = [expand(e.text, seed=e.text) for r in PATTERN_RULES for e in (*r.flag, *r.ok)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SOURCE.rglob("*.py"))]
    rng = random.Random(7)
    pieces = [*KEYWORDS, "é", "ß", "İ", "日本", " ", "\n", "x=", "'"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    return texts


def test_catalogue_has_many_keywords() -> None:
    # The point of the one-pass scan: hundreds of keywords, so a scan each would dominate.
    assert len(KEYWORDS) >= 300


@pytest.mark.parametrize("case", range(3), ids=["examples+sources", "lowered", "subsets"])
def test_one_pass_finds_what_substring_scans_find(case: int) -> None:
    mismatches = []
    for i, text in enumerate(_texts()):
        lowered = text.lower()
        keywords = KEYWORDS if case < 2 else KEYWORDS[i % 50 :: 3]
        probe = lowered if case >= 1 else text
        expected = _naive(keywords, probe)
        if present_keywords(keywords, probe) != expected:
            mismatches.append(i)
    assert mismatches == []


def test_examples_do_hold_keywords() -> None:
    # Guards the test above against comparing empty sets only.
    found = [present_keywords(KEYWORDS, expand(e.text, seed=e.text).lower())
             for r in PATTERN_RULES for e in r.flag]  # fmt: skip
    assert sum(1 for f in found if f) >= len(PATTERN_RULES)


def test_lone_surrogate_text_falls_back_to_substring_scans() -> None:
    text = "token = 'ghp_\udcff' # undecodable byte kept as a surrogate"
    assert present_keywords(KEYWORDS, text) == _naive(KEYWORDS, text)
    assert "ghp_" in present_keywords(KEYWORDS, text)


def test_no_keywords_no_matches() -> None:
    assert present_keywords((), "akia anything") == frozenset()
