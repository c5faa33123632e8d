"""Build the grading calibration submissions as real git repositories.

Each folder under `calibration/` holds one candidate's submission to the same prompt (see
`expected.toml`): `commits.toml` lists the commits in order, each with its message and the files
it writes (`"path"` copies `files/path`; `{ path, from }` copies another file of the folder, so
one file can change between commits and artefacts such as `venv/` can be stored without being
ignored by this repository) and optional `delete`. Fake secrets are templates such as
`{{alnum:40}}`, expanded with a fixed seed here, so this repository holds nothing token-shaped.
Dates and authors are fixed, so every build gives the same commits. A commit may name its
`author = "Name <email>"` (an employer's skeleton commits come first, by someone else), and a
top-level `[damage]` table can break the built repository the way partial clones are broken:
`delete_blob = "path@N"` deletes the object file of that file's version in commit N (0-based).

    python benchmarks/grading/build.py OUT_DIR [NAME...]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from secretcheck import tomlcompat
from secretcheck.examples import expand

HERE = Path(__file__).resolve().parent
CALIBRATION = HERE / "calibration"
EXPECTED = HERE / "expected.toml"
EPOCH = 1_767_225_600  # 2026-01-01T00:00:00Z


CANDIDATE = "Candidate <candidate@example.invalid>"


def _git(repo: Path, *args: str, when: int = EPOCH, author: str = CANDIDATE) -> str:
    stamp = f"{when} +0000"
    name, email = author.rstrip(">").split(" <")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }  # fmt: skip
    done = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, env=env, capture_output=True, text=True
    )
    return done.stdout.strip()


def names() -> list[str]:
    return sorted(p.name for p in CALIBRATION.iterdir() if (p / "commits.toml").is_file())


def _entries(commit: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for item in commit.get("files", []):
        if isinstance(item, str):
            out.append((item, f"files/{item}"))
        else:
            out.append((item["path"], item["from"]))
    return out


def build_one(name: str, dest: Path, seed: int = 0) -> Path:
    source = CALIBRATION / name
    repo = dest / name
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    spec = tomlcompat.loads((source / "commits.toml").read_text(encoding="utf-8"))
    commits = spec["commits"]
    shas = []
    for index, commit in enumerate(commits):
        for path, origin in _entries(commit):
            text = (source / origin).read_text(encoding="utf-8")
            target = repo / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(expand(text, seed=f"{seed}:{name}"), encoding="utf-8")
        for path in commit.get("delete", []):
            (repo / path).unlink()
        _git(repo, "add", "-A", "-f")
        when = EPOCH + 3600 * (index + 1)
        author = commit.get("author", CANDIDATE)
        _git(repo, "commit", "-q", "-m", commit["message"], when=when, author=author)
        shas.append(_git(repo, "rev-parse", "HEAD"))
    if "damage" in spec:
        _damage(repo, spec["damage"], shas)
    return repo


def _damage(repo: Path, damage: dict[str, str], shas: list[str]) -> None:
    """Delete one object file, as a partial or broken clone lacks it."""
    path, index = damage["delete_blob"].rsplit("@", 1)
    blob = _git(repo, "rev-parse", f"{shas[int(index)]}:{path}")
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()


def build(dest: Path, only: list[str] | None = None, seed: int = 0) -> dict[str, Path]:
    """Build the named submissions (default: all) under `dest`; return name -> repository."""
    return {name: build_one(name, dest, seed) for name in (only or names())}


def expected() -> dict[str, Any]:
    return tomlcompat.loads(EXPECTED.read_text(encoding="utf-8"))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name, repo in build(Path(sys.argv[1]), sys.argv[2:] or None).items():
        print(f"{name}: {repo}")
