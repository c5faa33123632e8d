"""Injection precision pooled over every judged web-application sample, in one command.

    python benchmarks/build_corpus.py all                    # once; needs the network
    python benchmarks/realcode/pooled.py --out DIR           # scans each sample (~4 min)
    python benchmarks/realcode/pooled.py --from DIR          # reads an earlier --out DIR

The samples are `realapps` and the held-out ones, each with its judged CSV (`run.py`'s
`JUDGED_BY_CORPUS`; the nine libraries hold no injection defect and are left out). With `--out`,
`run.py --corpus NAME --no-peers --out DIR/NAME` scans each sample at default settings, as its
README section says. Then each library alert of an injection rule (the `input-handling` pack,
as `run.py` groups them; at or above the default gate) is looked up in the sample's CSV by
`location,rule`: a judged TP, a judged FP, or not judged yet.
The report adds them up per sample, pooled, by rule and by where the value came from (the first
step of the finding's trace: a query-string read, or anything else).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
# Sources that read the query string: Django's and Flask's mappings, Quart's and Bottle's,
# Starlette's, Tornado's.
QUERY = re.compile(
    r"request\.GET\b|request\.args \((?:Flask|Quart)\)|request\.query \(Bottle\)"
    r"|request\.query_params\b|get_query_argument"
)


def _run_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realcode_run", HERE / "run.py")
    assert spec is not None and spec.loader is not None
    run = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = run  # its dataclasses look their module up there
    spec.loader.exec_module(run)
    return run


def samples(judged: Mapping[str, Path]) -> dict[str, Path]:
    """The web-application samples of `run.py`'s judged files, in its order."""
    return {name: path for name, path in judged.items() if name != "realcode"}


def tally(findings: Iterable[Mapping[str, object]], judged: Mapping[tuple[str, str], str],
          gate: Iterable[str], injection: Iterable[str]) -> Counter[tuple[str, str]]:  # fmt: skip
    """(axis, key:verdict) counts of one sample's alerts of the `injection` rules; the axes are
    "all", "rule" and "source", the verdict "TP", "FP" or "unjudged"."""
    levels, rules = frozenset(gate), frozenset(injection)
    counts: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        rule = str(finding["rule_id"])
        if rule not in rules or finding["severity"] not in levels:
            continue
        verdict = judged.get((f"{finding['path']}:{finding['line']}", rule), "unjudged")
        trace = finding.get("trace")
        first = ""
        if isinstance(trace, list) and trace and isinstance(trace[0], dict):
            first = str(trace[0].get("note", ""))
        source = "query string" if QUERY.search(first) else "other"
        counts["all", verdict] += 1
        counts["rule", f"{rule}:{verdict}"] += 1
        counts["source", f"{source}:{verdict}"] += 1
    return counts


def _line(label: str, tp: int, fp: int, unjudged: int = 0) -> str:
    ratio = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
    extra = f" ({unjudged} not judged)" if unjudged else ""
    return f"| {label} | {tp} | {tp + fp} | {ratio} |{extra}"


def report(per_sample: Mapping[str, Counter[tuple[str, str]]]) -> str:
    rows = ["| sample | TP | alerts | precision |", "| --- | ---: | ---: | ---: |"]
    pooled: Counter[tuple[str, str]] = Counter()
    for name, counts in per_sample.items():
        pooled.update(counts)
        rows.append(_line(name, counts["all", "TP"], counts["all", "FP"],
                          counts["all", "unjudged"]))  # fmt: skip
    rows.append(_line("**all**", pooled["all", "TP"], pooled["all", "FP"],
                      pooled["all", "unjudged"]))  # fmt: skip
    for axis in ("rule", "source"):
        keys = sorted({key.rpartition(":")[0] for (a, key) in pooled if a == axis})
        rows += ["", f"| {axis} | TP | alerts | precision |", "| --- | ---: | ---: | ---: |"]
        rows += [_line(k, pooled[axis, f"{k}:TP"], pooled[axis, f"{k}:FP"],
                       pooled[axis, f"{k}:unjudged"]) for k in keys]  # fmt: skip
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="scan each sample into DIR/NAME first")
    where.add_argument("--from", dest="source", type=Path, help="read an earlier --out DIR")
    args = parser.parse_args(argv)
    run = _run_module()
    folder: Path = args.out or args.source
    per_sample: dict[str, Counter[tuple[str, str]]] = {}
    injection = [rule for rule, family in run.family_of_rules().items() if family == "injection"]
    for name, csv_path in samples(run.JUDGED_BY_CORPUS).items():
        if args.out is not None:
            subprocess.run([sys.executable, str(HERE / "run.py"), "--corpus", name, "--no-peers",
                            "--out", str(folder / name)], check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
        findings = folder / name / "library-findings.json"
        if not findings.is_file():
            print(f"{name}: no {findings}; skipped", file=sys.stderr)
            continue
        loaded = json.loads(findings.read_text(encoding="utf-8"))
        judged = {(r["location"], r["rule"]): r["verdict"] for r in run.judged_rows((csv_path,))}
        per_sample[name] = tally(loaded, judged, run.GATE, injection)
    print(report(per_sample))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
