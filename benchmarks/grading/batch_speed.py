"""Wall and CPU time of `secretcheck grade --batch` over 25 realistic submissions, on the local
executor and on a 2-worker Dask LocalCluster.

The 15 calibration submissions (seed 0) plus 10 of them built again with another seed (other
fake secrets, same code and history) make a batch of 25 git repositories, about the size of one
hiring round. Each `-j` value runs the real CLI once, in a fresh process, with `--executor
local`; then (unless `--no-dask`) the same batch runs with `--executor dask` on a LocalCluster
of `--workers` processes of one thread each, and its CSV must equal the local one. CPU time is
user+sys of this process and every process it reaped (the CLI, one child per submission, git,
and for Dask the scheduler in this process and the worker processes, started and stopped
inside the measurement): robust when other work shares the machine.

    python benchmarks/grading/batch_speed.py [JOBS ...] [--workers 2] [--no-dask] [--copies N]

JOBS defaults to 1 2. `--copies N` grades N copies of the 25 (100 submissions with 4): the
grade-at-scale figure, where the per-run costs (the warm process, the cluster) are spread
thinner.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build

EXTRA = 10


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def make_batch(dest: Path, copies: int = 1) -> int:
    build.build(dest)
    spare = dest.parent / "spare"
    for name in build.names()[:EXTRA]:
        shutil.move(build.build_one(name, spare, seed=1), dest / f"{name}-2")
    originals = sorted(p for p in dest.iterdir() if p.is_dir())
    for k in range(2, copies + 1):
        for repo in originals:
            shutil.copytree(repo, dest / f"{repo.name}-copy{k}", symlinks=True)
    return sum(1 for p in dest.iterdir() if p.is_dir())


def run(batch: Path, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from secretcheck.cli import main; main()", "grade", "--batch",
         "--format", "csv", *args, str(batch)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"grade exited {done.returncode}: {done.stderr.strip()}")
    return wall, done.stdout


def run_dask(batch: Path, workers: int) -> tuple[float, float, str]:
    from distributed import LocalCluster

    begun = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:  # fmt: skip
        up = time.perf_counter() - begun
        wall, csv = run(batch, "--executor", "dask", "--scheduler", str(cluster.scheduler_address))
    return wall, up, csv


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jobs", nargs="*", type=int, default=[1, 2])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="grade-speed-") as temp:
        batch = Path(temp) / "batch"
        count = make_batch(batch, args.copies)
        print(f"{count} submissions")
        reports = []
        for j in args.jobs:
            cpu = cpu_seconds()
            wall, csv = run(batch, "-j", str(j))
            reports.append(csv)
            print(f"local -j {j}: {len(csv.splitlines()) - 1} graded, wall {wall:.1f} s, "
                  f"CPU (user+sys) {cpu_seconds() - cpu:.1f} s")  # fmt: skip
        if not args.no_dask:
            cpu = cpu_seconds()
            wall, up, csv = run_dask(batch, args.workers)
            reports.append(csv)
            print(f"dask LocalCluster, {args.workers} workers: {len(csv.splitlines()) - 1} graded, "
                  f"wall {wall:.1f} s (plus {up:.1f} s cluster start), CPU (user+sys) "
                  f"{cpu_seconds() - cpu:.1f} s incl. cluster start and stop")  # fmt: skip
        same = all(r == reports[0] for r in reports)
        print(f"CSV reports identical: {same}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
