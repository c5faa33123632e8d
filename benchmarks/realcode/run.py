#!/usr/bin/env python3
"""Alerts per 10k lines of library code on real projects, secretcheck beside its peers.

    python benchmarks/build_corpus.py realcode           # once: the 9 pinned sdists
    python benchmarks/realcode/run.py                    # secretcheck, bandit, detect-secrets
    python benchmarks/realcode/run.py --rules SC2        # only rules starting SC2 (--select)
    python benchmarks/realcode/run.py --no-peers         # secretcheck alone (faster)
    python benchmarks/realcode/run.py --peers-from DIR   # peers' reports of an earlier --out DIR
    python benchmarks/realcode/run.py --corpus realapps  # the web applications, judged_apps.csv
    python benchmarks/realcode/run.py --corpus holdout   # 6 more apps, judged_holdout.csv
    python benchmarks/realcode/run.py --corpus holdout2  # 7 more, judged_holdout2.csv
    python benchmarks/realcode/run.py --corpus holdout3  # 7 more, judged_holdout3.csv
    python benchmarks/realcode/run.py --corpus holdout4  # 7 more, judged_holdout4.csv
    python benchmarks/realcode/run.py --corpus holdout5  # 6 more, judged_holdout5.csv
    python benchmarks/realcode/run.py --corpus holdout6  # 6 more, judged_holdout6.csv
    python benchmarks/realcode/run.py --corpus holdout7  # 8 more, judged_holdout7.csv
    python benchmarks/realcode/run.py --corpus holdout8  # 6 more, judged_holdout8.csv
    python benchmarks/realcode/run.py --corpus holdout9  # 7 more, judged_holdout9.csv
    python benchmarks/realcode/run.py --corpus holdout10 # 8 more, judged_holdout10.csv
    python benchmarks/realcode/run.py --corpus holdout11 # 8 more, judged_holdout11.csv
    python benchmarks/realcode/run.py --corpus holdout12 # 5 more, judged_holdout12.csv
    python benchmarks/realcode/run.py --corpus holdout13 # 5 more, judged_holdout13.csv
    python benchmarks/realcode/run.py --corpus holdout14 # 8 more, judged_holdout14.csv
    python benchmarks/realcode/run.py --corpus holdout15 # more, judged_holdout15.csv
    python benchmarks/realcode/run.py --corpus holdout16 # 8 more, judged_holdout16.csv
    python benchmarks/realcode/run.py --corpus holdout17 # 8 more, judged_holdout17.csv
    python benchmarks/realcode/run.py --corpus holdout18 # 8 more, judged_holdout18.csv
    python benchmarks/realcode/run.py --corpus holdout19 # 5 more, judged_holdout19.csv
    python benchmarks/realcode/run.py --corpus holdout20 # more, judged_holdout20.csv
    python benchmarks/realcode/run.py --corpus holdout21 # more, judged_holdout21.csv
    python benchmarks/realcode/run.py --corpus holdout22 # more, judged_holdout22.csv
    python benchmarks/realcode/run.py --corpus holdout23 # more, judged_holdout23.csv
    python benchmarks/realcode/run.py --corpus holdout24 # more, judged_holdout24.csv
    python benchmarks/realcode/run.py --corpus holdout25 # more, judged_holdout25.csv
    python benchmarks/realcode/run.py --corpus holdout26 # more, judged_holdout26.csv
    python benchmarks/realcode/run.py --corpus holdout27 # more, judged_holdout27.csv
    python benchmarks/realcode/run.py --corpus holdout28 # more, judged_holdout28.csv
    python benchmarks/realcode/run.py --corpus holdout29 # more, judged_holdout29.csv
    python benchmarks/realcode/run.py --corpus holdout30 # more, judged_holdout30.csv
    python benchmarks/realcode/run.py --corpus holdout31 # more, judged_holdout31.csv
    python benchmarks/realcode/run.py --corpus holdout32 # more, judged_holdout32.csv
    python benchmarks/realcode/run.py --corpus holdout33 # more, judged_holdout33.csv
    python benchmarks/realcode/run.py --corpus holdout34 # more, judged_holdout34.csv
    python benchmarks/realcode/run.py --corpus holdout35 # more, judged_holdout35.csv
    python benchmarks/realcode/run.py --corpus holdout36 # more, judged_holdout36.csv
    python benchmarks/realcode/run.py --corpus holdout37 # more, judged_holdout37.csv
    python benchmarks/realcode/run.py --corpus holdout38 # more, judged_holdout38.csv
    python benchmarks/realcode/run.py --corpus holdout39 # more, judged_holdout39.csv
    python benchmarks/realcode/run.py --corpus holdout40 # more, judged_holdout40.csv
    python benchmarks/realcode/run.py --corpus holdout41 # more, judged_holdout41.csv
    python benchmarks/realcode/run.py --corpus holdout42 # more, judged_holdout42.csv
    python benchmarks/realcode/run.py --corpus holdout43 # more, judged_holdout43.csv
    python benchmarks/realcode/run.py --corpus holdout44 # more, judged_holdout44.csv
    python benchmarks/realcode/run.py --corpus holdout45 # more, judged_holdout45.csv
    python benchmarks/realcode/run.py --corpus holdout46 # more, judged_holdout46.csv
    python benchmarks/realcode/run.py --corpus holdout47 # more, judged_holdout47.csv
    python benchmarks/realcode/run.py --corpus holdout48 # more, judged_holdout48.csv
    python benchmarks/realcode/run.py --corpus holdout49 # more, judged_holdout49.csv
    python benchmarks/realcode/run.py --corpus holdout50 # more, judged_holdout50.csv
    python benchmarks/realcode/run.py --corpus holdout51 # more, judged_holdout51.csv
    python benchmarks/realcode/run.py --corpus holdout52 # more, judged_holdout52.csv
    python benchmarks/realcode/run.py --audit            # secretcheck --audit (info findings too)

secretcheck scans the whole corpus with its DEFAULT settings (`scan CORPUS --no-cache`, as a
user would run it, so test and docs paths get their usual treatment), bandit runs `-r CORPUS`
and detect-secrets `scan --all-files` in the corpus. Only findings in library files count (see
`library.py` for how tests and docs are recognised), divided by the lines of those files:

- secretcheck: an *alert* is an unsuppressed finding at or above the default gate (`low`); info
  findings are counted apart, as they never fail a run;
- bandit: every result, and apart those of medium severity or more;
- detect-secrets: every reported secret.

Rates are by rule and by family (the rule pack folder: credentials, tokens and entropy are
"secret"; input-handling is "injection"; configuration, hygiene, diagnostics as named).

`judged.csv` (`judged_apps.csv` for the `realapps` corpus, plus `judged_apps_audit.csv` with
`--audit`; `judged_holdout.csv` and `judged_holdout_audit.csv` for `holdout`; the same with
`holdout2` ... `holdout52` in the names for those corpora;
`--judged FILE`, repeatable, for others) holds hand-judged findings
(`location,rule,verdict,reason`; verdict TP or FP).
Rows still reported as alerts give precision per family; rows reported at info are listed apart;
rows no longer reported are listed as gone (a gone TP is lost recall). Results go to `--out`
(default `benchmarks/.results/<corpus name>/`) as `realcode.json` and `realcode.md`; the Markdown is
printed too. CPU time is the growth of `getrusage(RUSAGE_CHILDREN)` (user + system of each tool
and its workers).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from library import Inventory, inventory  # noqa: E402

from secretcheck.rulepacks import load_catalogue  # noqa: E402

CORPUS_ROOT = REPO / "benchmarks" / ".corpus"
RESULTS_ROOT = REPO / "benchmarks" / ".results"
# Each named corpus of build_corpus.py with its judged sample, and the judged info findings that
# only `--audit` reports (kept apart so that a default run does not list them as gone).
JUDGED_BY_CORPUS = {
    "realcode": HERE / "judged.csv",
    "realapps": HERE / "judged_apps.csv",
    # judged before the fixes tuned on realapps, so precision is also measured on untuned code
    "holdout": HERE / "judged_holdout.csv",
    # a fresh sample judged at main 2d6510c, once holdout had been tuned on
    "holdout2": HERE / "judged_holdout2.csv",
    # a fresh sample judged at main 9846268, once holdout2 had been tuned on
    "holdout3": HERE / "judged_holdout3.csv",
    # a fresh sample judged at main b0400ac, once holdout3 had been judged
    "holdout4": HERE / "judged_holdout4.csv",
    # a fresh sample judged at main 4868b5e, once holdout4 had been tuned on
    "holdout5": HERE / "judged_holdout5.csv",
    # a fresh sample judged at main 241a4c8, once holdout5 had been tuned on
    "holdout6": HERE / "judged_holdout6.csv",
    # a fresh sample judged at main 5ca7004, once holdout6 had been tuned on
    "holdout7": HERE / "judged_holdout7.csv",
    # a fresh sample judged at main 7f3aea3, once holdout7 had been tuned on
    "holdout8": HERE / "judged_holdout8.csv",
    # a fresh sample judged at main 397d872, once holdout8 had been tuned on
    "holdout9": HERE / "judged_holdout9.csv",
    # a fresh sample judged at main 4f233a5, once holdout9 had been tuned on
    "holdout10": HERE / "judged_holdout10.csv",
    # a fresh sample judged at main fa222f4, once holdout10 had been tuned on
    "holdout11": HERE / "judged_holdout11.csv",
    # a fresh sample judged at main 92d2f1d, once holdout11 had been tuned on
    "holdout12": HERE / "judged_holdout12.csv",
    # a fresh sample judged at main d6eec6c, once holdout12 had been tuned on
    "holdout13": HERE / "judged_holdout13.csv",
    # a fresh sample judged at main 45d525a, once holdout13 had been tuned on
    "holdout14": HERE / "judged_holdout14.csv",
    # a fresh sample judged at main ef4d029, once holdout14 had been tuned on
    "holdout15": HERE / "judged_holdout15.csv",
    # a fresh sample judged at main 4be997c, once holdout15 had been tuned on
    "holdout16": HERE / "judged_holdout16.csv",
    # a fresh sample judged at main 1f76bac, once holdout16 had been tuned on
    "holdout17": HERE / "judged_holdout17.csv",
    # a fresh sample judged at main 6a71c58, once holdout17 had been judged
    "holdout18": HERE / "judged_holdout18.csv",
    # a fresh sample judged at 7e27d3f, once holdout18 had been judged
    "holdout19": HERE / "judged_holdout19.csv",
    # a fresh sample judged at 74ea62f, once holdout19 had been judged
    "holdout20": HERE / "judged_holdout20.csv",
    # a fresh sample judged at 70c8032, once holdout20 had been judged
    "holdout21": HERE / "judged_holdout21.csv",
    # a fresh sample judged at e0edc03, once holdout21 had been judged
    "holdout22": HERE / "judged_holdout22.csv",
    # a fresh sample judged at 8d9cd2c, once holdout22 had been judged
    "holdout23": HERE / "judged_holdout23.csv",
    # a fresh sample judged at 8e8f097, once holdout23 had been judged
    "holdout24": HERE / "judged_holdout24.csv",
    # a fresh sample judged at 97a3a17, once holdout24 had been judged
    "holdout25": HERE / "judged_holdout25.csv",
    "holdout26": HERE / "judged_holdout26.csv",
    # a fresh sample judged at 0b7eb50, once holdout25 and holdout26 had been judged
    "holdout27": HERE / "judged_holdout27.csv",
    # a fresh sample judged at 2da7b63, once holdout27 had been judged
    "holdout28": HERE / "judged_holdout28.csv",
    # a fresh sample judged at 035bb59, once holdout28 had been judged
    "holdout29": HERE / "judged_holdout29.csv",
    # a fresh sample judged at 9046941, once holdout29 had been judged
    "holdout30": HERE / "judged_holdout30.csv",
    # a fresh sample judged at 87dfb42, beside holdout30
    "holdout31": HERE / "judged_holdout31.csv",
    # a fresh sample judged at 6f1c404, once holdout31 had been judged
    "holdout32": HERE / "judged_holdout32.csv",
    "holdout33": HERE / "judged_holdout33.csv",
    # a fresh sample judged at c10a399, once holdout32 and holdout33 had been judged
    "holdout34": HERE / "judged_holdout34.csv",
    # a fresh sample judged at d3c262e, once holdout34 had been judged
    "holdout35": HERE / "judged_holdout35.csv",
    "holdout36": HERE / "judged_holdout36.csv",
    # a fresh sample judged at 7c4f9ae, once holdout35 and holdout36 had been judged
    "holdout37": HERE / "judged_holdout37.csv",
    "holdout38": HERE / "judged_holdout38.csv",
    # a fresh sample judged at ea77bd1, once holdout38 had been judged
    "holdout39": HERE / "judged_holdout39.csv",
    "holdout40": HERE / "judged_holdout40.csv",
    # fresh samples judged at d53e4b3, once holdout39 and holdout40 had been judged
    "holdout41": HERE / "judged_holdout41.csv",
    "holdout42": HERE / "judged_holdout42.csv",
    "holdout43": HERE / "judged_holdout43.csv",
    "holdout44": HERE / "judged_holdout44.csv",
    # a fresh sample judged at 9189715, once holdout43 and holdout44 had been judged
    "holdout45": HERE / "judged_holdout45.csv",
    "holdout46": HERE / "judged_holdout46.csv",
    # a fresh sample judged at 4acc39b, once holdout45 and holdout46 had been judged
    "holdout47": HERE / "judged_holdout47.csv",
    "holdout48": HERE / "judged_holdout48.csv",
    # a fresh sample judged at 777f1e5, once holdout47 and holdout48 had been judged
    "holdout49": HERE / "judged_holdout49.csv",
    "holdout50": HERE / "judged_holdout50.csv",
    # a fresh sample judged at bd39651, once holdout49 and holdout50 had been judged
    "holdout51": HERE / "judged_holdout51.csv",
    "holdout52": HERE / "judged_holdout52.csv",
}
AUDIT_JUDGED_BY_CORPUS = {
    "realapps": HERE / "judged_apps_audit.csv",
    "holdout": HERE / "judged_holdout_audit.csv",
    "holdout2": HERE / "judged_holdout2_audit.csv",
    "holdout3": HERE / "judged_holdout3_audit.csv",
    "holdout4": HERE / "judged_holdout4_audit.csv",
    "holdout5": HERE / "judged_holdout5_audit.csv",
    "holdout6": HERE / "judged_holdout6_audit.csv",
    "holdout7": HERE / "judged_holdout7_audit.csv",
    "holdout8": HERE / "judged_holdout8_audit.csv",
    "holdout9": HERE / "judged_holdout9_audit.csv",
    "holdout10": HERE / "judged_holdout10_audit.csv",
    "holdout11": HERE / "judged_holdout11_audit.csv",
    "holdout12": HERE / "judged_holdout12_audit.csv",
    "holdout13": HERE / "judged_holdout13_audit.csv",
    "holdout14": HERE / "judged_holdout14_audit.csv",
    "holdout15": HERE / "judged_holdout15_audit.csv",
    "holdout16": HERE / "judged_holdout16_audit.csv",
    "holdout17": HERE / "judged_holdout17_audit.csv",
    "holdout18": HERE / "judged_holdout18_audit.csv",
    "holdout19": HERE / "judged_holdout19_audit.csv",
    "holdout20": HERE / "judged_holdout20_audit.csv",
    "holdout21": HERE / "judged_holdout21_audit.csv",
    "holdout22": HERE / "judged_holdout22_audit.csv",
    "holdout23": HERE / "judged_holdout23_audit.csv",
    "holdout24": HERE / "judged_holdout24_audit.csv",
    "holdout25": HERE / "judged_holdout25_audit.csv",
    "holdout26": HERE / "judged_holdout26_audit.csv",
    "holdout27": HERE / "judged_holdout27_audit.csv",
    "holdout28": HERE / "judged_holdout28_audit.csv",
    "holdout29": HERE / "judged_holdout29_audit.csv",
    "holdout30": HERE / "judged_holdout30_audit.csv",
    "holdout31": HERE / "judged_holdout31_audit.csv",
    "holdout32": HERE / "judged_holdout32_audit.csv",
    "holdout33": HERE / "judged_holdout33_audit.csv",
    "holdout34": HERE / "judged_holdout34_audit.csv",
    "holdout35": HERE / "judged_holdout35_audit.csv",
    "holdout36": HERE / "judged_holdout36_audit.csv",
    "holdout37": HERE / "judged_holdout37_audit.csv",
    "holdout38": HERE / "judged_holdout38_audit.csv",
    "holdout39": HERE / "judged_holdout39_audit.csv",
    "holdout40": HERE / "judged_holdout40_audit.csv",
    "holdout41": HERE / "judged_holdout41_audit.csv",
    "holdout42": HERE / "judged_holdout42_audit.csv",
    "holdout43": HERE / "judged_holdout43_audit.csv",
    "holdout44": HERE / "judged_holdout44_audit.csv",
    "holdout45": HERE / "judged_holdout45_audit.csv",
    "holdout46": HERE / "judged_holdout46_audit.csv",
    "holdout47": HERE / "judged_holdout47_audit.csv",
    "holdout48": HERE / "judged_holdout48_audit.csv",
    "holdout49": HERE / "judged_holdout49_audit.csv",
    "holdout50": HERE / "judged_holdout50_audit.csv",
    "holdout51": HERE / "judged_holdout51_audit.csv",
    "holdout52": HERE / "judged_holdout52_audit.csv",
}
GATE = ("low", "medium", "high", "critical")  # the default --fail-on is low
# bandit's peers of secretcheck's injection rules, counted apart as its "injection-ish" results:
# the B3xx calls that take data in (pickle/marshal, eval, mark_safe, urlopen, XML parsers; not
# weak hashes, ciphers or `random`), B6xx (shell, subprocess, SQL) and B7xx (autoescape off,
# mark_safe, Markup).
BANDIT_INJECTION = (
    "B301", "B302", "B307", "B308", "B310", "B313", "B314", "B315", "B316", "B317", "B318",
    "B319", "B320", "B6", "B7",
)  # fmt: skip
INJECTION_RULES = frozenset(f"SC2{n:02d}" for n in range(1, 11))  # SC201-SC210
FAMILIES = {
    "credentials": "secret", "tokens": "secret", "entropy": "secret",
    "input-handling": "injection", "configuration": "configuration", "hygiene": "hygiene",
    "diagnostics": "diagnostic",
}  # fmt: skip


@dataclass
class ToolRun:
    name: str
    wall: float = 0.0
    cpu: float = 0.0
    alerts: Counter[str] = field(default_factory=Counter)  # rule -> library alerts
    extra: dict[str, Any] = field(default_factory=dict)
    # (library path, line) of every line an injection-ish result spans (bandit only)
    sites: set[tuple[str, int]] = field(default_factory=set)


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(
    argv: list[str], cwd: Path, env: dict[str, str], stdout: Path | None
) -> tuple[float, float]:
    with open(stdout if stdout else os.devnull, "wb") as out:
        cpu0, t0 = child_cpu(), time.perf_counter()
        proc = subprocess.run(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE)
        wall, cpu = time.perf_counter() - t0, child_cpu() - cpu0
    if proc.returncode not in (0, 1):  # 1: findings, not an error
        tail = proc.stderr.decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"{argv[0]} exited {proc.returncode}:\n{tail}")
    return wall, cpu


def family_of_rules() -> dict[str, str]:
    families = {}
    for rule in load_catalogue(()).rules:
        folder = Path(rule.source).parent.name
        families[rule.code] = FAMILIES.get(folder, folder)
    return families


def run_secretcheck(
    corpus: Path,
    out: Path,
    env: dict[str, str],
    rules: str | None,
    inv: Inventory,
    audit: bool = False,
) -> tuple[ToolRun, list[dict[str, Any]]]:
    report = out / "secretcheck.json"
    # `-c` rather than the console script: the secretcheck that this interpreter imports (a
    # PYTHONPATH checkout of another commit, say) is the one measured.
    argv = [sys.executable, "-c", "from secretcheck.cli import main; main()",
            "scan", str(corpus), "--format", "json", "-o", str(report), "--no-cache"]  # fmt: skip
    if rules:
        argv += ["--select", rules]
    if audit:
        argv.append("--audit")
    run = ToolRun("secretcheck")
    run.wall, run.cpu = timed(argv, out, env, None)
    data = json.loads(report.read_text())
    prefix = corpus.as_posix().rstrip("/") + "/"
    library = []
    for f in data["findings"]:
        rel = f["path"].removeprefix(prefix)
        if f["suppressed"] or rel not in inv.files:
            continue
        library.append({**f, "path": rel})
        if f["severity"] in GATE:
            run.alerts[f["rule_id"]] += 1
        else:
            run.extra["info"] = run.extra.get("info", 0) + 1
    run.extra["findings_all_files"] = len(data["findings"])
    return run, library


def relative(path: str, inv: Inventory) -> str:
    """`path` from the corpus root (`<sdist>/...`), whatever folder the corpus was in."""
    for project in inv.project_lines():
        at = path.find(f"{project}/")
        if at == 0 or (at > 0 and path[at - 1] == "/"):
            return path[at:]
    return path


def count_bandit(report: Path, inv: Inventory, run: ToolRun) -> ToolRun:
    medium = injection = 0
    for r in json.loads(report.read_text())["results"]:
        rel = relative(r["filename"], inv)
        if rel not in inv.files:
            continue
        run.alerts[r["test_id"]] += 1
        medium += r["issue_severity"] in ("MEDIUM", "HIGH")
        if r["test_id"].startswith(BANDIT_INJECTION):
            injection += 1
            run.sites.update((rel, n) for n in r.get("line_range") or [r["line_number"]])
    run.extra["medium_or_more"] = medium
    run.extra["injection_ish"] = injection
    return run


def count_detect_secrets(report: Path, inv: Inventory, run: ToolRun) -> ToolRun:
    for rel, secrets in json.loads(report.read_text())["results"].items():
        if relative(rel, inv) in inv.files:
            for secret in secrets:
                run.alerts[secret["type"]] += 1
    return run


def run_peers(corpus: Path, out: Path, env: dict[str, str], inv: Inventory) -> list[ToolRun]:
    bandit, detect = ToolRun("bandit"), ToolRun("detect-secrets")
    bandit_argv = [sys.executable, "-m", "bandit", "-r", str(corpus), "-f", "json",
                   "-o", str(out / "bandit.json"), "-q"]  # fmt: skip
    bandit.wall, bandit.cpu = timed(bandit_argv, out, env, None)
    detect_argv = [sys.executable, "-m", "detect_secrets", "scan", "--all-files", "."]
    detect.wall, detect.cpu = timed(detect_argv, corpus, env, out / "detect-secrets.json")
    return [count_bandit(out / "bandit.json", inv, bandit),
            count_detect_secrets(out / "detect-secrets.json", inv, detect)]  # fmt: skip


def reused_peers(earlier: Path, inv: Inventory) -> list[ToolRun]:
    """The peers' reports and times of an earlier run (`--peers-from`): bandit and
    detect-secrets do not change when secretcheck does, and take most of a run's time."""
    times = json.loads((earlier / "realcode.json").read_text())["peers"]
    runs = []
    for name, count in (("bandit", count_bandit), ("detect-secrets", count_detect_secrets)):
        run = ToolRun(name, times[name]["wall_s"], times[name]["cpu_s"])
        run.extra["reused_from"] = str(earlier)
        runs.append(count(earlier / f"{name}.json", inv, run))
    return runs


def per10k(count: int, lines: int) -> float:
    return round(count * 10_000 / lines, 3) if lines else 0.0


def judged_rows(files: tuple[Path, ...]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in files:
        if path.exists():
            with path.open(newline="") as handle:
                rows += csv.DictReader(handle)
    return rows


def judged_precision(
    library: list[dict[str, Any]],
    families: dict[str, str],
    rules: str | None = None,
    judged_files: tuple[Path, ...] = (JUDGED_BY_CORPUS["realcode"],),
) -> dict[str, Any]:
    """Precision per family over judged rows that secretcheck still reports as alerts (rows of
    rules that `--rules` left out are not counted as gone). A judged row now reported at info
    (below the gate, like the operator's own input run as code) is no alert: it is listed
    apart, neither in the precision nor gone."""
    selected = tuple(r.strip().upper() for r in rules.split(",")) if rules else ("SC",)
    found = {(f"{f['path']}:{f['line']}", f["rule_id"]) for f in library}
    alerts = {(f"{f['path']}:{f['line']}", f["rule_id"]) for f in library
              if f["severity"] in GATE}  # fmt: skip
    tally: dict[str, Counter[str]] = {}
    gone: list[dict[str, str]] = []
    below_gate: list[dict[str, str]] = []
    rows = [r for r in judged_rows(judged_files) if r["rule"].startswith(selected)]
    for row in rows:
        family = families.get(row["rule"], "?")
        if (row["location"], row["rule"]) in alerts:
            tally.setdefault(family, Counter())[row["verdict"]] += 1
        elif (row["location"], row["rule"]) in found:
            below_gate.append(row)
        else:
            gone.append(row)
    precision = {
        fam: {"tp": c["TP"], "fp": c["FP"], "precision": round(c["TP"] / (c["TP"] + c["FP"]), 3)}
        for fam, c in sorted(tally.items())
    }
    gone_tp = [r for r in gone if r["verdict"] == "TP"]
    judged = {(r["location"], r["rule"]) for r in rows}
    unjudged = Counter(families.get(rule, "?") for _, rule in found - judged)
    return {"by_family": precision, "gone": len(gone), "gone_tp": gone_tp,
            "below_gate": below_gate, "unjudged": dict(sorted(unjudged.items()))}  # fmt: skip


def bandit_also_flags(judged_files: tuple[Path, ...], bandit: ToolRun) -> dict[str, int]:
    """How many judged injection TPs (SC201-SC210) bandit also flags with an injection-ish result
    spanning the same line: recall shared with the peer, not a claim about bandit's precision."""
    tps = [r for r in judged_rows(judged_files)
           if r["verdict"] == "TP" and r["rule"] in INJECTION_RULES]  # fmt: skip
    also = 0
    for row in tps:
        path, _, line = row["location"].rpartition(":")
        also += (path, int(line)) in bandit.sites
    return {"tp": len(tps), "bandit_also": also}


def summarise(
    sc: ToolRun,
    peers: list[ToolRun],
    inv: Inventory,
    families: dict[str, str],
    judged: dict[str, Any],
    rules: str | None,
) -> dict[str, Any]:
    lines = inv.lines
    by_family: Counter[str] = Counter()
    for code, n in sc.alerts.items():
        by_family[families.get(code, "?")] += n
    total = sum(sc.alerts.values())
    return {
        "library_lines": lines,
        "library_files": len(inv.files),
        "projects": inv.project_lines(),
        "files_by_kind": {k: {"files": f, "lines": n} for k, (f, n) in inv.by_kind.items()},
        "rules": rules or "default",
        "secretcheck": {
            "alerts": total, "per_10k": per10k(total, lines), "info": sc.extra.get("info", 0),
            "findings_all_files": sc.extra["findings_all_files"],
            "by_family": {k: {"alerts": n, "per_10k": per10k(n, lines)}
                          for k, n in sorted(by_family.items())},
            "by_rule": {k: {"alerts": n, "per_10k": per10k(n, lines), "family": families.get(k)}
                        for k, n in sorted(sc.alerts.items())},
            "wall_s": round(sc.wall, 1), "cpu_s": round(sc.cpu, 1),
        },
        "peers": {
            p.name: {"alerts": sum(p.alerts.values()),
                     "per_10k": per10k(sum(p.alerts.values()), lines),
                     **{k: v for k, v in p.extra.items()},
                     **({"medium_or_more_per_10k": per10k(p.extra["medium_or_more"], lines)}
                        if "medium_or_more" in p.extra else {}),
                     "by_rule": dict(sorted(p.alerts.items())),
                     "wall_s": round(p.wall, 1), "cpu_s": round(p.cpu, 1)}
            for p in peers
        },
        "judged": judged,
    }  # fmt: skip


def markdown(s: dict[str, Any]) -> str:
    sc = s["secretcheck"]
    select = "" if s["rules"] == "default" else f", --select {s['rules']}"
    select += ", --audit" if s.get("audit") else ""
    out = [
        f"Library code: {s['library_files']:,} files, {s['library_lines']:,} lines "
        f"(rules: {s['rules']}; judged sample: {s.get('judged_file', 'judged.csv')}).", "",
        "| tool | alerts | per 10k library lines | wall | CPU |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| secretcheck (default settings{select}) | {sc['alerts']} | {sc['per_10k']:.2f} | "
        f"{sc['wall_s']} s | {sc['cpu_s']} s |",
    ]  # fmt: skip
    for name, p in s["peers"].items():
        label = f"{name} (times and report of {p['reused_from']})" if "reused_from" in p else name
        out.append(f"| {label} | {p['alerts']} | {p['per_10k']:.2f} | {p['wall_s']} s | "
                   f"{p['cpu_s']} s |")  # fmt: skip
        if "medium_or_more" in p:
            out.append(f"| {name} (medium or more) | {p['medium_or_more']} | "
                       f"{p['medium_or_more_per_10k']:.2f} | | |")  # fmt: skip
        if "injection_ish" in p:
            rate = p["injection_ish"] * 10_000 / s["library_lines"] if s["library_lines"] else 0
            out.append(f"| {name} (injection-ish: B3xx input calls, B6xx, B7xx) | "
                       f"{p['injection_ish']} | "
                       f"{rate:.2f} | | |")  # fmt: skip
    out += ["", "| family | alerts | per 10k | judged precision (TP/judged) | not judged |",
            "| --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
    precision, unjudged = s["judged"]["by_family"], s["judged"]["unjudged"]
    for fam, v in sc["by_family"].items():
        p = precision.get(fam)
        judged = f"{p['precision']:.2f} ({p['tp']}/{p['tp'] + p['fp']})" if p else "-"
        out.append(f"| {fam} | {v['alerts']} | {v['per_10k']:.2f} | {judged} | "
                   f"{unjudged.get(fam, 0)} |")  # fmt: skip
    out += ["", "| rule | family | alerts | per 10k |", "| --- | --- | ---: | ---: |"]
    for code, v in sc["by_rule"].items():
        out.append(f"| {code} | {v['family']} | {v['alerts']} | {v['per_10k']:.2f} |")
    gone = s["judged"]
    out += ["", f"Judged rows no longer reported: {gone['gone']} "
            f"({len(gone['gone_tp'])} of them TP, i.e. lost)."]  # fmt: skip
    out += [f"- lost TP: {r['location']} {r['rule']} ({r['reason']})" for r in gone["gone_tp"]]
    below = gone.get("below_gate", [])
    below_tp = sum(r["verdict"] == "TP" for r in below)
    out += ["", f"Judged rows still reported, at info (below the gate, not alerts): {len(below)} "
            f"({below_tp} of them TP)."]  # fmt: skip
    out += [f"- {r['location']} {r['rule']} {r['verdict']} ({r['reason']})" for r in below]
    if "tp_bandit_also" in gone:
        both = gone["tp_bandit_also"]
        out += ["", f"Judged injection TPs (SC201-SC210) that bandit also flags on the same line: "
                f"{both['bandit_also']} of {both['tp']}."]  # fmt: skip
    return "\n".join(out) + "\n"


def default_judged(corpus_name: str, audit: bool) -> list[Path]:
    files = [JUDGED_BY_CORPUS.get(corpus_name, JUDGED_BY_CORPUS["realcode"])]
    if audit and corpus_name in AUDIT_JUDGED_BY_CORPUS:
        files.append(AUDIT_JUDGED_BY_CORPUS[corpus_name])
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", help="only these rule codes or prefixes (secretcheck --select)")
    parser.add_argument("--no-peers", action="store_true", help="skip bandit and detect-secrets")
    parser.add_argument(
        "--peers-from",
        type=Path,
        metavar="DIR",
        help="reuse bandit's and detect-secrets' reports and times from DIR",
    )
    parser.add_argument(
        "--corpus",
        default="realcode",
        help="a corpus of build_corpus.py by name (realcode, realapps, holdout, holdout2, "
        "holdout3, holdout4, holdout5, holdout6, holdout7, holdout8, holdout9, holdout10, "
        "holdout11, holdout12, holdout13, holdout14, holdout15, holdout16, holdout17, "
        "holdout18, holdout19, holdout20, holdout21, holdout22, holdout23, holdout24, "
        "holdout25, holdout26, holdout27, holdout28, holdout29, holdout30, holdout31, "
        "holdout32, holdout33, holdout34, holdout35, holdout36, holdout37, holdout38, "
        "holdout39, holdout40, holdout41, holdout42, holdout43, holdout44, holdout45, holdout46, "
        "holdout47, holdout48, holdout49, holdout50, holdout51, "
        "holdout52) or a folder",
    )
    parser.add_argument(
        "--judged",
        type=Path,
        action="append",
        metavar="FILE",
        help="judged sample, repeatable (default: the corpus's own; with --audit, its audit rows)",
    )
    parser.add_argument("--audit", action="store_true", help="run secretcheck with --audit")
    parser.add_argument("--out", type=Path, help="default: benchmarks/.results/<corpus name>/")
    args = parser.parse_args(argv)
    named = args.corpus in JUDGED_BY_CORPUS
    corpus = (CORPUS_ROOT / args.corpus if named else Path(args.corpus)).resolve()
    if not corpus.is_dir():
        build = args.corpus if named else "realcode"
        raise SystemExit(f"no corpus at {corpus}: run `python benchmarks/build_corpus.py {build}`")
    judged_files = tuple(args.judged or default_judged(corpus.name, args.audit))
    out = (args.out or RESULTS_ROOT / corpus.name).resolve()
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    # The corpus is gitignored inside this work tree: without a ceiling secretcheck would list
    # files with git and find none.
    env["GIT_CEILING_DIRECTORIES"] = str(corpus.parent)
    inv = inventory(corpus)
    families = family_of_rules()
    sc, library = run_secretcheck(corpus, out, env, args.rules, inv, args.audit)
    if args.peers_from:
        peers = reused_peers(args.peers_from.resolve(), inv)
    else:
        peers = [] if args.no_peers else run_peers(corpus, out, env, inv)
    (out / "library-findings.json").write_text(json.dumps(library, indent=1, sort_keys=True))
    judged = judged_precision(library, families, args.rules, judged_files)
    bandit = next((p for p in peers if p.name == "bandit" and p.sites), None)
    if bandit is not None:
        judged["tp_bandit_also"] = bandit_also_flags(judged_files, bandit)
    summary = summarise(sc, peers, inv, families, judged, args.rules)
    summary["judged_file"] = ", ".join(f.name for f in judged_files)
    summary["audit"] = args.audit
    (out / "realcode.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    text = markdown(summary)
    (out / "realcode.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
