"""`secretcheck fleet` over a dozen real temporary git repositories.

The same fleet (10 readable repositories, one a file:// clone, one corrupt, one past its time
limit) is run through the real CLI with `--executor local` here and on a real 2-worker
`distributed.LocalCluster` (slow tests), and the combined reports must be byte-identical.
Secrets are generated at run time from templates (secretcheck.examples), so nothing
token-shaped is stored in the repository.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from secretcheck.cli import main
from secretcheck.examples import expand
from tests.conftest import git, on_a_terminal

AWS = expand("AKIA{{upper:16}}", "fleet-aws")
TOKEN = expand("{{crc_token:ghp}}", "fleet-token")
SLACK = expand("xoxb-{{digits:11}}-{{digits:12}}-{{alnum:24}}", "fleet-slack")
SECRETS = (AWS, TOKEN, SLACK)
SLOW_LIMIT = 0.3  # seconds: far less than the 'slow' repository's scan and history need


def commit(repo: Path, message: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, "--date", "2026-01-01T00:00:00Z")


def new_repo(root: Path, name: str) -> Path:
    repo = root / name
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    commit(repo, "start", {"README.md": f"# {name}\n", "app.py": "import os\n"})
    return repo


@dataclass(frozen=True)
class Fleet:
    root: Path
    repo_list: Path
    local: Result
    local_out: Path


def build_fleet(root: Path) -> Path:
    """12 repositories and the TOML list naming them; returns the list."""
    entries: list[str] = []

    def add(source: str, **extra: object) -> None:
        lines = [f"source = {json.dumps(source)}"]
        lines += [f"{k} = {json.dumps(v)}" for k, v in extra.items()]
        entries.append("[[repo]]\n" + "\n".join(lines) + "\n")

    leaky = new_repo(root, "leaky")  # a key still in HEAD
    commit(leaky, "config", {"settings.py": f'AWS_ACCESS_KEY_ID = "{AWS}"\n'})
    add(str(leaky))
    rotated = new_repo(root, "rotated")  # a token committed, then replaced by an env lookup
    commit(rotated, "client", {"client.py": f'import os\n\nTOKEN = "{TOKEN}"\n'})
    commit(rotated, "env", {"client.py": 'import os\n\nTOKEN = os.environ["TOKEN"]\n'})
    add(str(rotated))
    quiet = new_repo(root, "quiet")  # a reviewed, suppressed test value
    commit(quiet, "fixture", {"t.py": f'SLACK = "{SLACK}"  # secretcheck: ignore\n'})
    add(str(quiet))
    for n in range(6):  # clean repositories with a few commits each
        clean = new_repo(root, f"clean{n}")
        for k in range(n % 3 + 1):
            commit(clean, f"step {k}", {f"mod{k}.py": f"import os\n\nVALUE = os.environ['V{k}']\n"})
        add(str(clean))
    add((leaky.resolve()).as_uri(), name="leaky-clone")  # cloned with the hardened clone
    corrupt = new_repo(root, "corrupt")  # history reaches an object that is gone
    commit(corrupt, "more", {"b.py": "import sys\n"})
    blob = git(corrupt, "rev-parse", "HEAD:b.py").strip()
    os.remove(corrupt / ".git" / "objects" / blob[:2] / blob[2:])
    add(str(corrupt))
    # ~1.2-1.5 s in its worker process on a 2-core machine, 4-5x its limit. With 1000 functions
    # a file it took ~0.5 s once the scans got faster, and it sometimes finished within 0.5 s.
    slow = new_repo(root, "slow")
    body = "".join(f"def f{i}(x):\n    return x + {i}\n\n" for i in range(5000))
    for k in range(40):
        commit(slow, f"step {k}", {f"m{k}.py": f"import os\nX{k} = os.environ['X{k}']\n{body}"})
    add(str(slow), **{"time-limit": SLOW_LIMIT})
    repo_list = root / "repos.toml"
    repo_list.write_text("\n".join(entries), encoding="utf-8")
    return repo_list


def run_cli(cwd: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(cwd)  # the fleet's config is found from the current folder: use an empty one
    try:
        return CliRunner().invoke(main, ["fleet", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> Fleet:
    root = tmp_path_factory.mktemp("fleet")
    repo_list = build_fleet(root)
    out = root / "out-local"
    result = run_cli(root, str(repo_list), "-o", str(out), "--executor", "local", "-j", "2")
    return Fleet(root, repo_list, result, out)


def rows(out: Path) -> dict[str, dict[str, Any]]:
    document = json.loads((out / "fleet.json").read_text(encoding="utf-8"))
    return {r["name"]: r for r in document["repositories"]}


def test_fleet_reports_each_repository_and_exits_1_on_secrets(fleet: Fleet) -> None:
    assert fleet.local.exit_code == 1, fleet.local.output
    by_name = rows(fleet.local_out)
    assert len(by_name) == 12
    leaky = by_name["leaky"]
    assert [(f["rule_id"], f["path"], f["line"]) for f in leaky["scan"]["findings"]] == [
        ("SC301", "settings.py", 1)
    ]
    assert [(s["path"], s["status"]) for s in leaky["history"]["secrets"]] == [
        ("settings.py", "present")
    ]
    rotated = by_name["rotated"]["summary"]
    assert (rotated["head"], rotated["present"], rotated["removed"]) == (0, 0, 1)
    quiet = by_name["quiet"]["summary"]
    assert (quiet["head"], quiet["present"], quiet["suppressed"]) == (0, 0, 2)
    for n in range(6):
        assert by_name[f"clean{n}"]["summary"]["failing"] == 0
        assert by_name[f"clean{n}"]["history"]["summary"]["commits_scanned"] == n % 3 + 2
    clone = by_name["leaky-clone"]
    assert clone["status"] == "ok" and clone["source"].startswith("file://")
    assert clone["scan"]["findings"] == leaky["scan"]["findings"]


def test_corrupt_and_slow_repositories_are_error_rows(fleet: Fleet) -> None:
    by_name = rows(fleet.local_out)
    assert by_name["corrupt"]["status"] == "error"
    assert "git" in by_name["corrupt"]["error"]
    assert by_name["slow"]["status"] == "error"
    assert by_name["slow"]["error"] == f"time limit: not finished in {SLOW_LIMIT:g} s"
    assert (fleet.local_out / "repos" / "slow" / "error.txt").is_file()
    summary = json.loads((fleet.local_out / "fleet.json").read_text())["summary"]
    assert summary["error_rows"] == 2 and summary["repositories"] == 12


def test_per_repository_folders_sarif_and_markdown(fleet: Fleet) -> None:
    assert {p.name for p in (fleet.local_out / "repos" / "leaky").iterdir()} == {
        "scan.json", "scan.sarif", "history.json"
    }  # fmt: skip
    sarif = json.loads((fleet.local_out / "fleet.sarif").read_text())
    ids = [run["automationDetails"]["id"] for run in sarif["runs"]]
    assert "secretcheck-fleet/leaky/" in ids and "secretcheck-fleet-history/rotated/" in ids
    failed = [r for r in sarif["runs"] if r.get("invocations")
              and not r["invocations"][0]["executionSuccessful"]]  # fmt: skip
    assert sorted(r["automationDetails"]["id"] for r in failed) == [
        "secretcheck-fleet/corrupt/", "secretcheck-fleet/slow/"
    ]  # fmt: skip
    markdown = (fleet.local_out / "fleet.md").read_text()
    assert "| leaky | ok | 1 | 1 | 0 | 0 | 0 |" in markdown
    assert "| rotated | ok | 0 | 0 | 1 | 0 | 0 |" in markdown
    assert "| slow | error |" in markdown


def test_bad_list_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "repos.toml"
    bad.write_text('[[repo]]\nsource = "x"\ncolour = "red"\n')
    result = run_cli(tmp_path, str(bad))
    assert result.exit_code == 2
    assert "unknown key 'colour'" in result.output


def test_dask_without_a_scheduler_is_a_usage_error(fleet: Fleet) -> None:
    result = run_cli(fleet.root, str(fleet.repo_list), "--executor", "dask")
    assert result.exit_code == 2
    assert "--scheduler" in result.output


def test_transport_helpers_are_refused_and_run_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    repo_list = tmp_path / "repos.txt"
    repo_list.write_text(f"ext::sh -c touch% {marker}\n", encoding="utf-8")
    result = run_cli(tmp_path, str(repo_list), "-o", str(tmp_path / "out"))
    assert result.exit_code == 3, result.output
    row = rows(tmp_path / "out")[marker.name]
    assert row["status"] == "error" and "transport 'ext' not allowed" in row["error"]
    assert not marker.exists()


def test_memory_cap_is_enforced_in_the_task_process(fleet: Fleet, tmp_path: Path) -> None:
    repo_list = tmp_path / "repos.txt"
    repo_list.write_text(f"{fleet.root / 'leaky'}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(tmp_path, str(repo_list), "-o", str(out), "--memory-limit", "20")
    assert result.exit_code == 3, result.output
    row = rows(out)["leaky"]
    assert row["status"] == "error" and "memory" in row["error"], row["error"]


def windows(secret: str, size: int = 8) -> Iterator[str]:
    """Every run of `size` characters of `secret`: a report may show a 4-character prefix."""
    return (secret[i : i + size] for i in range(len(secret) - size + 1))


def assert_no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        leaked = [w for w in windows(secret) if w in text]
        assert not leaked, f"{where} holds part of a secret"


def all_text(out: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(out.rglob("*")):
        if path.is_file():
            yield str(path), path.read_text(encoding="utf-8")


def test_local_outputs_hold_no_secret(fleet: Fleet) -> None:
    assert_no_secret(fleet.local.output, "CLI output")
    for where, text in all_text(fleet.local_out):
        assert_no_secret(text, where)
    # the secrets were there to find: the check above is not vacuous
    assert sum(rows(fleet.local_out)[n]["summary"]["failing"] for n in ("leaky", "rotated")) == 3


@pytest.mark.slow
def test_local_cluster_gives_the_same_reports_as_local(fleet: Fleet, dask_cluster: str) -> None:
    out = fleet.root / "out-dask"
    result = run_cli(
        fleet.root, str(fleet.repo_list), "-o", str(out), "--executor", "dask",
        "--scheduler", dask_cluster,
    )  # fmt: skip
    assert result.exit_code == fleet.local.exit_code == 1, result.output
    for name in ("fleet.json", "fleet.sarif", "fleet.md"):
        assert (out / name).read_bytes() == (fleet.local_out / name).read_bytes(), name
    local_files = {str(p.relative_to(fleet.local_out)): p.read_bytes()
                   for p in fleet.local_out.rglob("*") if p.is_file()}  # fmt: skip
    dask_files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert dask_files == local_files
    assert "[12/12]" in result.output  # progress streamed as rows arrived


@pytest.mark.slow
def test_no_secret_crosses_from_worker_to_client(fleet: Fleet, dask_cluster: str) -> None:
    """Every row exactly as it came off the wire (pickled again here, as Dask sent it) and
    every output file holds no part of any secret the repositories contain."""
    from secretcheck.fleet.executor import DaskExecutor
    from secretcheck.fleet.repos import read_repo_list
    from secretcheck.fleet.run import run_fleet
    from secretcheck.fleet.worker import Limits
    from secretcheck.settings import Settings

    received: list[bytes] = []
    tasks = read_repo_list(fleet.repo_list)
    rows_back = run_fleet(
        tasks, Settings(use_cache=False), "both", DaskExecutor(dask_cluster, retries=1),
        Limits(time=120), on_row=lambda _i, row: received.append(pickle.dumps(row)),
    )  # fmt: skip
    assert len(received) == 12
    wire = b"\n".join(received).decode("utf-8", "replace")
    assert_no_secret(wire, "a row sent by a worker")
    found = sum(len(r["history"]["secrets"]) for r in rows_back if r["history"])
    assert found == 4  # leaky, its clone, rotated, quiet (suppressed): there was something to leak
    out = fleet.root / "out-dask-redaction"
    result = run_cli(fleet.root, str(fleet.repo_list), "-o", str(out), "--executor", "dask",
                     "--scheduler", dask_cluster)  # fmt: skip
    assert_no_secret(result.output, "CLI output")
    for where, text in all_text(out):
        assert_no_secret(text, where)


def processes_using(path: Path) -> list[int]:
    """Processes whose working folder or command line involves `path` (task children chdir
    into their repository; git's isolated argv names it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
            cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if cwd == str(path) or str(path) in cmdline:
            found.append(int(entry.name))
    return found


def test_sigterm_ends_the_running_task_processes(tmp_path: Path) -> None:
    """A repository whose config includes a FIFO blocks git until its probe timeout: the task
    process is busy when the run is stopped, and nothing it started may survive the stop."""
    import signal
    import subprocess
    import sys
    import time

    repo = new_repo(tmp_path, "stuck")
    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)
    with (repo / ".git" / "config").open("a") as config:
        config.write(f"[include]\n\tpath = {fifo}\n")
    repo_list = tmp_path / "repos.txt"
    repo_list.write_text(f"{repo}\n", encoding="utf-8")
    command = [sys.executable, "-c", "from secretcheck.cli import main; main()", "fleet",
               str(repo_list), "-o", str(tmp_path / "out")]  # fmt: skip
    cli = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while not processes_using(repo.resolve()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_using(repo.resolve()), "the task never started"
    cli.send_signal(signal.SIGTERM)
    assert cli.wait(timeout=10) == 128 + signal.SIGTERM
    time.sleep(0.5)
    assert processes_using(repo.resolve()) == []


def test_local_executor_never_imports_dask(fleet: Fleet, tmp_path: Path) -> None:
    import subprocess
    import sys

    repo_list = tmp_path / "repos.txt"
    repo_list.write_text(f"{fleet.root / 'clean0'}\n", encoding="utf-8")
    code = (
        "import sys\nfrom secretcheck.cli import main\n"
        f"try:\n    main(['fleet', {str(repo_list)!r}, '-o', {str(tmp_path / 'out')!r}])\n"
        "except SystemExit as done:\n"
        "    print(done.code, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('dask', 'distributed')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "[]"], done.stdout + done.stderr


def test_progress_is_a_bar_on_a_terminal_and_nothing_with_quiet(
    fleet: Fleet, tmp_path: Path
) -> None:
    repo_list = tmp_path / "repos.txt"
    repo_list.write_text(f"{fleet.root / 'clean0'}\n{fleet.root / 'clean1'}\n", encoding="utf-8")
    quiet = run_cli(tmp_path, str(repo_list), "-o", str(tmp_path / "q"), "-q")
    assert quiet.exit_code == 0 and quiet.output == "", quiet.output
    code, _, tty = on_a_terminal(["fleet", str(repo_list), "-o", str(tmp_path / "tty")], tmp_path)
    assert code == 0
    assert "100%" in tty and "fleet: [1/2]" not in tty  # a bar, not the plain lines
