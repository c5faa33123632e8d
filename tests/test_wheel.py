"""The built wheel: every rule pack inside the package, nothing from outside it, and a plain
install (not editable) finds every rule."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import LEAKY_EXPECTED, leaky_files, leaky_secrets, located, write_tree

from secretcheck.rulepacks import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # A copy of the tracked tree, so a stale build/ or egg-info in the checkout cannot leak in.
    source = tmp_path_factory.mktemp("src")
    listing = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True, check=True,
    )  # fmt: skip
    for name in listing.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            target = source / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((ROOT / name).read_bytes())
    # An isolated build, as `pip install .` does it (pip fetches the build backend).
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = out.glob("secretcheck_py-*.whl")
    return wheel


def test_wheel_holds_every_rule_file_and_nothing_from_outside_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    packaged = {n for n in names if not n.startswith("secretcheck_py-")}  # minus .dist-info
    assert all(n.startswith("secretcheck/") for n in packaged), sorted(packaged)
    rule_files = {p.relative_to(ROOT / "rules").as_posix() for p in ROOT.glob("rules/**/*.toml")}
    assert rule_files
    assert {f"secretcheck/rules/{r}" for r in rule_files} <= packaged
    assert "secretcheck/rules/__init__.py" in packaged and "secretcheck/py.typed" in packaged
    for outside in ("tests/", "benchmarks/", "secretcheck/tests/", "rules/"):
        assert not any(n.startswith(outside) for n in packaged), outside


def test_plain_install_lists_every_rule_and_finds_the_leaks(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # System site-packages provide the dependencies (libcst, detect-secrets, click) offline.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    # Run from an empty folder so the checkout cannot shadow the installed package.
    where = subprocess.run(
        [str(python), "-c", "import secretcheck; print(secretcheck.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert str(venv) in where.stdout
    listed = subprocess.run(
        [str(venv / "bin" / "secretcheck"), "rules"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    codes = {line.split()[0] for line in listed.stdout.splitlines()}
    assert codes == {r.code for r in load_catalogue().active()}

    # The "Done when", as a new user runs it with the installed (not editable) tool.
    tree = write_tree(tmp_path / "leaky", leaky_files())
    scan = subprocess.run(
        [str(venv / "bin" / "secretcheck"), "scan", "--format", "json", "."],
        cwd=tree, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert scan.returncode == 1, scan.stderr
    assert located(json.loads(scan.stdout)) == LEAKY_EXPECTED
    for secret in leaky_secrets().values():
        assert secret not in scan.stdout and secret not in scan.stderr
