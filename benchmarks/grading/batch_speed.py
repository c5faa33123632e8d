"""Wall and CPU time of `secretcheck grade --batch` over 25 realistic submissions.

The 15 calibration submissions (seed 0) plus 10 of them built again with another seed (other
fake secrets, same code and history) make a batch of 25 git repositories, about the size of one
hiring round. Each `-j` value runs the real CLI once, in a fresh process; CPU time is user+sys
of that process and all its workers (robust when other work shares the machine).

    python benchmarks/grading/batch_speed.py [JOBS ...]     # default: 1 2
"""

from __future__ import annotations

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


def make_batch(dest: Path) -> int:
    build.build(dest)
    spare = dest.parent / "spare"
    for name in build.names()[:EXTRA]:
        shutil.move(build.build_one(name, spare, seed=1), dest / f"{name}-2")
    return sum(1 for p in dest.iterdir() if p.is_dir())


def run(batch: Path, jobs: int) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from secretcheck.cli import main; main()", "grade", "--batch",
         "-j", str(jobs), "--format", "csv", str(batch)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    graded = len(done.stdout.splitlines()) - 1
    if done.returncode != 0:
        sys.exit(f"grade exited {done.returncode}: {done.stderr.strip()}")
    return wall, cpu, graded


def main() -> None:
    jobs = [int(j) for j in sys.argv[1:]] or [1, 2]
    with tempfile.TemporaryDirectory(prefix="grade-speed-") as temp:
        batch = Path(temp) / "batch"
        count = make_batch(batch)
        print(f"{count} submissions")
        for j in jobs:
            wall, cpu, graded = run(batch, j)
            print(f"-j {j}: {graded} graded, wall {wall:.1f} s, CPU (user+sys) {cpu:.1f} s")


if __name__ == "__main__":
    main()
