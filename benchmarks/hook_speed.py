"""Time the pre-commit hook's command on a few staged files, side by side with bandit.

    python benchmarks/hook_speed.py                       # flask's app, helpers, sessions, config
    python benchmarks/hook_speed.py --compare before=/path/to/other/secretcheck --repeat 7

A throw-away git repository gets copies of the files, staged; each row runs as its own process,
round-robin, after one untimed warm-up run each. CPU is the growth of RUSAGE_CHILDREN (user +
system, git's child processes included), as in speed.py. Rows:
  hook, cold        secretcheck scan --staged --force-exclude FILES --no-cache
  hook, warm cache  the same without --no-cache: the findings cache (filled by the warm-up)
                    holds every file, as on a second commit of unchanged files
  bandit            bandit -q FILES
and each `--compare LABEL=COMMAND` (run like `secretcheck`) as a cold and a warm hook row.
The user cache folder (XDG_CACHE_HOME, where secretcheck keeps its validated rule catalogue)
is the benchmark's own, filled by the warm-up runs: the figures of every commit after the
first.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLASK = HERE / ".corpus" / "realcode" / "flask-3.1.3" / "src" / "flask"
DEFAULT_FILES = [FLASK / n for n in ("app.py", "helpers.py", "sessions.py", "config.py")]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = child_cpu()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        tail = done.stderr.decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"{argv[0]} exited {done.returncode}:\n{tail}")
    return child_cpu() - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--repeat", "-n", type=int, default=5)
    parser.add_argument("--compare", action="append", default=[], metavar="LABEL=COMMAND")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="hook-speed-"))
    try:
        repo = work / "repo"
        repo.mkdir()
        names = [f.name for f in args.files]
        for path in args.files:
            shutil.copyfile(path, repo / path.name)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = str(work / "user-cache")
        git = ["git", "-C", str(repo)]
        subprocess.run([*git, "init", "-q"], check=True, env=env)
        subprocess.run([*git, "add", *names], check=True, env=env)
        sc = [str(Path(sys.executable).parent / "secretcheck")]
        hook = ["scan", "--staged", "--force-exclude", *names]
        rows = {
            "hook, cold": [*sc, *hook, "--no-cache"],
            "hook, warm cache": [*sc, *hook],
            "bandit": [sys.executable, "-m", "bandit", "-q", *names],
        }
        for spec in args.compare:
            label, _, command = spec.partition("=")
            rows[f"{label}, cold"] = [*shlex.split(command), *hook, "--no-cache"]
            rows[f"{label}, warm cache"] = [*shlex.split(command), *hook]
        cpus: dict[str, list[float]] = {name: [] for name in rows}
        for command in rows.values():
            timed(command, repo, env)  # warm-up: bytecode, page cache, catalogue, cache
        load = os.getloadavg()[0]
        for _ in range(args.repeat):
            for name, command in rows.items():
                cpus[name].append(timed(command, repo, env))
        print(f"{len(names)} staged files ({', '.join(names)}); {args.repeat} runs each; "
              f"load {load:.2f} -> {os.getloadavg()[0]:.2f}; CPU s, median (min)")  # fmt: skip
        reference = statistics.median(cpus["bandit"])
        for name, values in cpus.items():
            median = statistics.median(values)
            print(f"{name:<22} {median:6.2f} ({min(values):.2f})  {median / reference:.2f}x bandit")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
