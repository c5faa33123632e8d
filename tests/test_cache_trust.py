"""The findings cache is not trusted: an entry counts only if this user's secretcheck wrote it.

Issue 9: writing `[]` or `{}` into cache entries, or committing a `.secretcheck_cache` to the
repository, hid every finding (exit 0). Entries now carry an HMAC keyed with a per-user key kept
outside the scanned tree, so planted, edited and committed entries all leave findings intact.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import stat
from pathlib import Path

import pytest
from conftest import git, run_cli, write_tree

from secretcheck import cache
from secretcheck.examples import expand

TEMPLATE = 'import os\n\nAWS_ACCESS_KEY_ID = "AKIA{{upper:16}}"\ndb_password = "{{password:14}}"\n'


def located(root: Path) -> set[tuple[str, int, str]]:
    result = run_cli("scan", "--format", "json", ".", cwd=root)
    assert result.exit_code in (0, 1), result.stderr
    return {(f["path"], f["line"], f["rule_id"]) for f in result.json()["findings"]}


def entries(root: Path) -> list[Path]:
    return sorted((root / ".secretcheck_cache").rglob("*.json"))


def forge(entry: Path, key: bytes, findings: object) -> None:
    """What an attacker who knows the format writes: a well-formed entry, signed with `key`."""
    payload = json.dumps({"uses": {}, "findings": findings}).encode()
    message = b"secretcheck-cache-entry\0" + entry.stem.encode() + b"\0" + payload
    mac = hmac.new(key, message, hashlib.sha256).hexdigest().encode()
    entry.write_bytes(mac + b"\n" + payload)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_tree(
        tmp_path / "project", {"app.py": expand(TEMPLATE, 21), "b.py": expand(TEMPLATE, 22)}
    )


EXPECTED = {
    ("app.py", 3, "SC301"),
    ("app.py", 4, "SC101"),
    ("b.py", 3, "SC301"),
    ("b.py", 4, "SC101"),
}


@pytest.mark.parametrize("poison", ["[]", "{}", "", "null", '[{"rule_id": "SC301"}]'])
def test_poisoned_entries_hide_nothing(project: Path, poison: str) -> None:
    assert located(project) == EXPECTED
    assert len(entries(project)) == 2
    for entry in entries(project):
        entry.write_text(poison, encoding="utf-8")
    assert located(project) == EXPECTED


def test_entries_signed_with_another_key_hide_nothing(project: Path, tmp_path: Path) -> None:
    assert located(project) == EXPECTED
    attacker_key = b"\x01" * cache.KEY_BYTES
    for entry in entries(project):
        forge(entry, attacker_key, [])
    assert located(project) == EXPECTED


def test_only_this_users_key_makes_an_entry_count(project: Path, user_cache_home: Path) -> None:
    """The other side of the check: the same forgery signed with the user's own key is read
    (which is also how we know hits are served from the cache at all)."""
    assert located(project) == EXPECTED
    key_file = user_cache_home / "secretcheck" / "key"
    for entry in entries(project):
        if "app" not in entry.read_text("utf-8"):
            continue
        forge(entry, key_file.read_bytes(), [])
    assert located(project) == {e for e in EXPECTED if e[0] == "b.py"}


def test_committed_cache_hides_nothing_in_a_fresh_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attacker scans on their machine, empties and re-signs the entries with their own
    key, commits the cache; the victim clones and scans with theirs."""
    origin = write_tree(tmp_path / "origin", {"app.py": expand(TEMPLATE, 23)})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker-home"))
    assert located(origin) == {("app.py", 3, "SC301"), ("app.py", 4, "SC101")}
    attacker_key = (tmp_path / "attacker-home/secretcheck/key").read_bytes()
    for entry in entries(origin):
        forge(entry, attacker_key, [])
    assert located(origin) == set()  # the attacker's own key trusts the forgery
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-f", ".")  # -f: past the cache's own .gitignore
    git(origin, "commit", "-qm", "init")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    assert entries(clone), "the cache was not committed"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "victim-home"))
    assert located(clone) == {("app.py", 3, "SC301"), ("app.py", 4, "SC101")}


def test_key_is_private_and_outside_the_tree(project: Path, user_cache_home: Path) -> None:
    located(project)
    key_file = user_cache_home / "secretcheck" / "key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert len(key_file.read_bytes()) == cache.KEY_BYTES
    assert not any(p.name == "key" for p in project.rglob("*"))
    key = key_file.read_bytes()
    for entry in entries(project):
        assert key.hex() not in entry.read_text("utf-8")


def test_a_key_others_can_read_is_not_used(project: Path, user_cache_home: Path) -> None:
    key_file = user_cache_home / "secretcheck" / "key"
    key_file.parent.mkdir(parents=True)
    key_file.write_bytes(b"\x02" * cache.KEY_BYTES)
    key_file.chmod(0o644)
    assert located(project) == EXPECTED
    assert entries(project) == []  # no trusted key: no cache, rather than a forgeable one


def test_cache_writes_its_gitignore_only_into_its_own_folder(project: Path) -> None:
    located(project)
    folder = project / ".secretcheck_cache"
    assert (folder / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").read_text("utf-8").startswith("Signature: 8a477f597d28d17")
    assert not (project / ".gitignore").exists()
    # A folder we did not make is never adopted, even if it is the configured cache-dir.
    shutil.rmtree(folder)
    write_tree(project, {".secretcheck_cache/notes.txt": "mine\n"})
    assert located(project) == EXPECTED
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_entry_that_is_a_symlink_to_a_device_is_a_miss(project: Path) -> None:
    assert located(project) == EXPECTED
    for entry in entries(project):
        entry.unlink()
        entry.symlink_to("/dev/zero")  # git can commit a symlink; read whole, it never ends
    assert located(project) == EXPECTED


def test_cache_symlinked_out_of_the_tree_writes_nothing_there(
    project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / ".secretcheck_cache").symlink_to(outside, target_is_directory=True)
    assert located(project) == EXPECTED
    assert list(outside.iterdir()) == []


def test_tagged_cache_with_a_symlinked_subfolder_writes_nothing_outside(
    project: Path, tmp_path: Path
) -> None:
    assert located(project) == EXPECTED
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(project / ".secretcheck_cache" / f"v{cache.CACHE_VERSION}")
    (project / ".secretcheck_cache" / f"v{cache.CACHE_VERSION}").symlink_to(
        outside, target_is_directory=True
    )
    (project / "app.py").write_text(expand(TEMPLATE, 24), encoding="utf-8")  # a new entry
    assert {e[2] for e in located(project)} == {"SC301", "SC101"}
    assert list(outside.iterdir()) == []


def test_default_cache_symlinked_out_with_a_config_present(project: Path, tmp_path: Path) -> None:
    """A config that does not set cache-dir: the committed link is refused at write time,
    not turned into a config error the repository could use to break every scan."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / ".secretcheck.toml").write_text('fail-on = "low"\n', encoding="utf-8")
    (project / ".secretcheck_cache").symlink_to(outside, target_is_directory=True)
    assert located(project) == EXPECTED
    assert list(outside.iterdir()) == []
