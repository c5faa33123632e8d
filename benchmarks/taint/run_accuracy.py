"""Accuracy of secretcheck, bandit and `ruff check --select S` on the annotated taint corpus.

Usage: python benchmarks/taint/run_accuracy.py [CORPUS_DIR] [--misses]
(default corpus: benchmarks/taint/corpus; --misses lists secretcheck's FN/FP lines)

Labels are comments on the line before the labeled line: `# expect: SC201` (a finding of that
rule's class must be there), `# ok: SC201` (none may be) and `# audit: SC201` (a value of
unknown origin: reported only under `--audit`, so by default it scores like `ok`). Every
tool's findings are mapped to a class (the rule's category) and compared as
sets of (file, line, class). A finding on a line not labeled `expect` for its class is a false
positive, labeled `ok` or not, so noise anywhere in the corpus counts against a tool.

Bandit and ruff test ids are mapped to the same classes below; ids about imports
(B403/B404/S403/S404...), missing timeouts and hard-coded passwords map to nothing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
# `audit`: a sink fed by a value of unknown origin (a library's own parameter), reported only
# under `--audit`; by default it must stay quiet, so it counts as `ok` here.
LABEL = re.compile(r"[#;]\s*(expect|ok|audit):\s*([A-Z0-9, ]+)")  # `# expect: X; audit: Y`
REDIRECT = "open-redirect"
# The shared vocabulary of classes, keyed by the tools' own ids.
BANDIT = {
    "sql-injection": ["B608", "B610", "B611"],
    "command-injection": ["B601", "B602", "B603", "B604", "B605", "B606", "B609"],
    "code-injection": ["B102", "B307"],
    "deserialization": ["B301", "B302", "B506", "B614"],
    "path-traversal": ["B202"],
    "ssrf": ["B310"],
    "xss": ["B308", "B701", "B702", "B703", "B704"],
    "xxe": ["B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320"],
    "tls": ["B323", "B501", "B502", "B503", "B504", "B507"],
    "weak-crypto": ["B303", "B304", "B305", "B311", "B324", "B505"],
    "cleartext": ["B312", "B321"],
    "debug": ["B201"],
    "temp-file": ["B108", "B306"],
    "permissions": ["B101", "B103"],
    "bind-all": ["B104"],
}
RUFF = {cls: [code.replace("B", "S", 1) for code in codes] for cls, codes in BANDIT.items()}
BANDIT_CLASS = {code: cls for cls, codes in BANDIT.items() for code in codes}
RUFF_CLASS = {code: cls for cls, codes in RUFF.items() for code in codes}

Key = tuple[str, int, str]


def code_classes() -> dict[str, str]:
    from secretcheck.rulepacks import load_catalogue

    return {
        r.code: (REDIRECT if r.name == "open-redirect" else r.category)
        for r in load_catalogue().active()
        if r.code.startswith("SC2")
    }


def labels(files: list[Path], classes: dict[str, str]) -> tuple[set[Key], set[Key]]:
    expect: set[Key] = set()
    ok: set[Key] = set()
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in LABEL.finditer(line):
                for code in (c.strip() for c in match.group(2).split(",") if c.strip()):
                    key = (path.name, number + 1, classes[code])
                    (expect if match.group(1) == "expect" else ok).add(key)
    return expect, ok


def run_secretcheck(files: list[Path], classes: dict[str, str]) -> set[Key]:
    exe = Path(sys.executable).with_name("secretcheck")
    command = [str(exe) if exe.exists() else "secretcheck", "scan", "--format", "json"]
    done = subprocess.run([*command, *map(str, files)], capture_output=True, text=True)
    report = json.loads(done.stdout)
    return {(Path(f["path"]).name, f["line"], classes[f["rule_id"]])
            for f in report["findings"] if f["rule_id"] in classes}  # fmt: skip


def run_bandit(files: list[Path]) -> set[Key]:
    done = subprocess.run(["bandit", "-q", "-f", "json", *map(str, files)],
                          capture_output=True, text=True)  # fmt: skip
    report = json.loads(done.stdout)
    return {(Path(r["filename"]).name, r["line_number"], BANDIT_CLASS[r["test_id"]])
            for r in report["results"] if r["test_id"] in BANDIT_CLASS}  # fmt: skip


def run_ruff(files: list[Path]) -> set[Key]:
    done = subprocess.run(
        ["ruff", "check", "--isolated", "--no-cache", "--select", "S", "--output-format", "json",
         "--exit-zero", *map(str, files)], capture_output=True, text=True,
    )  # fmt: skip
    return {(Path(r["filename"]).name, r["location"]["row"], RUFF_CLASS[r["code"]])
            for r in json.loads(done.stdout) if r["code"] in RUFF_CLASS}  # fmt: skip


def score(found: set[Key], expect: set[Key], cls: str) -> tuple[int, int, int]:
    f = {k for k in found if k[2] == cls}
    e = {k for k in expect if k[2] == cls}
    return len(f & e), len(f - e), len(e - f)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    corpus = Path(paths[0]) if paths else HERE / "corpus"
    files = sorted(corpus.glob("*.py"))
    classes = code_classes()
    expect, ok = labels(files, classes)
    results = {"secretcheck": run_secretcheck(files, classes)}
    if shutil.which("bandit"):
        results["bandit"] = run_bandit(files)
    if shutil.which("ruff"):
        results["ruff"] = run_ruff(files)
    rows = sorted({k[2] for k in expect | ok})
    print(f"corpus: {len(files)} files, {len(expect)} expect + {len(ok)} ok labels\n")
    header = f"{'class':<18}{'exp':>4}{'ok':>4}" + "".join(f"  {t:>20}" for t in results)
    print(header + "\n" + " " * 26 + "".join(f"  {'P     R     F1':>20}" for _ in results))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for cls in rows:
        line = f"{cls:<18}{sum(k[2] == cls for k in expect):>4}{sum(k[2] == cls for k in ok):>4}"
        for tool, found in results.items():
            tp, fp, fn = score(found, expect, cls)
            for i, v in enumerate((tp, fp, fn)):
                totals[tool][i] += v
            p, r, f1 = prf(tp, fp, fn)
            line += f"  {p:>6.2f}{r:>6.2f}{f1:>6.2f}  "
        print(line)
    line = f"{'ALL (micro)':<26}"
    for tool in results:
        p, r, f1 = prf(*totals[tool])
        line += f"  {p:>6.2f}{r:>6.2f}{f1:>6.2f}  "
    print(line)
    for tool in results:
        tp, fp, fn = totals[tool]
        print(f"{tool}: tp={tp} fp={fp} fn={fn}")
    if "--misses" in argv:
        found = results["secretcheck"]
        for key in sorted(expect - found):
            print("FN", *key)
        for key in sorted(found - expect):
            print("FP", *key)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
