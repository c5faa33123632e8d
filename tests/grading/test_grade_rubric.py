"""The rubric is data; a typo in it is an error that names the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from secretcheck.cli import main
from secretcheck.findings import Confidence, Finding, Severity, Span
from secretcheck.grading.rubric import RubricError, load_rubric, parse_rubric

RUBRIC = Path(__file__).parents[2] / "rules" / "rubric.toml"


def _finding(code: str, category: str) -> Finding:
    return Finding(code, "r", category, "CWE-1", Severity.HIGH, Confidence.HIGH, "a.py",
                   Span(1, 1, 1, 2), "m", "s")  # fmt: skip


def test_packaged_rubric_loads_and_adds_to_100() -> None:
    rubric = load_rubric()
    assert sum(d.max for d in rubric.dimensions) == 100
    assert [d.id for d in rubric.dimensions] == ["secrets", "injection", "configuration", "hygiene"]


def test_mapping_by_category_then_prefix_and_diagnostics_ignored() -> None:
    rubric = load_rubric()
    assert rubric.dimension_of(_finding("SC101", "secret")) == "secrets"
    assert rubric.dimension_of(_finding("SC207", "sql-injection")) == "injection"
    assert rubric.dimension_of(_finding("SC520", "tls")) == "configuration"
    assert rubric.dimension_of(_finding("SC250", "repo-hygiene")) == "secrets"  # category wins
    assert rubric.dimension_of(_finding("SC901", "diagnostic")) is None


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("low_weight = 0.25", "low_wieght = 0.25", "weights.low_wieght"),
        ("max = 35", "max = 36", "dimensions"),
        (
            'dimension = "secrets"\npoints = 3.0',
            'dimension = "secretz"\npoints = 3.0',
            "signals.env-secret-read.dimension",
        ),
        ("high = { high = 12.0,", 'high = { high = "a lot",', "deductions.high.high"),
        ('configuration = ["tls"', 'nowhere = ["tls"', "mapping.categories.nowhere"),
    ],
)
def test_bad_rubric_names_the_key(old: str, new: str, key: str) -> None:
    text = RUBRIC.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(RubricError, match=f"key '{key}"):
        parse_rubric(text.replace(old, new, 1), "rubric.toml")


def test_cli_rejects_a_broken_rubric_with_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "rubric.toml"
    broken.write_text("version = 2\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    result = CliRunner().invoke(main, ["grade", "--rubric", str(broken), str(tmp_path / "sub")])
    assert result.exit_code == 2
    assert "key 'version'" in result.output


def test_every_signal_in_code_is_in_the_rubric_and_back() -> None:
    import re

    import secretcheck.grading as grading
    from secretcheck.grading.repo import GITIGNORE_PROBES
    from secretcheck.grading.signals import PY_CHECKS

    folder = Path(grading.__file__).parent
    in_code = set(PY_CHECKS) | set(GITIGNORE_PROBES) | {"weak-secret-fallback"}
    for module in folder.glob("*.py"):
        in_code |= set(re.findall(r'Signal\(\s*"([a-z-]+)"', module.read_text(encoding="utf-8")))
    assert in_code == set(load_rubric().signals)
