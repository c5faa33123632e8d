"""Start-up: what a run loads before and besides scanning (issue 10, one file at most 1.0x
bandit's CPU). The rule catalogue cache must give the very catalogue validation gives and never
hide a broken pack; libcst, requests and detect-secrets must load only when a file needs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pytest
from conftest import write_tree
from test_bad_rulepacks import BASE, toml_rule

from secretcheck import rulecache
from secretcheck.examples import expand
from secretcheck.linear_regex import LinearPattern
from secretcheck.python.registry import CHECKS, GROUPS
from secretcheck.rulepacks import Catalogue, _iter_rule_files, build_catalogue, packaged_rules


def packaged_files() -> list[tuple[str, str]]:
    return list(_iter_rule_files(resources.files("secretcheck.rules")))


class CountingBuild:
    """The real `build_catalogue`, counting how often the cache had to call it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, files: Sequence[tuple[str, str]]) -> Catalogue:
        self.calls += 1
        return build_catalogue(files)


def test_a_cached_catalogue_is_the_validated_one(user_cache_home: Path) -> None:
    files = packaged_files()
    build = CountingBuild()
    first = rulecache.cached_catalogue(files, build)
    assert build.calls == 1
    assert rulecache.entry_path(rulecache.catalogue_key(files)).is_file()
    again = rulecache.cached_catalogue(files, build)
    assert build.calls == 1  # served from the entry, not validated again
    assert again == first == build_catalogue(files)
    assert len(again.rules) > 300
    assert again.digest == first.digest  # the findings cache keys on it


def test_the_entry_is_in_the_user_cache_folder_and_holds_json(user_cache_home: Path) -> None:
    files = packaged_files()
    rulecache.cached_catalogue(files, build_catalogue)
    path = rulecache.entry_path(rulecache.catalogue_key(files))
    assert path.is_relative_to(user_cache_home)
    assert isinstance(json.loads(path.read_text(encoding="utf-8"))["rules"], list)


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"rules": [{"code": 1}], "digest": ""}'])
def test_a_damaged_entry_is_validated_again(user_cache_home: Path, damage: bytes) -> None:
    files = packaged_files()
    path = rulecache.entry_path(rulecache.catalogue_key(files))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage)
    build = CountingBuild()
    assert rulecache.cached_catalogue(files, build) == build_catalogue(files)
    assert build.calls == 1
    assert rulecache.cached_catalogue(files, build) == build_catalogue(files)
    assert build.calls == 1  # the damaged entry was replaced by a good one


def test_a_changed_rule_file_is_a_new_key() -> None:
    files = packaged_files()
    source, text = files[0]
    changed = [(source, text + "\n# edited\n"), *files[1:]]
    assert rulecache.catalogue_key(files) != rulecache.catalogue_key(changed)


def test_old_entries_are_pruned(user_cache_home: Path) -> None:
    files = packaged_files()
    for n in range(rulecache.KEEP + 3):
        source, text = files[0]
        rulecache.cached_catalogue([(source, f"{text}\n# {n}\n"), *files[1:]], build_catalogue)
    kept = list(rulecache.entry_path("x").parent.glob("*.json"))
    assert len(kept) == rulecache.KEEP


class CountingRead:
    """Reads the rule files under `root`, counting how often the stamp did not vouch for them."""

    def __init__(self, root: Path) -> None:
        self.root, self.calls = root, 0

    def __call__(self) -> list[tuple[str, str]]:
        self.calls += 1
        return list(_iter_rule_files(self.root))


def copied_rules(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(packaged_rules(), root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_unchanged_files_are_neither_read_nor_hashed_again(
    user_cache_home: Path, tmp_path: Path
) -> None:
    root = copied_rules(tmp_path)
    read, build = CountingRead(root), CountingBuild()
    first = rulecache.stamped_catalogue(root, read, build, settle_ns=0)
    again = rulecache.stamped_catalogue(root, read, build, settle_ns=0)
    assert (read.calls, build.calls) == (1, 1)
    assert again == first == build_catalogue(list(_iter_rule_files(root)))


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(
    user_cache_home: Path, tmp_path: Path
) -> None:
    """The stamp holds the ctime, which no tool sets back: an in-place edit of the same
    length with the old mtime restored (`touch -r`, an unpacker) is read and validated."""
    root = copied_rules(tmp_path)
    read, build = CountingRead(root), CountingBuild()
    first = rulecache.stamped_catalogue(root, read, build, settle_ns=0)
    path = root / "credentials" / "SC101-hardcoded-credential-assignment.toml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("is bound to a credential-like", "is BOUND to a credential-like")
    assert edited != text and len(edited) == len(text)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    changed = rulecache.stamped_catalogue(root, read, build, settle_ns=0)
    assert (read.calls, build.calls) == (2, 2)
    assert changed != first
    assert changed.get("SC101") is not None
    assert "is BOUND to" in changed.get("SC101").summary  # type: ignore[union-attr]
    assert rulecache.stamped_catalogue(root, read, build, settle_ns=0) == changed
    assert read.calls == 2  # the new stamp names the new key


def test_no_stamp_is_kept_while_a_file_is_freshly_changed(
    user_cache_home: Path, tmp_path: Path
) -> None:
    """Files changed within the settle window (the copy just made) are read and hashed on
    every run: an edit in the same clock tick as the stamp could otherwise go unseen."""
    root = copied_rules(tmp_path)
    read, build = CountingRead(root), CountingBuild()
    first = rulecache.stamped_catalogue(root, read, build)
    assert rulecache.stamped_catalogue(root, read, build) == first
    assert (read.calls, build.calls) == (2, 1)  # read again; the entry itself was still good
    assert not (rulecache.entry_path("x").parent / "stamps").exists()


def test_a_damaged_stamp_is_ignored(user_cache_home: Path, tmp_path: Path) -> None:
    root = copied_rules(tmp_path)
    read, build = CountingRead(root), CountingBuild()
    first = rulecache.stamped_catalogue(root, read, build, settle_ns=0)
    stamps = list((rulecache.entry_path("x").parent / "stamps").iterdir())
    assert len(stamps) == 1
    stamps[0].write_text("../../key", encoding="utf-8")
    assert rulecache.stamped_catalogue(root, read, build, settle_ns=0) == first
    assert (read.calls, build.calls) == (2, 1)  # read and hashed again, the entry still good


def test_a_deferred_pattern_matches_as_the_compiled_one() -> None:
    pattern = r"(?<![A-Za-z0-9])(?P<secret>acme_[a-z0-9]{24})(?![A-Za-z0-9])"
    compiled = LinearPattern(pattern)
    deferred = LinearPattern.checked_before(pattern, False, compiled.groupindex, compiled.groups)
    token = expand("acme_{{lower_alnum:24}}", 3)
    text = f"x={token} y=é{token}\nacme_short {token}x"
    found = [m.span("secret") for m in compiled.finditer(text)]
    assert found and found == [m.span("secret") for m in deferred.finditer(text)]
    assert deferred == compiled


def cli(args: Sequence[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process, with its own user cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "secretcheck.cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_a_pack_broken_after_a_cached_run_still_fails(tmp_path: Path) -> None:
    """The key covers the pack's text: a pack edited into an error after a good (cached) run
    is validated again, and the error names the file and the key (exit 2)."""
    home, root = tmp_path / "home", tmp_path / "repo"
    token = expand("acme_{{lower_alnum:24}}", 2)
    tree = {".secretcheck.toml": 'rule-paths = ["packs"]\n', "deploy.txt": f"ACME={token}\n"}
    write_tree(root, {**tree, "packs/acme/r.toml": toml_rule(BASE)})
    for _ in range(2):  # the first run stores the entry, the second reads it
        good = cli(["scan", "--no-cache", "--format", "json", "."], root, home)
        assert good.returncode == 1, good.stderr
        assert [f["rule_id"] for f in json.loads(good.stdout)["findings"]] == ["SC701"]
    assert token not in good.stdout
    write_tree(root, {"packs/acme/r.toml": toml_rule({**BASE, "severity": "severe"})})
    for _ in range(2):
        bad = cli(["scan", "--no-cache", "."], root, home)
        assert bad.returncode == 2, bad.stderr
        assert "packs/acme/r.toml" in bad.stderr and "key 'severity'" in bad.stderr


HEAVY = ("libcst", "requests", "urllib3", "detect_secrets", "multiprocessing")


def loaded_after(code: str, modules: tuple[str, ...] = HEAVY) -> list[str]:
    """Which of `modules` (default: the heavy libraries) a fresh interpreter holds after
    running `code` (a lazy stand-in, not a module, does not count)."""
    probe = (
        f"{code}\nimport sys\n"
        f"print(sorted(m for m in {modules!r}"
        " if m in sys.modules and type(sys.modules[m]).__name__ == 'module'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return list(json.loads(done.stdout.replace("'", '"')))


def test_loading_the_rules_and_pipeline_loads_no_heavy_library() -> None:
    code = (
        "import secretcheck.cli, secretcheck.api, secretcheck.pipeline\n"
        "from secretcheck.rulepacks import load_catalogue\nload_catalogue()"
    )
    assert loaded_after(code) == []


def test_a_scan_of_named_files_loads_no_git_or_baseline_code(tmp_path: Path) -> None:
    """A pre-commit hook names the files: nothing is listed by git and no baseline is set, so
    the git plumbing and the baseline module (their classes, `subprocess`) stay unloaded."""
    target = tmp_path / "app.py"
    target.write_text("import os\nNAME = os.environ[0]\n", encoding="utf-8")
    code = (
        "from secretcheck.api import run_scan\nfrom secretcheck.settings import Settings\n"
        f"assert run_scan(Settings(paths=({str(target)!r},))).files_scanned == 1"
    )
    plumbing = ("secretcheck.gitcmd", "secretcheck.gitscan", "secretcheck.baseline", "subprocess")
    assert loaded_after(code, plumbing) == []


def test_a_file_with_candidates_only_in_docstrings_is_not_parsed() -> None:
    code = (
        "from secretcheck.api import scan_text\n"
        'text = \'def run(host=None):\\n    """Set host to \\\'0.0.0.0\\\' to listen."""\\n\'\n'
        "assert scan_text(text, 'app.py').findings == ()\n"
    )
    assert "libcst" not in loaded_after(code)


def test_a_real_candidate_is_found_on_the_stdlib_tree_without_libcst() -> None:
    # Statement checks (SC225) and module-scope pattern checks (SC220) read CPython's `ast`.
    code = (
        "from secretcheck.api import scan_text\n"
        "text = 'import requests\\napp.run(host=\"0.0.0.0\")\\nrequests.get(u, verify=False)\\n'\n"
        "found = scan_text(text, 'app.py').findings\n"
        "assert [f.rule_id for f in found] == ['SC225', 'SC220'], found\n"
    )
    assert "libcst" not in loaded_after(code)


def test_detect_secrets_loads_without_requests_until_it_is_used() -> None:
    code = (
        "from secretcheck.engines import detect_secrets_adapter\n"
        "detect_secrets_adapter.warm()\n"
        "import sys\nassert type(sys.modules['requests']).__name__ == '_Deferred'\n"
        "assert 'urllib3' not in sys.modules\n"
    )
    assert loaded_after(code) == ["detect_secrets"]
    # Used, the stand-in is the real module: detect-secrets' own names and a submodule import.
    code += (
        "from detect_secrets.plugins import base\n"
        "assert issubclass(base.requests.exceptions.RequestException, OSError)\n"
        "from requests.adapters import HTTPAdapter\n"
        "assert type(sys.modules['requests']).__name__ == 'module'\n"
    )
    assert "requests" in loaded_after(code)


def test_a_real_scan_of_a_python_file_loads_detect_secrets_without_requests() -> None:
    """Through the whole scan path, not `warm()` alone: the lock-file filter, asked first,
    used to import detect-secrets directly, before the stand-ins were in place. The quoted
    hex run is a candidate line of the entropy plugin, so detect-secrets is needed."""
    code = (
        "from secretcheck.api import scan_text\n"
        "text = 'import os' + chr(10) + 'NAME = os.environ[\"00aa11bb22\"]' + chr(10)\n"
        "assert scan_text(text, 'app.py').findings == ()\n"
    )
    assert loaded_after(code) == ["detect_secrets"]


def test_a_file_without_candidate_lines_does_not_load_detect_secrets() -> None:
    """Its plugins (and its lock-file filter) are asked only about a line that one of their
    prefilters picked: a hook run on a small file pays nothing for them."""
    code = (
        "from secretcheck.api import scan_text\n"
        "text = 'import os' + chr(10) + 'NAME = os.environ[0]' + chr(10)\n"
        "assert scan_text(text, 'app.py').findings == ()\n"
    )
    assert loaded_after(code) == []


@pytest.mark.parametrize("select", [("ALL",), ("SC3", "SC4"), ("SC2",)])
def test_a_pool_warms_what_the_selection_uses_and_never_libcst(select: tuple[str, ...]) -> None:
    """The parent imports what the workers of this run will use, before forking:
    detect-secrets when its entropy rules are on, and never libcst, whose tree no check reads."""
    code = (
        "from secretcheck.runner import warm_imports\n"
        "from secretcheck.settings import Settings\n"
        f"warm_imports(Settings(select={select!r}))\n"
    )
    expected = ["detect_secrets"] if select != ("SC2",) else []
    assert loaded_after(code) == expected


def _check_modules() -> list[str]:
    """Every check module and group module (the taint engine) of the registry."""
    return sorted({e.module for e in CHECKS.values()} | set(GROUPS.values()))


@pytest.mark.parametrize("module", _check_modules())
def test_no_check_module_loads_libcst(module: str) -> None:
    """Every check reads CPython's tree: a scan never pays for libcst's import or parse."""
    code = f"import importlib\nimportlib.import_module({module!r})\n"
    assert "libcst" not in loaded_after(code)


def test_a_process_pool_works_after_detect_secrets_got_a_stand_in() -> None:
    """multiprocessing is deferred too; a library caller that starts a pool afterwards (and
    submodule imports through the stand-in) must get the real thing."""
    code = (
        "from secretcheck.engines import detect_secrets_adapter\n"
        "detect_secrets_adapter.warm()\n"
        "import sys\nassert type(sys.modules['multiprocessing']).__name__ == '_Deferred'\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "import multiprocessing.connection\n"
        "with ProcessPoolExecutor(2) as pool:\n"
        "    assert list(pool.map(abs, [-1, -2, 3])) == [1, 2, 3]\n"
        "assert callable(sys.modules['multiprocessing'].connection.wait)\n"
    )
    loaded_after(code)


_STRING_NODES = ("SimpleString", "ConcatenatedString", "FormattedString", "Expr")


@pytest.mark.parametrize("name", sorted(n for n, e in CHECKS.items() if e.scope == "statement"))
def test_statement_checks_read_no_node_a_string_statement_holds(name: str) -> None:
    """`engines/cst` skips string-only statements (docstrings) for statement-scope checks:
    that is only sound while none of them visits the nodes such a statement is made of."""
    import importlib

    check = importlib.import_module(CHECKS[name].module).Check
    ours = [k for k in check.__mro__ if k.__module__.startswith("secretcheck.")]
    visits = {a for k in ours for a in vars(k) if a.startswith(("visit_", "leave_"))}
    assert visits  # the check's own visitor methods were found
    assert not {v for v in visits if v.split("_", 1)[1].startswith(_STRING_NODES)}


def test_docstring_lines_finds_string_statements_in_every_block() -> None:
    """`_docstring_lines` walks statement lists only; it must find what a walk over every
    node finds, in each kind of block (functions, classes, loops, try, match)."""
    import ast

    from secretcheck.engines.cst import _docstring_lines

    source = (
        '"""mod"""\nclass A:\n    "cls"\n    def f(self):\n        """fn"""\n'
        "        for x in y:\n            'loop'\n        else:\n            'else'\n"
        "        try:\n            'try'\n        except E:\n            'handler'\n"
        "        finally:\n            'finally'\n        match v:\n            case 1:\n"
        "                'case'\n        with c:\n            'with'\n        x = 'not me'\n"
        "        f('nor me')\n"
    )
    tree = ast.parse(source)
    expected = {
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)
    }
    assert len(expected) == 10
    assert _docstring_lines(tree) == expected
