"""The accuracy corpus stays consistent: labels match markers, templates expand, sizes hold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _runner():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("acc_run", ROOT / "benchmarks/accuracy/run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labels_match_the_corpus_markers(tmp_path: Path) -> None:
    run = _runner()
    labels = run.materialize(tmp_path)
    assert labels == run.read_labels(), "run benchmarks/accuracy/run.py --write-labels"
    secrets = [lb for lb in labels if lb[2] == "secret"]
    assert len(labels) >= 400 and len(secrets) >= 150 and len(labels) - len(secrets) >= 200
    types = {p.suffix or p.name for p in (ROOT / "benchmarks/accuracy/corpus").rglob("*")}
    assert len(types) >= 20
    materialized = "".join(p.read_text() for p in tmp_path.rglob("*") if p.is_file())
    assert "{{" not in materialized.replace("{{ ", "").replace("${{", "")
    assert "⟪" not in materialized
