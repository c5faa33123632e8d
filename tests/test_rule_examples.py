"""Every rule's own flag/pass examples, one test each: `pytest -k SC301` runs one rule."""

from __future__ import annotations

import pytest

from secretcheck.api import scan_text
from secretcheck.examples import expand
from secretcheck.rulepacks import Example, RuleSpec, load_catalogue

CATALOGUE = load_catalogue()


def _cases() -> list[object]:
    cases = []
    for rule in CATALOGUE.active():
        for kind, examples in (("flag", rule.flag), ("pass", rule.ok)):
            for i, example in enumerate(examples):
                cases.append(pytest.param(rule, kind, example, id=f"{rule.code}-{kind}-{i}"))
    return cases


def _codes_seen(example: Example) -> set[str]:
    result = scan_text(expand(example.text, seed=1), example.filename)
    return {code for f in result.findings for code in (f.rule_id, *f.also)}


@pytest.mark.parametrize(("rule", "kind", "example"), _cases())
def test_rule_example(rule: RuleSpec, kind: str, example: Example) -> None:
    seen = _codes_seen(example)
    if kind == "flag":
        assert rule.code in seen, f"{rule.code} did not fire on its flag example"
    else:
        assert rule.code not in seen, f"{rule.code} fired on its pass example"


@pytest.mark.parametrize("rule", CATALOGUE.active(), ids=lambda r: r.code)
def test_rule_has_two_examples_each_way(rule: RuleSpec) -> None:
    assert len(rule.flag) >= 2 and len(rule.ok) >= 2
    assert rule.docs.what.strip() and rule.docs.why.strip() and rule.docs.references
