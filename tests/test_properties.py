"""Hypothesis properties: never raise, stable fingerprints, order-independent results."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import leaky_files, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretcheck.api import collect, scan_candidates
from secretcheck.examples import expand
from secretcheck.findings import ScanResult
from secretcheck.pipeline import scan_candidate, scan_text
from secretcheck.settings import Settings
from secretcheck.sources import Candidate, discover

SETTINGS = Settings(use_cache=False)  # exercise the detectors, not the cache
FILENAMES = ["a.py", "config.yaml", ".env", "notes.txt", "settings.toml", "run.sh", "x.pyi"]
# Fragments that steer random text into the detectors' interesting paths.
FRAGMENTS = [
    "password = ", "token=", "api_key: ", "AKIA", "ghp_", "sk_live_", "eyJ", "-----BEGIN ",
    "PRIVATE KEY-----", "postgres://u:", "@host", "# secretcheck: ignore", "[SC101]",
    "pragma: allowlist secret", '"', "'", '"""', "(", ")", "{", "}", "\\", "\n", "\r\n", "\r",
    "\t", "\x0c", "\u2028", "\x00", "é", "def f(", "):", "    ", "os.environ['X']", "=", ":",
    expand("{{crc_token:ghp}}"), expand("{{alnum:40}}"), expand("{{hex:40}}"),
]  # fmt: skip
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join),
)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(FILENAMES))
def test_scanning_text_never_raises(text: str, filename: str) -> None:
    kind = "python" if filename.endswith((".py", ".pyi")) else "text"
    for finding in scan_text(text, filename, kind, SETTINGS):
        assert finding.span.line >= 1 and finding.span.column >= 1
        assert len(finding.fingerprint) == 32


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(st.binary(), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from(FILENAMES),
)
def test_scanning_any_bytes_in_a_file_never_errors(
    tmp_path: Path, data: bytes, filename: str
) -> None:
    path = tmp_path / filename
    path.write_bytes(data)
    result = scan_candidate(Candidate(str(path), filename), SETTINGS)
    assert result.error is None, result.error
    if result.skipped is not None:
        assert result.skipped.reason == "binary" and b"\0" in data


HARMLESS = st.sampled_from(
    # Whole statements only: a file that stops parsing changes which detectors run.
    ["", "x = 1", "# a comment", "import os", "print('hi')", "pass", "if x: y = 2", "z = (1,\n 2)"]
)
SECRET_LINES = [
    'AWS_ACCESS_KEY_ID = "{}"'.format(expand("AKIA{{upper:16}}")),
    'DB_PASSWORD = "{}"'.format(expand("{{password:14}}")),
    'token = "{}"'.format(expand("{{crc_token:ghp}}")),
    'token = "{}"'.format(expand("{{crc_token:ghp}}")),  # the same line twice: index matters
    'conn = connect(password="{}")'.format(expand("{{password:12}}")),
]


def fingerprints(text: str) -> list[tuple[str, str]]:
    findings = scan_text(text, "app.py", "python", SETTINGS)
    return sorted((f.rule_id, f.fingerprint) for f in findings)


@settings(max_examples=100, deadline=None)
@given(st.lists(HARMLESS, max_size=20), st.lists(HARMLESS, max_size=20))
def test_lines_added_above_or_below_keep_fingerprints(above: list[str], below: list[str]) -> None:
    body = "\n".join(SECRET_LINES) + "\n"
    before = fingerprints(body)
    assert len(before) == len(SECRET_LINES)
    assert len({fp for _, fp in before}) == len(before)  # identical lines still differ
    edited = "".join(line + "\n" for line in above) + body + "".join(f"{x}\n" for x in below)
    assert fingerprints(edited) == before


def tree_candidates(root: Path) -> list[Candidate]:
    old = Path.cwd()
    os.chdir(root)
    try:
        found, _ = discover(["."], [])
    finally:
        os.chdir(old)
    return [replace(c, path=str(root / c.display)) for c in found]


def comparable(result: ScanResult) -> object:
    return (
        [f.to_dict() for f in result.findings],
        result.skipped,
        result.errors,
        result.files_scanned,
        result.lines_scanned,
    )


def make_tree(root: Path, packages: int) -> Path:
    files: dict[str, str | bytes] = {}
    for seed in range(packages):
        files.update({f"p{seed}/{k}": v for k, v in leaky_files(seed).items()})
    return write_tree(root, files)


@pytest.fixture(scope="module")
def three_packages(tmp_path_factory: pytest.TempPathFactory) -> list[Candidate]:
    return tree_candidates(make_tree(tmp_path_factory.mktemp("order"), 3))


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_file_order_does_not_change_results(
    three_packages: list[Candidate], rng: random.Random
) -> None:
    one_worker = replace(SETTINGS, jobs=1)
    expected = comparable(collect(scan_candidates(three_packages, one_worker)))
    shuffled = list(three_packages)
    rng.shuffle(shuffled)
    assert comparable(collect(scan_candidates(shuffled, one_worker))) == expected


def test_process_pool_gives_the_same_results_as_one_worker(tmp_path: Path) -> None:
    candidates = tree_candidates(make_tree(tmp_path, 5))
    assert len(candidates) >= 24  # api.POOL_THRESHOLD: the pool really runs
    one = collect(scan_candidates(candidates, replace(SETTINGS, jobs=1)))
    two = collect(scan_candidates(list(reversed(candidates)), replace(SETTINGS, jobs=2)))
    assert comparable(one) == comparable(two)
    assert len(one.findings) == 5 * 6
