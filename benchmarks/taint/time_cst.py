"""Time the CST stage (parse + metadata + every enabled CST check) over a corpus of .py files.

Usage: python benchmarks/taint/time_cst.py DIR [DIR...]
Prints files, files parsed, and the best of three total wall times of `run_cst`, so the
stage can be compared before and after a change on the same machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from secretcheck.engines.cst import run_cst
from secretcheck.rulepacks import load_catalogue


def main(argv: list[str]) -> int:
    rules = [r for r in load_catalogue().active() if r.engine == "cst"]
    texts = []
    for root in argv:
        for path in sorted(Path(root).rglob("*.py")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    best = float("inf")
    hits = 0
    for _ in range(3):
        start = time.perf_counter()
        hits = sum(len(run_cst(rules, text)) for text in texts)
        best = min(best, time.perf_counter() - start)
    lines = sum(t.count("\n") for t in texts)
    print(
        f"files={len(texts)} lines={lines} cst_rules={len(rules)} hits={hits} best_of_3={best:.2f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
