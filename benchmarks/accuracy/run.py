#!/usr/bin/env python3
"""Accuracy benchmark: secretcheck vs detect-secrets vs bandit (B105-B107) on a labeled corpus.

The corpus (`corpus/`) holds realistic files whose fake secrets are templates (`{{alnum:32}}`),
so the repository stays clean. A labeled line ends with a marker, `⟪+kind⟫` for a real secret
or `⟪-kind⟫` for a hard negative. This script materializes the corpus into a temporary folder
(templates expanded by a seeded generator, markers stripped, line numbers recomputed after
multi-line expansions such as PEM blocks), checks that `labels.jsonl` matches the markers, runs
the three tools on that folder and prints precision, recall and F1 per kind and overall.

Matching is per line: a tool's hit on a labeled-secret line is a true positive (several hits on
one line count once), a hit on any other line (labeled negative or unlabeled) is a false
positive, and a labeled-secret line no hit touches is a false negative. For secretcheck, only
unsuppressed findings of category `secret` at severity low or above count (info findings, such
as documented example keys, do not fail a scan either); repository-hygiene findings (SC5xx) are
file-level and reported separately.

    python benchmarks/accuracy/run.py                 # materialize, scan, print the table
    python benchmarks/accuracy/run.py --write-labels  # after editing the corpus
    python benchmarks/accuracy/run.py --keep /tmp/acc # keep the materialized files
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
LABELS = HERE / "labels.jsonl"
sys.path.insert(0, str(HERE.parent.parent))

from secretcheck.examples import expand  # noqa: E402

MARKER = re.compile(r"[ \t]*⟪(?P<sign>[+-])(?P<kind>[a-z0-9-]+)⟫[ \t]*$")
Label = tuple[str, int, str, str]  # file, line, "secret" | "not-secret", kind
Hits = set[tuple[str, int]]


def materialize(dest: Path) -> list[Label]:
    labels: list[Label] = []
    for source in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        rel = source.relative_to(CORPUS).as_posix()
        out: list[str] = []
        line_no = 1
        for raw in source.read_text(encoding="utf-8").split("\n"):
            marker = MARKER.search(raw)
            if marker:
                raw = raw[: marker.start()]
                polarity = "secret" if marker.group("sign") == "+" else "not-secret"
                labels.append((rel, line_no, polarity, marker.group("kind")))
            text = expand(raw, seed=rel)
            out.append(text)
            line_no += text.count("\n") + 1
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(out), encoding="utf-8")
    return labels


def read_labels() -> list[Label]:
    if not LABELS.exists():
        return []
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]
    return [(r["file"], r["line"], r["label"], r["kind"]) for r in rows]


def write_labels(labels: list[Label]) -> None:
    with LABELS.open("w", encoding="utf-8") as fh:
        for file, line, label, kind in labels:
            row = {"file": file, "line": line, "label": label, "kind": kind}
            fh.write(json.dumps(row, sort_keys=True) + "\n")


def _run(cmd: list[str], cwd: Path) -> tuple[str, float]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0:4]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout, elapsed


def run_secretcheck(root: Path) -> tuple[Hits, int, float]:
    code = "from secretcheck.cli import main; main()"
    out, elapsed = _run(
        [sys.executable, "-c", code, "scan", "--no-cache", "--format", "json", "."], root
    )
    hits: Hits = set()
    hygiene = 0
    for f in json.loads(out)["findings"]:
        if f["suppressed"] or f["severity"] == "info":
            continue
        if f["category"] == "repo-hygiene":
            hygiene += 1
        elif f["category"] == "secret":
            hits.add((f["path"], f["line"]))
    return hits, hygiene, elapsed


def run_detect_secrets(root: Path) -> tuple[Hits, float]:
    out, elapsed = _run([sys.executable, "-m", "detect_secrets", "scan", "--all-files", "."], root)
    hits: Hits = set()
    for path, results in json.loads(out)["results"].items():
        for r in results:
            hits.add((path.removeprefix("./"), r["line_number"]))
    return hits, elapsed


def run_bandit(root: Path) -> tuple[Hits, float]:
    cmd = [sys.executable, "-m", "bandit", "-r", "-q", "-t", "B105,B106,B107", "-f", "json", "."]
    out, elapsed = _run(cmd, root)
    hits: Hits = set()
    for r in json.loads(out)["results"]:
        hits.add((r["filename"].removeprefix("./"), r["line_number"]))
    return hits, elapsed


def score(hits: Hits, labels: list[Label]) -> dict[str, object]:
    positives = {(f, n) for f, n, label, _ in labels if label == "secret"}
    tp = len(hits & positives)
    fp = len(hits - positives)
    fn = len(positives - hits)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def per_kind(results: dict[str, Hits], labels: list[Label]) -> list[str]:
    groups: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for f, n, label, kind in labels:
        groups[(label, kind)].append((f, n))
    labeled = {(f, n) for f, n, _, _ in labels}
    tools = list(results)
    header = (
        f"| {'label':<10} | {'kind':<20} | {'lines':>5} | "
        + " | ".join(f"{t:>14}" for t in tools)
        + " |"
    )
    rows = [header, "|" + "|".join("-" * len(c) for c in header.split("|")[1:-1]) + "|"]
    for (label, kind), lines in sorted(groups.items()):
        cells = []
        for tool in tools:
            hit = sum(1 for line in lines if line in results[tool])
            # Secret rows show recall (lines found); not-secret rows show false alarms.
            cells.append(f"{hit}/{len(lines)} found" if label == "secret" else f"{hit} FP")
        rows.append(
            f"| {label:<10} | {kind:<20} | {len(lines):>5} | "
            + " | ".join(f"{c:>14}" for c in cells)
            + " |"
        )
    cells = [f"{len(results[t] - labeled)} FP" for t in tools]
    rows.append(f"| {'unlabeled':<10} | {'(any other line)':<20} | {'':>5} | "
                + " | ".join(f"{c:>14}" for c in cells) + " |")  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-labels", action="store_true", help="rewrite labels.jsonl")
    parser.add_argument("--keep", metavar="DIR", help="materialize into DIR and keep it")
    parser.add_argument("--only", default="secretcheck,detect-secrets,bandit")
    args = parser.parse_args()

    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="secretcheck-acc-"))
    if args.keep and root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    try:
        labels = materialize(root)
        if args.write_labels:
            write_labels(labels)
        elif read_labels() != labels:
            print("labels.jsonl is stale: run with --write-labels", file=sys.stderr)
            return 2
        results: dict[str, Hits] = {}
        timings: dict[str, float] = {}
        wanted = args.only.split(",")
        hygiene = 0
        if "secretcheck" in wanted:
            results["secretcheck"], hygiene, timings["secretcheck"] = run_secretcheck(root)
        if "detect-secrets" in wanted:
            results["detect-secrets"], timings["detect-secrets"] = run_detect_secrets(root)
        if "bandit" in wanted:
            results["bandit"], timings["bandit"] = run_bandit(root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)

    kinds = {p.suffix or p.name for p in CORPUS.rglob("*") if p.is_file()}
    secrets = sum(1 for _, _, label, _ in labels if label == "secret")
    print(f"corpus: {len(labels)} labeled lines ({secrets} secrets, {len(labels) - secrets} "
          f"hard negatives) in {sum(1 for p in CORPUS.rglob('*') if p.is_file())} files, "
          f"{len(kinds)} file types\n")  # fmt: skip
    print("\n".join(per_kind(results, labels)))
    print(f"\n| {'tool':<14} | {'TP':>4} | {'FP':>4} | {'FN':>4} | precision | recall |   F1  | "
          f"time (s) |")  # fmt: skip
    print("|----------------|------|------|------|-----------|--------|-------|----------|")
    for tool, hits in results.items():
        s = score(hits, labels)
        print(f"| {tool:<14} | {s['tp']:>4} | {s['fp']:>4} | {s['fn']:>4} | "
              f"{s['precision']:>9.3f} | {s['recall']:>6.3f} | {s['f1']:>5.3f} | "
              f"{timings[tool]:>8.2f} |")  # fmt: skip
    if "secretcheck" in results:
        print(f"\nsecretcheck repo-hygiene findings (file level, SC5xx): {hygiene}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
