"""Alerts per 10k lines of library code on the real-code corpus, per rule.

Usage: python benchmarks/realcode_alerts.py [CORPUS_DIR] [--select SC240,SC241,...]
(default corpus: /work/corpus/realcode, one unpacked sdist per folder, read-only)

Each project is scanned with default settings (`secretcheck scan --format json --no-cache`,
plus `--select` when given, which only narrows the rules run). Library lines are the lines of
`.py` files outside test, fixture, example and docs paths (`analysis.context.path_context`),
and only findings in those files are counted (examples and docs are scanned but not counted).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from secretcheck.analysis.context import path_context


def library_lines(root: Path) -> int:
    total = 0
    for path in root.rglob("*.py"):
        if path_context(path.relative_to(root).as_posix()) is None:
            with path.open("rb") as fh:
                total += sum(1 for _ in fh)
    return total


def main(argv: list[str]) -> int:
    select = ""
    if "--select" in argv:
        select = argv[argv.index("--select") + 1]
        argv = [a for a in argv if a not in ("--select", select)]
    corpus = Path(argv[0]) if argv else Path("/work/corpus/realcode")
    exe = Path(sys.executable).with_name("secretcheck")
    counts: Counter[str] = Counter()
    lines = 0
    for project in sorted(p for p in corpus.iterdir() if p.is_dir()):
        command = [str(exe), "scan", "--format", "json", "--no-cache", "--fail-on", "critical"]
        if select:
            command += ["--select", select]
        done = subprocess.run([*command, str(project)], capture_output=True, text=True,
                              cwd=project)  # fmt: skip
        # Counted where the lines are counted: library code, not tests, examples or docs.
        found = Counter(f["rule_id"] for f in json.loads(done.stdout)["findings"]
                        if path_context(f["path"]) is None)  # relative: the scan runs in `project`
        project_lines = library_lines(project)
        lines += project_lines
        counts.update(found)
        print(f"{project.name:<28}{project_lines:>9} lines  {dict(sorted(found.items()))}")
    print(f"\nlibrary lines: {lines}")
    for code, n in sorted(counts.items()):
        print(f"{code}: {n} alerts, {n * 10_000 / lines:.3f} per 10k library lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
