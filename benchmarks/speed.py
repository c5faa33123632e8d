"""Time secretcheck side by side with bandit and detect-secrets on one pinned corpus.

    python benchmarks/build_corpus.py small      # once; needs the network
    python benchmarks/speed.py small             # offline from here on
    python benchmarks/speed.py large --repeat 5 --json benchmarks/.results/large.json
    python benchmarks/speed.py /work/corpus/realcode/flask-3.1.3/src/flask/app.py   # one file

Every tool runs as its own process, N times (default 3), round-robin so that load from anything
else on the machine falls on all tools alike; one untimed warm-up run each comes first (page
cache, bytecode). Wall time is `time.perf_counter` around `subprocess.run`; CPU time is the
growth of `resource.getrusage(RUSAGE_CHILDREN)` (user + system, the process pool's workers
included, since they are reaped before the tool exits). Report: median and min wall, median
CPU, and each tool's time as a multiple of `secretcheck scan`'s (above 1.0x: secretcheck is
faster).

Commands (the corpus is the only path argument):
  secretcheck scan C --format json -o OUT --no-cache            default --jobs (one per core)
  secretcheck scan C --format json -o OUT --no-cache            "first run": empty user cache
                                                                folder, no stored catalogue
  secretcheck scan C --format json -o OUT --no-cache --jobs 1   single-core speed
  secretcheck scan C --format json -o OUT                       warm findings cache
  bandit -r C -f json -o OUT -q
  detect-secrets scan --all-files .                  run with cwd=C, JSON on stdout -> OUT

Reports go to files in benchmarks/.results/ rather than /dev/null, so the number of findings can
be shown for context (it says nothing about accuracy). secretcheck and bandit exit 1 when they
find something; only other exit codes count as failures.

The corpus sits inside this repository's work tree, where it is gitignored; secretcheck lists
files with git when it runs inside a work tree, and would find nothing. GIT_CEILING_DIRECTORIES
is set to the corpus folder's parent so that every tool sees a plain unpacked source tree.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS_ROOT = HERE / ".corpus"
RESULTS = HERE / ".results"
REFERENCE = "secretcheck"
DEFAULT_TOOLS = (
    "secretcheck", "secretcheck first run", "secretcheck --jobs 1", "secretcheck warm cache",
    "bandit", "detect-secrets",
)  # fmt: skip


@dataclass
class Tool:
    name: str
    argv: list[str]
    cwd: Path | None = None
    stdout_to_output: bool = False
    ok_codes: tuple[int, ...] = (0, 1)
    # Run with an empty user cache folder (XDG_CACHE_HOME): no stored rule catalogue.
    fresh_user_cache: bool = False


@dataclass
class Measurement:
    tool: str
    command: str
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    files: int | None = None
    findings: int | None = None
    note: str = ""

    @property
    def wall_median(self) -> float:
        return statistics.median(self.walls)

    @property
    def wall_min(self) -> float:
        return min(self.walls)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpus)


def console_script(name: str, module: str) -> list[str]:
    """The tool as installed beside this interpreter, else `python -m module`.

    `python -m` runs the same code as the console script without a pyenv shim or another
    interpreter in between, so every tool starts the same way."""
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


def compared(corpus: Path, out: Path, specs: list[str]) -> list[Tool]:
    """Extra cold secretcheck rows from `LABEL=COMMAND` (COMMAND runs like `secretcheck`), to
    time a branch or a prototype in the same run as everything else."""
    tools = []
    for spec in specs:
        label, sep, command = spec.partition("=")
        if not sep or not label or not command:
            raise SystemExit(f"--compare wants LABEL=COMMAND, got {spec!r}")
        argv = [*shlex.split(command), "scan", str(corpus), "--format", "json",
                "-o", str(out / f"{label}.json"), "--no-cache"]  # fmt: skip
        tools.append(Tool(label, argv, cwd=out))
    return tools


def tools_for(corpus: Path, out: Path, names: list[str]) -> list[Tool]:
    c = str(corpus)
    sc = [*console_script("secretcheck", "secretcheck.cli"), "scan", c, "--format", "json"]
    every = [
        # Cold: --no-cache, so every run does the full work, as bandit and detect-secrets do.
        Tool("secretcheck", [*sc, "-o", str(out / "secretcheck.json"), "--no-cache"], cwd=out),
        # Cold, and the first run of this secretcheck for this user: the validated rule
        # catalogue is not yet in the user's cache folder (rulecache.py), so every rule file
        # is parsed and every pattern compiled, as after an install or a rule change.
        Tool("secretcheck first run",
             [*sc, "-o", str(out / "secretcheck-first.json"), "--no-cache"], cwd=out,
             fresh_user_cache=True),
        Tool("secretcheck --jobs 1",
             [*sc, "-o", str(out / "secretcheck-jobs1.json"), "--no-cache", "--jobs", "1"],
             cwd=out),
        # Warm: the findings cache (in OUT/.secretcheck_cache, filled by the warm-up run) holds
        # every file, as on a second pre-commit or CI run over an unchanged tree.
        Tool("secretcheck warm cache", [*sc, "-o", str(out / "secretcheck-warm.json")], cwd=out),
        Tool("bandit",
             [sys.executable, "-m", "bandit", "-r", c, "-f", "json",
              "-o", str(out / "bandit.json"), "-q"]),
        # A one-file corpus: detect-secrets is given the file, from its folder.
        Tool("detect-secrets",
             [sys.executable, "-m", "detect_secrets", "scan", "--all-files",
              corpus.name if corpus.is_file() else "."],
             cwd=corpus.parent if corpus.is_file() else corpus, stdout_to_output=True,
             ok_codes=(0,)),
    ]  # fmt: skip
    return [t for t in every if t.name in names]


def output_file(tool: Tool, out: Path) -> Path:
    if tool.name not in DEFAULT_TOOLS:  # a --compare row
        return out / f"{tool.name}.json"
    slug = tool.name.replace(" --jobs 1", "-jobs1").replace(" warm cache", "-warm")
    slug = slug.replace(" first run", "-first")
    return out / f"{slug}.json"


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(tool: Tool, env: dict[str, str], out: Path, timeout: float) -> tuple[float, float]:
    target = output_file(tool, out)
    target.unlink(missing_ok=True)
    fresh = tempfile.mkdtemp(prefix="user-cache-", dir=out) if tool.fresh_user_cache else None
    if fresh is not None:
        env = {**env, "XDG_CACHE_HOME": fresh}
    with open(target if tool.stdout_to_output else os.devnull, "wb") as stdout:
        cpu0, t0 = child_cpu(), time.perf_counter()
        proc = subprocess.run(
            tool.argv, cwd=tool.cwd, env=env, stdout=stdout, stderr=subprocess.PIPE,
            timeout=timeout, check=False,
        )  # fmt: skip
        wall, cpu = time.perf_counter() - t0, child_cpu() - cpu0
    if fresh is not None:
        shutil.rmtree(fresh, ignore_errors=True)
    if proc.returncode not in tool.ok_codes:
        tail = proc.stderr.decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"{tool.name} exited {proc.returncode}:\n{tail}")
    return wall, cpu


def count_results(tool: Tool, out: Path, m: Measurement) -> None:
    """Files scanned and findings, from each tool's own report."""
    data: Any = json.loads(output_file(tool, out).read_text())
    if tool.name.startswith("secretcheck") or tool.name not in DEFAULT_TOOLS:
        m.files = data["summary"]["files_scanned"]
        m.findings = data["summary"]["findings"]
        m.note = f"{len(data['skipped'])} skipped, {len(data['errors'])} errors"
    elif tool.name == "bandit":
        m.files = len([k for k in data["metrics"] if k != "_totals"])
        m.findings = len(data["results"])
        m.note = f"{len(data['errors'])} errors, .py files only"
    elif tool.name == "detect-secrets":
        m.findings = sum(len(v) for v in data["results"].values())
        m.note = f"findings in {len(data['results'])} files"


def version_of(argv: list[str], env: dict[str, str]) -> str:
    proc = subprocess.run([*argv, "--version"], capture_output=True, text=True, env=env)
    return (proc.stdout or proc.stderr).strip().splitlines()[0] if proc.returncode == 0 else "?"


def corpus_path(name: str) -> Path:
    path = CORPUS_ROOT / name if (CORPUS_ROOT / name).is_dir() else Path(name)
    if path.is_file():  # one file (flask's app.py): start-up cost dominates
        return path.resolve()
    if not path.is_dir():
        raise SystemExit(f"no corpus {name!r}: run `python benchmarks/build_corpus.py {name}`")
    return path.resolve()


def child_env(corpus: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["GIT_CEILING_DIRECTORIES"] = str(corpus.parent)
    # Installed tools run from cached bytecode; let every tool (and an editable secretcheck)
    # write and reuse its .pyc as a user's install would.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # secretcheck's user cache folder (the stored rule catalogue, the findings cache's key):
    # one of the benchmark's own, filled by the warm-up runs, never the user's real one.
    env["XDG_CACHE_HOME"] = str(RESULTS / ".user-cache")
    return env


def ratio(value: float, reference: float) -> str:
    return f"{value / reference:.2f}x" if reference > 0 else "-"


def render(results: list[Measurement]) -> str:
    ref = next((m for m in results if m.tool == REFERENCE), results[0])
    head = (f"{'tool':<22} {'files':>6} {'findings':>8} {'wall med':>9} {'wall min':>9} "
            f"{'cpu med':>8} {'wall/sc':>8} {'cpu/sc':>7}  note")  # fmt: skip
    rows = [head, "-" * len(head)]
    for m in results:
        files = "-" if m.files is None else str(m.files)
        findings = "-" if m.findings is None else str(m.findings)
        rows.append(
            f"{m.tool:<22} {files:>6} {findings:>8} {m.wall_median:>8.2f}s {m.wall_min:>8.2f}s "
            f"{m.cpu_median:>7.2f}s {ratio(m.wall_median, ref.wall_median):>8} "
            f"{ratio(m.cpu_median, ref.cpu_median):>7}  {m.note}"
        )
    rows.append("")
    for m in results:
        if m is ref:
            continue
        rows.append(
            f"{m.tool} takes {m.wall_median / ref.wall_median:.2f}x {ref.tool}'s wall time "
            f"and {m.cpu_median / ref.cpu_median:.2f}x its CPU time"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="small, large, a folder, or one file")
    parser.add_argument("--repeat", "-n", type=int, default=3, help="timed runs per tool")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs per tool first")
    parser.add_argument("--tools", default=",".join(DEFAULT_TOOLS),
                        help="comma-separated subset of: " + ", ".join(DEFAULT_TOOLS))  # fmt: skip
    parser.add_argument("--compare", action="append", default=[], metavar="LABEL=COMMAND",
                        help="also time this secretcheck command, cold (repeatable), e.g. "
                        "'proto=../other/.venv/bin/secretcheck'")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    corpus = corpus_path(args.corpus)
    out = RESULTS / corpus.name
    out.mkdir(parents=True, exist_ok=True)
    env = child_env(corpus)
    tools = tools_for(corpus, out, [t.strip() for t in args.tools.split(",")])
    tools += compared(corpus, out, args.compare)
    if not tools:
        raise SystemExit("no tools selected")
    results = {t.name: Measurement(t.name, " ".join(t.argv)) for t in tools}
    load_before = os.getloadavg()
    shutil.rmtree(out / ".secretcheck_cache", ignore_errors=True)
    for round_ in range(max(args.warmup, 1)):
        for tool in tools:
            # The warm-cache row always gets one untimed run to fill its cache.
            if round_ < args.warmup or tool.name == "secretcheck warm cache":
                run_once(tool, env, out, args.timeout)
    for rep in range(args.repeat):
        for tool in tools:
            wall, cpu = run_once(tool, env, out, args.timeout)
            results[tool.name].walls.append(wall)
            results[tool.name].cpus.append(cpu)
            print(f"run {rep + 1}/{args.repeat} {tool.name:<22} wall {wall:7.2f}s cpu {cpu:7.2f}s",
                  file=sys.stderr)  # fmt: skip
    for tool in tools:
        count_results(tool, out, results[tool.name])
    measured = list(results.values())

    manifest = CORPUS_ROOT / f"{corpus.name}.manifest.json"
    meta = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "corpus": str(corpus),
        "corpus_pins": json.loads(manifest.read_text()) if manifest.exists() else None,
        "corpus_files": 1 if corpus.is_file() else sum(1 for p in corpus.rglob("*") if p.is_file()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "python": platform.python_version(),
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg(),
        "repeat": args.repeat,
        "versions": {
            "secretcheck": version_of(console_script("secretcheck", "secretcheck.cli"), env),
            "bandit": version_of([sys.executable, "-m", "bandit"], env),
            "detect-secrets": version_of([sys.executable, "-m", "detect_secrets"], env),
        },
    }
    print(f"corpus {corpus.name}: {meta['corpus_files']} files; {meta['machine']}; "
          f"python {meta['python']}; {args.repeat} runs each; "
          f"load {load_before[0]:.2f} -> {meta['loadavg_after'][0]:.2f}")  # fmt: skip
    print(render(measured))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "meta": meta,
            "results": [
                {**asdict(m), "wall_median": m.wall_median, "wall_min": m.wall_min,
                 "cpu_median": m.cpu_median}
                for m in measured
            ],
        }  # fmt: skip
        args.json.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
