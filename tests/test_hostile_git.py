"""A hostile repository runs nothing: every git-driven command, through the real CLI and git.

Each repository below sets every config key that can name a program (directly, or through
`include.path` with its hooks in `core.hooksPath`), puts a script for every hook, and routes
`*.py` through a clean/smudge filter and a textconv driver and `*.txt` through a long-running
filter process and an external diff driver. Every program is a script that leaves a marker
file named after its key. The control test shows plain git does run them on these repositories,
so an empty marker folder after a secretcheck command means secretcheck kept them from running.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from secretcheck.examples import expand
from tests.conftest import git

SECRETCHECK = str(Path(sys.executable).parent / "secretcheck")
TOKEN = expand("{{crc_token:ghp}}", "hostile-git")
OUTSIDE = expand("{{crc_token:ghp}}", "hostile-outside")
HOOKS = (
    "applypatch-msg", "pre-applypatch", "post-applypatch", "pre-commit", "pre-merge-commit",
    "prepare-commit-msg", "commit-msg", "post-commit", "pre-rebase", "post-checkout",
    "post-merge", "pre-push", "pre-receive", "update", "proc-receive", "post-receive",
    "post-update", "reference-transaction", "push-to-checkout", "pre-auto-gc", "post-rewrite",
    "sendemail-validate", "fsmonitor-watchman", "p4-changelist", "p4-prepare-changelist",
    "p4-post-changelist", "p4-pre-submit", "post-index-change",
)  # fmt: skip
# Key -> marker name. Values are scripts; git runs most of them through a shell.
PROGRAM_KEYS = {
    "core.fsmonitor": "fsmonitor",
    "filter.evil.clean": "filter-clean",
    "filter.evil.smudge": "filter-smudge",
    "filter.evil.required": None,
    "filter.evilp.process": "filter-process",
    "diff.conv.textconv": "textconv",
    "diff.ext.command": "diff-driver",
    "diff.external": "diff-external",
    "core.pager": "core-pager",
    "pager.log": "pager-log",
    "pager.diff": "pager-diff",
    "pager.show": "pager-show",
    "core.editor": "editor",
    "sequence.editor": "sequence-editor",
    "core.sshCommand": "ssh-command",
    "core.gitProxy": "git-proxy",
    "core.askPass": "ask" + "pass",  # (split so the key name is not read as a password)
    "credential.helper": "credential-helper",
    "gpg.program": "gpg",
    "gpg.ssh.program": "gpg-ssh",
    "gpg.x509.program": "gpg-x509",
    "core.alternateRefsCommand": "alternate-refs",
    "remote.origin.uploadpack": "uploadpack",
    "remote.origin.receivepack": "receivepack",
    "uploadpack.packObjectsHook": "pack-objects-hook",
}
TRANSPORT_KEYS = {
    "core.sshCommand", "core.gitProxy", "remote.origin.uploadpack", "remote.origin.receivepack",
    "uploadpack.packObjectsHook", "core.askPass", "credential.helper",
}  # fmt: skip
ATTRIBUTES = "*.py filter=evil diff=conv\n*.txt filter=evilp diff=ext\n"


def script(folder: Path, name: str, markers: Path, passthrough: bool = True) -> str:
    """An executable that leaves `markers/name` and passes its input (or file) through; a
    transport fails at once instead (git waits for a reply, not for it to read)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    body = 'if [ $# -eq 1 ] && [ -f "$1" ]; then exec cat "$1"; fi\nexec cat\n'
    path.write_text(f"#!/bin/sh\ntouch '{markers / name}'\n{body if passthrough else 'exit 1'}\n")
    path.chmod(0o755)
    return str(path)


def config_lines(evil: Path, markers: Path) -> list[tuple[str, str]]:
    lines = [
        (key, script(evil, name, markers, key not in TRANSPORT_KEYS) if name else "true")
        for key, name in PROGRAM_KEYS.items()
    ]
    lines += [("log.showSignature", "true"), ("diff.noprefix", "true"), ("core.quotePath", "false")]
    lines += [("remote.origin.url", "ssh://example.invalid/repo.git"), ("protocol.allow", "always")]
    lines += [(f"protocol.{p}.allow", "always") for p in ("ext", "file", "ssh", "git")]
    return lines


def sign(repo: Path) -> None:
    """Give HEAD a (fake) PGP signature, so that showing it would run `gpg.program`."""
    body = git(repo, "cat-file", "commit", "HEAD")
    head, _, message = body.partition("\n\n")
    signature = (
        "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----"
    )
    signed = f"{head}\n{signature}\n\n{message}"
    sha = subprocess.run(
        ["git", "-C", str(repo), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=signed, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    git(repo, "update-ref", "HEAD", sha)


def build(tmp: Path, how: str) -> tuple[Path, Path]:
    """A repository with staged, unstaged and untracked changes, then made hostile."""
    repo, markers, evil = tmp / "repo", tmp / "markers", tmp / "evil"
    markers.mkdir()
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / ".gitattributes").write_text(ATTRIBUTES)
    (repo / "app.py").write_text(f'TOKEN = "{TOKEN}"\n')
    (repo / "notes.txt").write_text("first\n")
    (repo / "conf.py").write_text("DEBUG = False\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    sign(repo)
    (repo / "conf.py").write_text("DEBUG = True\n")
    git(repo, "add", "conf.py")  # staged
    (repo / "app.py").write_text(f'TOKEN = "{TOKEN}"\nOTHER = 1\n')  # unstaged
    (repo / "notes.txt").write_text("first\nsecond\n")
    (repo / "new.py").write_text("x = 1\n")  # untracked
    settings = config_lines(evil, markers)
    if how == "config":
        target, hooks = repo / ".git" / "config", repo / ".git" / "hooks"
    else:  # everything arrives through include.path; hooks through core.hooksPath
        target, hooks = evil / "included.cfg", evil / "hooks"
        settings.append(("core.hooksPath", str(hooks)))
        git(repo, "config", "include.path", str(target))
        git(repo, "config", f"includeIf.gitdir:{repo}/.path", str(target))
    for key, value in settings:
        subprocess.run(["git", "config", "--file", str(target), key, value], check=True)
    for hook in HOOKS:
        script(hooks, hook, markers)
    return repo, markers


def secretcheck(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SECRETCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
        stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip


def left(markers: Path) -> list[str]:
    return sorted(p.name for p in markers.iterdir())


COMMANDS: dict[str, Sequence[str]] = {
    "scan": ("scan", "."),
    "staged": ("scan", "--staged"),
    "pre-commit": ("scan", "--staged", "--force-exclude", "conf.py", "app.py"),
    "diff": ("scan", "--diff", "HEAD"),
    "baseline": ("baseline", "create", "-o", "../baseline.json"),
    "history": ("history",),
    "history-all": ("history", "--all-branches"),
    "grade": ("grade", "--format", "json", "repo"),
}


@pytest.mark.parametrize("how", ["config", "include"])
def test_plain_git_runs_the_planted_programs(tmp_path: Path, how: str) -> None:
    """The control: the same repository does run code under ordinary git commands."""
    repo, markers = build(tmp_path, how)
    for args in (("status",), ("diff", "HEAD"), ("log", "-p", "-1")):
        subprocess.run(["git", *args], cwd=repo, capture_output=True, stdin=subprocess.DEVNULL,
                       timeout=60, check=False)  # fmt: skip
    ran = set(left(markers))
    assert {"fsmonitor", "filter-clean", "textconv", "diff-driver", "gpg"} <= ran, ran


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("how", ["config", "include"])
def test_no_command_runs_anything_from_the_repository(
    tmp_path: Path, how: str, command: str
) -> None:
    repo, markers = build(tmp_path, how)
    args = COMMANDS[command]
    done = secretcheck(tmp_path if command == "grade" else repo, *args)
    assert left(markers) == [], done.stderr
    assert done.returncode in (0, 1), done.stderr  # the commands still work
    assert "Traceback" not in done.stderr


def test_diff_still_sees_the_lines_added_in_the_work_tree(tmp_path: Path) -> None:
    """Hashing and diffing the work tree ourselves keeps `--diff` semantics: the token line is
    unchanged since HEAD, so it is not reported; a new token in an untracked file is."""
    repo, markers = build(tmp_path, "config")
    (repo / "extra.py").write_text(f'KEY = "{TOKEN}"\n')
    done = secretcheck(repo, "scan", "--diff", "HEAD", "--format", "json")
    assert done.returncode == 1, done.stderr
    found = {(f["path"], f["line"]) for f in json.loads(done.stdout)["findings"]}
    assert ("extra.py", 1) in found
    assert not any(path == "app.py" for path, _ in found)
    assert left(markers) == []


@pytest.mark.parametrize("url", ["ssh", "ext", "file"])
def test_a_lazy_fetch_in_a_partial_clone_starts_no_transport(tmp_path: Path, url: str) -> None:
    """A blob missing from a promisor repository makes git fetch it: over ssh it would run
    core.sshCommand, over ext:: any command, over file:// the remote's uploadpack."""
    repo, markers = tmp_path / "repo", tmp_path / "markers"
    markers.mkdir()
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "gone.py").write_text(f'TOKEN = "{TOKEN}"\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    blob = git(repo, "rev-parse", "HEAD:gone.py").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    urls = {
        "ssh": "ssh://example.invalid/repo.git",
        "ext": f"ext::sh -c touch% {markers / 'ext-helper'}",
        "file": str(tmp_path / "elsewhere.git"),
    }
    git(tmp_path, "init", "-q", "--bare", str(tmp_path / "elsewhere.git"))
    evil = tmp_path / "evil"
    for key, value in [
        ("core.repositoryformatversion", "1"), ("extensions.partialClone", "origin"),
        ("remote.origin.promisor", "true"), ("remote.origin.url", urls[url]),
        ("remote.origin.uploadpack", script(evil, "uploadpack", markers, passthrough=False)),
        ("core.sshCommand", script(evil, "ssh-command", markers, passthrough=False)),
        ("protocol.allow", "always"), ("protocol.ext.allow", "always"),
    ]:  # fmt: skip
        git(repo, "config", key, value)
    control = subprocess.run(["git", "log", "-p"], cwd=repo, capture_output=True,
                             stdin=subprocess.DEVNULL, timeout=60, check=False)  # fmt: skip
    assert left(markers) != [], control.stderr  # plain git does start the transport
    for leftover in markers.iterdir():
        leftover.unlink()
    done = secretcheck(repo, "history")
    assert left(markers) == []
    assert done.returncode == 2, done.stderr  # the missing blob is a clean git error
    assert "Traceback" not in done.stderr and "git" in done.stderr


def test_core_worktree_outside_the_repository_reads_nothing_there(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "app.py").write_text(f'TOKEN = "{OUTSIDE}"\n')
    (elsewhere / "other.py").write_text(f'TOKEN = "{OUTSIDE}"\n')
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "app.py").write_text("x = 1\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    git(repo, "config", "core.worktree", str(elsewhere))
    for args in (("scan", "--diff", "HEAD"), ("scan", "."), ("scan", "--staged")):
        done = secretcheck(repo, *args, "--format", "json")
        assert OUTSIDE[-8:] not in done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        if args[1] == "--diff":
            assert done.returncode == 2
            assert "core.worktree" in done.stderr
        elif args[1] == ".":  # the folder is walked instead of trusting git's work tree
            assert done.returncode == 0, done.stderr
            assert json.loads(done.stdout)["findings"] == []


def test_a_tracked_folder_now_linking_out_of_the_root_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "pkg"
    outside.mkdir(parents=True)
    (outside / "mod.py").write_text(f'TOKEN = "{OUTSIDE}"\n')
    repo = tmp_path / "repo"
    (repo / "pkg").mkdir(parents=True)
    (repo / "pkg" / "mod.py").write_text("x = 1\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    shutil.rmtree(repo / "pkg")
    (repo / "pkg").symlink_to(outside, target_is_directory=True)
    assert "pkg/mod.py" in git(repo, "ls-files")  # git still lists the file
    scan = secretcheck(repo, "scan", ".", "--format", "json")
    assert scan.returncode == 0, scan.stderr
    report = json.loads(scan.stdout)
    assert report["findings"] == []
    assert {"path": "pkg/mod.py", "reason": "symlink-outside-root"}.items() <= next(
        s for s in report["skipped"] if s["path"] == "pkg/mod.py"
    ).items()
    diff = secretcheck(repo, "scan", "--diff", "HEAD", "--format", "json")
    assert diff.returncode == 0, diff.stderr
    assert json.loads(diff.stdout)["findings"] == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the copy to another user")
def test_grade_reads_a_repository_owned_by_another_user(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "app.py").write_text(f'TOKEN = "{TOKEN}"\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    (repo / "app.py").write_text('import os\nTOKEN = os.environ["TOKEN"]\n')
    git(repo, "commit", "-qam", "read the token from the environment")
    theirs = tmp_path / "theirs"
    shutil.copytree(repo, theirs, symlinks=True)
    subprocess.run(["chown", "-R", "nobody", str(theirs)], check=True)
    refused = subprocess.run(["git", "log", "-1"], cwd=theirs, capture_output=True, text=True,
                             check=False)  # fmt: skip
    assert "dubious ownership" in refused.stderr  # plain git refuses it
    mine = json.loads(secretcheck(tmp_path, "grade", "--format", "json", "repo").stdout)
    done = secretcheck(tmp_path, "grade", "--format", "json", "theirs")
    assert done.returncode != 2, done.stderr
    graded = json.loads(done.stdout)
    assert TOKEN not in done.stdout
    # the other user's copy is graded exactly as the owner's: history included
    assert _without_names(graded) == _without_names(mine)


def _without_names(report: object) -> object:
    text = json.dumps(report, sort_keys=True)
    return json.loads(text.replace("theirs", "repo"))


@pytest.mark.slow
def test_a_config_include_that_never_ends_fails_fast(tmp_path: Path) -> None:
    """`include.path` cannot be switched off; a FIFO there would block every git call. It is
    seen before git starts (gitfiles.py): scan walks the folder, --staged stops."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "app.py").write_text(f'TOKEN = "{TOKEN}"\n')
    git(repo, "add", "-A")
    os.mkfifo(tmp_path / "never")
    git(repo, "config", "include.path", str(tmp_path / "never"))
    scan = secretcheck(repo, "scan", ".", "--format", "json")
    assert scan.returncode == 1, scan.stderr  # walked instead: the token is still found
    assert [f["path"] for f in json.loads(scan.stdout)["findings"]] == ["app.py"]
    staged = secretcheck(repo, "scan", "--staged")
    assert staged.returncode == 2
    assert "is a FIFO" in staged.stderr and "Traceback" not in staged.stderr


def test_a_mailmap_that_never_ends_is_not_read(tmp_path: Path) -> None:
    """log.mailmap is on by default: `git log` would open mailmap.file, here a FIFO."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "app.py").write_text("x = 1\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    os.mkfifo(tmp_path / "never")
    git(repo, "config", "mailmap.file", str(tmp_path / "never"))
    for cwd, args in ((repo, ("history",)), (tmp_path, ("grade", "repo"))):
        done = subprocess.run(
            [SECRETCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=60,
            stdin=subprocess.DEVNULL, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_grade_reads_no_history_from_another_repository_on_disk(tmp_path: Path) -> None:
    """A clone made with --shared borrows the objects of a repository outside the submission:
    it is graded as a plain folder, so history held only over there is not read."""
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "app.py").write_text(f'TOKEN = "{OUTSIDE}"\n')
    git(other, "add", "-A")
    git(other, "commit", "-qm", "first")
    (other / "app.py").write_text("import os\nTOKEN = os.environ['TOKEN']\n")
    git(other, "commit", "-qam", "second")
    batch = tmp_path / "batch"
    batch.mkdir()
    git(batch, "clone", "-q", "--shared", str(other), "shared")
    git(batch, "clone", "-q", "--no-local", str(other), "copied")
    leak = git(other, "rev-parse", "HEAD~1").strip()  # the commit that added the token
    reports = {}
    for name in ("shared", "copied"):
        done = secretcheck(batch, "grade", "--format", "json", name)
        assert done.returncode in (0, 1), done.stderr
        reports[name] = done.stdout
    assert f'"commit": "{leak}"' in reports["copied"]  # a real copy: its own history is graded
    assert leak not in reports["shared"]


def _plant_fifo(repo: Path, where: str) -> None:
    """A FIFO where git reads a file: in the git folder, or named by the repository's config."""
    if where == "info/exclude":
        (repo / ".git" / "info").mkdir(exist_ok=True)
        (repo / ".git" / "info" / "exclude").unlink(missing_ok=True)
        os.mkfifo(repo / ".git" / "info" / "exclude")
    elif where == "index":
        (repo / ".git" / "index").unlink()
        os.mkfifo(repo / ".git" / "index")
    else:  # a config key naming a FIFO outside the git folder
        os.mkfifo(repo.parent / "never")
        git(repo, "config", where, str(repo.parent / "never"))


@pytest.mark.parametrize("where", ["info/exclude", "index", "core.excludesFile", "include.path"])
def test_a_fifo_that_git_would_read_is_refused_at_once(tmp_path: Path, where: str) -> None:
    """`git ls-files --exclude-standard` opened such a FIFO and waited for its 300 s timeout.
    Now the repository is refused before git starts: scan walks the folder instead (the token
    is still found), and --staged, which needs git, stops with the reason."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "app.py").write_text(f'TOKEN = "{TOKEN}"\n')
    git(repo, "add", "-A")
    _plant_fifo(repo, where)
    for args, code in ((("scan", ".", "--format", "json"), 1), (("scan", "--staged"), 2)):
        done = subprocess.run(
            [SECRETCHECK, *args], cwd=repo, capture_output=True, text=True, timeout=60,
            stdin=subprocess.DEVNULL, check=False,
        )  # fmt: skip
        assert done.returncode == code, done.stderr
        assert "Traceback" not in done.stderr
        if code == 1:
            assert [f["path"] for f in json.loads(done.stdout)["findings"]] == ["app.py"]
        else:
            assert "is a FIFO, not a regular file" in done.stderr


@pytest.mark.slow
def test_a_fifo_named_gitignore_in_the_work_tree_ends_in_the_walk(tmp_path: Path) -> None:
    """git reads every folder's .gitignore while listing untracked files; a FIFO there held
    `ls-files` for its 300 s timeout. The listing now gives up after 30 s and the folder is
    walked: the token is still found, well inside the issue's 60 s."""
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "app.py").write_text(f'TOKEN = "{TOKEN}"\n')
    git(repo, "add", "-A")
    os.mkfifo(repo / "sub" / ".gitignore")
    done = subprocess.run(
        [SECRETCHECK, "scan", ".", "--format", "json"], cwd=repo, capture_output=True, text=True,
        timeout=60, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert [f["path"] for f in json.loads(done.stdout)["findings"]] == ["app.py"]
