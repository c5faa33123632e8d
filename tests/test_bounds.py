"""Bounded work (issue 9): CPU budgets, failures as values, exit 3, reads that never block.

Anything that could hang runs the real CLI in a subprocess with a timeout, so a regression
fails the test instead of stalling the suite. Fake secrets are made from templates at run time.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli, write_tree

import secretcheck.pipeline
from secretcheck.examples import expand
from secretcheck.findings import Skipped
from secretcheck.runner import worker_count as _worker_count
from secretcheck.settings import Settings
from secretcheck.sources import Candidate, read_source

CLI = [sys.executable, "-c", "from secretcheck.cli import main; main()"]
AWS_KEY = "AKIA{{upper:16}}"
PASSWORD = "{{password:14}}"


def run_real(
    args: list[str], cwd: Path, timeout: float = 60
) -> tuple[subprocess.CompletedProcess[str], float]:
    """The real CLI in its own process; also returns the CPU seconds (user + system) it used,
    which a loaded machine does not inflate the way it inflates wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, cpu


def leaky_module(seed: int = 0) -> str:
    """A module with a text-detector finding (SC301, line 2) and a syntax-tree one (SC101)."""
    key, password = expand(AWS_KEY, seed), expand(PASSWORD, seed)
    return f'import os\nAWS_KEY_ID = "{key}"\ndb_password = "{password}"\n'


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail (not stall) an in-process test that blocks for 20 s."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- the per-file CPU budget -----------------------------------------------------------------


def test_past_the_budget_a_file_keeps_its_text_findings_and_is_listed(tmp_path: Path) -> None:
    write_tree(tmp_path, {".secretcheck.toml": "file-budget = 1e-9\n", "app.py": leaky_module()})
    result = run_cli("scan", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    report = result.json()
    assert {(f["line"], f["rule_id"]) for f in report["findings"]} == {(2, "SC301")}
    assert [(p["path"], p["reason"]) for p in report["partial"]] == [("app.py", "budget")]
    assert report["summary"]["partial"] == 1 and report["errors"] == []
    text = run_cli("scan", "--no-cache", ".", cwd=tmp_path).stdout
    assert "partial: app.py: syntax-tree checks stopped after 1e-09 s of CPU time" in text


def test_within_the_budget_nothing_is_partial(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app.py": leaky_module()})
    report = run_cli("scan", "--no-cache", "--format", "json", ".", cwd=tmp_path).json()
    assert {f["rule_id"] for f in report["findings"]} == {"SC301", "SC101"}
    assert report["partial"] == []


@pytest.mark.parametrize("value", ["-1", '"5"', "true", "1e9"])
def test_bad_file_budget_is_a_config_error(tmp_path: Path, value: str) -> None:
    write_tree(tmp_path, {".secretcheck.toml": f"file-budget = {value}\n", "a.py": "x = 1\n"})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "key 'file-budget'" in result.stderr


# --- failures are values: exit 3 -------------------------------------------------------------


def test_a_failing_detector_keeps_the_text_findings_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A detector bug cannot be produced on demand from input once it is fixed, so the libcst
    # stage is replaced by one that fails; everything else is the real CLI and pipeline.
    def broken(*args: object, **kwargs: object) -> list[object]:
        raise ZeroDivisionError

    monkeypatch.setattr(secretcheck.pipeline, "run_cst", broken)
    write_tree(tmp_path, {"app.py": leaky_module(), "other.py": leaky_module(1)})
    result = run_cli("scan", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert result.exit_code == 3
    report = result.json()
    assert {(f["path"], f["rule_id"]) for f in report["findings"]} == {
        ("app.py", "SC301"),
        ("other.py", "SC301"),
    }
    assert [e["path"] for e in report["errors"]] == ["app.py", "other.py"]
    assert all("ZeroDivisionError" in e["message"] for e in report["errors"])
    assert {p["reason"] for p in report["partial"]} == {"internal-error"}
    assert report["summary"]["files_scanned"] == 2
    assert "scan error: app.py" in result.stderr


def test_jobs_are_capped_at_the_core_count() -> None:
    cores = os.cpu_count() or 1
    assert _worker_count(Settings(jobs=100000), 1000) == cores
    assert _worker_count(Settings(jobs=1), 1000) == 1
    assert _worker_count(Settings(jobs=0), 1000) == cores


# --- size caps -------------------------------------------------------------------------------


def test_a_huge_size_cap_allocates_nothing_up_front(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {".secretcheck.toml": 'max-file-size = "100G"\n', "app.py": leaky_module()}
    )
    done, _ = run_real(["scan", "--no-cache", "."], tmp_path)
    assert done.returncode == 1, done.stderr
    assert "MemoryError" not in done.stderr


def test_an_absurd_size_cap_is_a_config_error_naming_the_key(tmp_path: Path) -> None:
    write_tree(tmp_path, {".secretcheck.toml": f'max-file-size = "{"9" * 40}G"\n', "a.py": ""})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "key 'max-file-size'" in result.stderr and "Overflow" not in result.stderr


# --- H3: reads never block, never leave the root -----------------------------------------------


@pytest.mark.parametrize("flag", [["-o"], ["--baseline"]])
def test_a_fifo_as_report_or_baseline_is_a_clear_error(tmp_path: Path, flag: list[str]) -> None:
    write_tree(tmp_path, {"a.py": "x = 1\n"})
    os.mkfifo(tmp_path / "pipe")
    done, _ = run_real(["scan", "--no-cache", *flag, "pipe", "a.py"], tmp_path, timeout=30)
    assert done.returncode == 2
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_a_device_as_baseline_is_a_clear_error(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "x = 1\n"})
    done, _ = run_real(["scan", "--baseline", "/dev/zero", "a.py"], tmp_path, timeout=30)
    assert done.returncode == 2
    assert "not a regular file" in done.stderr


def test_a_file_swapped_for_a_fifo_after_discovery_is_skipped(
    tmp_path: Path, no_hang: None
) -> None:
    os.mkfifo(tmp_path / "swapped.py")
    found = read_source(Candidate(str(tmp_path / "swapped.py"), "swapped.py"), 1 << 20)
    assert isinstance(found, Skipped) and found.reason == "not-a-file"


def test_a_file_swapped_for_a_symlink_after_discovery_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(leaky_module())
    root = tmp_path / "root"
    root.mkdir()
    (root / "app.py").symlink_to(outside)
    candidate = Candidate(str(root / "app.py"), "app.py", root=str(root.resolve()))
    found = read_source(candidate, 1 << 20)
    assert isinstance(found, Skipped) and found.reason == "not-a-file"


def test_a_parent_swapped_for_a_symlink_out_of_the_root_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "app.py").write_text(leaky_module())
    root = tmp_path / "root"
    root.mkdir()
    (root / "pkg").symlink_to(outside)
    candidate = Candidate(str(root / "pkg" / "app.py"), "pkg/app.py", root=str(root.resolve()))
    found = read_source(candidate, 1 << 20)
    assert isinstance(found, Skipped) and found.reason == "symlink-outside-root"


def test_a_symlink_loop_in_the_tree_is_listed_not_a_crash(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app.py": leaky_module()})
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    done, _ = run_real(["scan", "--no-cache", "--format", "json", "."], tmp_path)
    assert done.returncode == 1, done.stderr
    assert "RuntimeError" not in done.stderr

    skipped = {(s["path"], s["reason"]) for s in json.loads(done.stdout)["skipped"]}
    assert skipped == {("a", "symlink-loop"), ("b", "symlink-loop")}


# Root reads every file whatever its mode, through two capabilities; without them, permission
# bits apply to root as to anyone (it owns the test's files, so it can still run Python).
_NO_READ_OVERRIDE = "-dac_override,-dac_read_search"


def _as_plain_reader(locked: Path) -> list[str]:
    """A command prefix under which `locked` (mode 000) cannot be read: none for a normal
    user; for root, `setpriv` dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. Skips the
    test when that is not possible here, saying why."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv (util-linux) is missing: cannot drop read rights")
    prefix = [setpriv, f"--inh-caps={_NO_READ_OVERRIDE}", f"--bounding-set={_NO_READ_OVERRIDE}"]
    probe = subprocess.run([*prefix, "ls", str(locked)], capture_output=True, check=False)
    if probe.returncode == 0:  # a container that does not let the capabilities go
        pytest.skip("running as root and setpriv could not drop the read capabilities")
    return prefix


def test_an_unreadable_folder_is_listed_and_the_run_goes_on(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app.py": leaky_module(), "locked/inner.py": "x = 1\n"})
    (tmp_path / "locked").chmod(0)
    try:
        prefix = _as_plain_reader(tmp_path / "locked")
        done = subprocess.run(
            [*prefix, *CLI, "scan", "--no-cache", "--format", "json", "."],
            cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 1, done.stderr
        report = json.loads(done.stdout)
        assert ("locked/", "unreadable") in {(s["path"], s["reason"]) for s in report["skipped"]}
        assert {f["rule_id"] for f in report["findings"]} >= {"SC301"}
        assert "Traceback" not in done.stderr
    finally:
        (tmp_path / "locked").chmod(0o755)  # so pytest can remove it


# --- H2: 1.8 MB generated files ------------------------------------------------------------------


def _generated(shape: str, size: int = 1_800_000) -> str:
    out: list[str] = []
    total = n = 0
    while total < size:
        if shape == "tokens":
            piece = f'token_{n} = "{expand("{{alnum:40}}", n)}"\n'
        elif shape == "one-line":
            piece = f'"{expand("{{alnum:40}}", n)}", '
        else:  # flask routes
            piece = (
                f'@app.route("/r{n}")\ndef route_{n}():\n    name = request.args.get("n")\n'
                '    return subprocess.check_output("echo " + name, shell=True)\n\n'
            )
        out.append(piece)
        total += len(piece)
        n += 1
    body = "".join(out)
    if shape == "one-line":
        body = "VALUES = [" + body + "]\n"
    if shape == "routes":
        body = "from flask import Flask, request\nimport subprocess\napp = Flask(__name__)\n" + body
    return leaky_module(7) + body


# The target: each shape in under 10 s of CPU (user + system). Measured alone on a
# 2-core machine in a quiet spell: tokens 5.0-5.7 s, one-line 4.6-5.0 s, routes ~5.4 s.
_CPU_BOUND = 10.0
# The same machine's speed drifts: in a slow spell the same scan of tokens took 10.2 s, about
# 1.6 times its quiet figure, with nothing else running. A run over the bound is measured again,
# and the fastest of up to three runs is held to it (as `timeit` reports its best): a scan that
# is really slower fails all three.
_ATTEMPTS = 3


@pytest.mark.slow
# CPU time is not immune to what runs beside it: with the other slow suites (a Dask cluster,
# pre-commit, a wheel build) on the second core, tokens took 10.1 s in CI on a machine where it
# takes 7.5-8.2 s alone (shared caches and clock). `.ci/run` runs `alone` tests in a step of
# their own, one at a time, so the bound measures this code, not its neighbours.
@pytest.mark.alone
@pytest.mark.parametrize("shape", ["tokens", "routes", "one-line"])
def test_a_large_generated_file_finishes_with_findings(tmp_path: Path, shape: str) -> None:
    """H2: 1.8 MB of token lines took 132 s; 10k Flask routes ran past 300 s. They finish,
    the text findings are intact, and a budget fallback is listed, not silent."""
    write_tree(tmp_path, {"gen.py": _generated(shape)})
    measured: list[float] = []
    while len(measured) < _ATTEMPTS and (not measured or min(measured) >= _CPU_BOUND):
        args = ["scan", "--no-cache", "--format", "json", "gen.py"]
        done, cpu = run_real(args, tmp_path, 300)
        measured.append(cpu)
        assert done.returncode == 1, done.stderr

        report = json.loads(done.stdout)
        assert ("gen.py", 2, "SC301") in {
            (f["path"], f["line"], f["rule_id"]) for f in report["findings"]
        }
        assert report["errors"] == []
        assert [p["reason"] for p in report["partial"]] in ([], ["budget"])
    assert min(measured) < _CPU_BOUND, f"CPU seconds of each run: {measured}"


def test_a_budget_under_a_timer_tick_counts_as_spent() -> None:
    """A profiling timer armed for less than a kernel tick may not fire before a short stage
    ends, so such a budget raises at once instead of letting the stage run unchecked."""
    from secretcheck.budget import SHORTEST, BudgetExceeded, cpu_budget

    for seconds in (0.0, 1e-9, SHORTEST / 2):
        with pytest.raises(BudgetExceeded), cpu_budget(seconds):
            pytest.fail("the block must not run")  # pragma: no cover
    ran = False
    with cpu_budget(60.0):
        ran = True
    assert ran


def test_text_findings_are_paid_for_before_the_syntax_tree_stage(tmp_path: Path) -> None:
    """A file with thousands of text findings spends its budget on building them: the
    syntax-tree stage is skipped up front (and says why) instead of running until the budget is
    gone, after which those findings would cost as much again. 4000 findings on their own lines
    are reserved ~0.4 s, over a 0.3 s budget whatever the text stage took."""
    many = "".join(f'token_{n} = "{expand("{{alnum:40}}", n)}"\n' for n in range(4000))
    budget = {".secretcheck.toml": "file-budget = 0.3\n"}
    write_tree(tmp_path, {**budget, "gen.py": leaky_module(3) + many})
    done = run_cli("scan", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    report = done.json()
    rules = [f["rule_id"] for f in report["findings"]]
    assert rules.count("SC401") > 3800 and "SC301" in rules  # the text findings, all there
    assert "SC101" not in rules  # line 3's syntax-tree finding: that stage did not run
    assert [(p["path"], p["reason"], p["detail"]) for p in report["partial"]] == [
        ("gen.py", "budget", f"syntax-tree checks skipped: {len(rules)} text findings to build "
         "first, over the 0.3 s budget")
    ]  # fmt: skip
