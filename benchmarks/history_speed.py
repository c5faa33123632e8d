"""Time `secretcheck history` on a generated repository with thousands of commits.

    python benchmarks/history_speed.py [--commits 5000] [--files 60] [--jobs 0] [--keep DIR]

The repository is written in one `git fast-import` stream (seconds, not minutes, for thousands
of commits): ~60 Python and config files edited a few lines at a time, the way real history
looks, with a fake token (generated from a template at run time, never stored) committed every
~`--secret-every` commits, all but the last replaced by an environment lookup later. The script
prints the commit count, the wall time of `secretcheck history --format json`, commits per
second, and checks that every planted token was reported with the right status.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from secretcheck.examples import expand

WORDS = ("user", "order", "item", "total", "value", "config", "client", "session", "cache",
         "record", "batch", "stream")  # fmt: skip


def code_line(rng: random.Random) -> str:
    a, b = rng.choice(WORDS), rng.choice(WORDS)
    return rng.choice(
        [
            f"def {a}_{b}_{rng.randrange(999)}({a}, {b}=None):",
            f"    {a}_{b} = compute_{a}({b}, {rng.randrange(100)})",
            f"    return {a}.{b}_{rng.randrange(99)}",
            f'    logger.info("processing {a} %s for {b}", {a}_id)',
            f"# {a} {b}: keep the {b} in sync with the {a} table",
            f"    if {a} is None or not {b}:",
            f"        raise ValueError('{a} needs a {b}')",
            f'{a.upper()}_{b.upper()}_TIMEOUT = int(os.environ.get("{a.upper()}_TIMEOUT", "30"))',
            "",
        ]
    )


def blob(text: str) -> bytes:
    data = text.encode()
    return b"data %d\n%s\n" % (len(data), data)


def build(repo: Path, commits: int, files: int, secret_every: int, seed: int) -> dict[str, str]:
    """Write the repository; return planted token -> expected status."""
    rng = random.Random(seed)
    contents = {
        f"pkg/mod_{i:03d}.py" if i % 5 else f"conf/app_{i:03d}.env": [
            code_line(rng) for _ in range(rng.randrange(20, 120))
        ]
        for i in range(files)
    }
    planted: dict[str, tuple[str, int]] = {}  # token -> (path, line index)
    expected: dict[str, str] = {}
    stream = bytearray()
    for n in range(1, commits + 1):
        changed = rng.sample(sorted(contents), k=rng.randrange(1, 4))
        for path in changed:
            lines = contents[path]
            for _ in range(rng.randrange(1, 6)):
                where = rng.randrange(len(lines) + 1)
                if rng.random() < 0.3 and len(lines) > 10:
                    del lines[min(where, len(lines) - 1)]
                else:
                    lines.insert(where, code_line(rng))
        if n % secret_every == 0:
            path = changed[0]
            token = expand("{{crc_token:ghp}}", f"bench-{n}")
            contents[path].append(f'SERVICE_TOKEN = "{token}"')
            planted[token] = (path, len(contents[path]) - 1)
            expected[token] = "present"
        elif n % secret_every == secret_every // 2 and planted:
            token = sorted(planted)[0]
            path, _ = planted.pop(token)
            contents[path] = [line for line in contents[path] if token not in line]
            contents[path].append('SERVICE_TOKEN = os.environ["SERVICE_TOKEN"]')
            changed.append(path)
            expected[token] = "removed"
        stamp = 1_600_000_000 + n * 3600
        stream += b"commit refs/heads/main\nmark :%d\n" % n
        stream += b"author Bench <bench@example.invalid> %d +0000\n" % stamp
        stream += b"committer Bench <bench@example.invalid> %d +0000\n" % stamp
        stream += blob(f"commit {n}")
        if n > 1:
            stream += b"from :%d\n" % (n - 1)
        for path in sorted(set(changed) if n > 1 else contents):
            stream += f"M 100644 inline {path}\n".encode() + blob("\n".join(contents[path]))
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=bytes(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)
    return expected


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--secret-every", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the repository here and keep it")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="sc-history-"))
    repo = workdir / "repo"
    if repo.exists():
        shutil.rmtree(repo)
    started = time.perf_counter()
    expected = build(repo, args.commits, args.files, args.secret_every, args.seed)
    built = time.perf_counter() - started
    command = [sys.executable, "-c", "from secretcheck.cli import main; main()", "history",
               "--format", "json", "--jobs", str(args.jobs)]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        print(done.stderr, file=sys.stderr)
        return 2
    report = json.loads(done.stdout)
    found = report["secrets"]
    commits = report["summary"]["commits_scanned"]
    print(f"repository: {commits} commits, {args.files} files (built in {built:.1f}s)")
    print(f"secretcheck history: {elapsed:.2f}s, {commits / elapsed:.0f} commits/s, "
          f"jobs={args.jobs or os.cpu_count()}")  # fmt: skip
    print(f"planted {len(expected)} tokens ({sum(v == 'removed' for v in expected.values())} "
          f"removed); reported {sum(s['rule_id'] == 'SC303' for s in found)} "
          f"({sum(s['status'] == 'removed' for s in found if s['rule_id'] == 'SC303')} removed), "
          f"{len(found)} findings in all")  # fmt: skip
    reported = sorted(s["status"] for s in found if s["rule_id"] == "SC303")
    ok = reported == sorted(expected.values())
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
