"""The "why" of an entropy finding names the detect-secrets plugin readably: the output's
redaction sweep took `Base64HighEntropyString` for a token and printed `Base…[24 chars
redacted]`. The value itself stays redacted in every format."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

from click.testing import CliRunner

from secretcheck.cli import main


def test_an_entropy_findings_why_names_its_plugin_and_hides_the_value(tmp_path: Path) -> None:
    rnd = random.Random(3)  # a value built at run time, of letters and digits only
    value = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(44))
    app = tmp_path / "app"  # pytest's folder is named for the test: a test path, lowered
    app.mkdir()
    (app / "settings.py").write_text(f'blob = "{value}"\n', encoding="utf-8")
    text = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "text", str(app)])
    assert "why: Base64 High Entropy String: value: 44 chars" in text.output
    assert "redacted] value" not in text.output
    report = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", str(app)])
    (finding,) = [f for f in json.loads(report.output)["findings"] if f["rule_id"] == "SC401"]
    assert finding["signals"][0].startswith("Base64 High Entropy String: value: 44 chars")
    assert value not in text.output and value not in report.output
