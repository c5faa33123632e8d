"""Time `secretcheck fleet` over generated repositories: local executor vs a 2-worker Dask
LocalCluster.

    python benchmarks/fleet.py [--repos 50] [--min-commits 40] [--max-commits 600]
                               [--mode history] [--workers 2] [--keep DIR]

Each repository is written in one `git fast-import` stream by `history_speed.build` (Python
and config files edited a few lines at a time, a fake token generated at run time committed
and later replaced by an environment lookup), with a commit count drawn log-uniformly between
the bounds (a few big repositories, many small ones, as in a real organisation). Both runs
use the real CLI and must write the same fleet.json. Reported per run: wall time, CPU time of
every process involved (user+sys of this process and all reaped descendants: the CLI, its
per-repository children, the cluster's worker processes and their children), and
repositories per minute.
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from history_speed import build  # benchmarks/ is the script's folder, so on sys.path


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def make_fleet(root: Path, repos: int, low: int, high: int, seed: int) -> tuple[Path, int]:
    rng = random.Random(seed)
    total = 0
    names = []
    for i in range(repos):
        commits = int(math.exp(rng.uniform(math.log(low), math.log(high))))
        files = rng.randrange(15, 60)
        build(root / f"repo{i:03d}", commits, files, max(10, commits // 3), seed + i)
        names.append(f"repo{i:03d}")
        total += commits
    repo_list = root / "repos.txt"
    repo_list.write_text("".join(f"{n}\n" for n in names), encoding="utf-8")
    return repo_list, total


def run_fleet(root: Path, repo_list: Path, out: str, mode: str, *extra: str) -> float:
    command = [sys.executable, "-c", "from secretcheck.cli import main; main()", "fleet",
               str(repo_list), "-o", str(root / out), "--mode", mode, *extra]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"fleet failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=50)
    parser.add_argument("--min-commits", type=int, default=40)
    parser.add_argument("--max-commits", type=int, default=600)
    parser.add_argument("--mode", choices=("scan", "history", "both"), default="history")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", type=Path, help="build the repositories here and keep them")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="sc-fleet-"))
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    repo_list, commits = make_fleet(root, args.repos, args.min_commits, args.max_commits, args.seed)
    print(f"{args.repos} repositories, {commits} commits (built in "
          f"{time.perf_counter() - started:.0f} s)")  # fmt: skip

    cpu = cpu_seconds()
    wall = run_fleet(root, repo_list, "out-local", args.mode, "-j", str(args.workers))
    local_cpu = cpu_seconds() - cpu
    print(f"local, {args.workers} threads: wall {wall:.1f} s, CPU {local_cpu:.1f} s, "
          f"{args.repos / wall * 60:.0f} repos/min")  # fmt: skip

    from distributed import LocalCluster

    cpu, begun = cpu_seconds(), time.perf_counter()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:  # fmt: skip
        up = time.perf_counter()
        wall = run_fleet(root, repo_list, "out-dask", args.mode, "--executor", "dask",
                         "--scheduler", str(cluster.scheduler_address))  # fmt: skip
    dask_cpu = cpu_seconds() - cpu
    print(f"dask LocalCluster, {args.workers} workers: wall {wall:.1f} s (plus {up - begun:.1f} s "
          f"cluster start), CPU {dask_cpu:.1f} s incl. cluster start and stop, "
          f"{args.repos / wall * 60:.0f} repos/min")  # fmt: skip
    same = (root / "out-local/fleet.json").read_bytes() == (
        root / "out-dask/fleet.json"
    ).read_bytes()
    print(f"fleet.json identical: {same}")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
