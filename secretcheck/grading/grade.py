"""Grade submissions: open each safely, scan it, read its history and habits, score it.

A batch never aborts: a submission that cannot be opened becomes an error row with its reason;
one whose git history cannot be read is graded on its working tree, marked "history
unavailable"; a detector failure on a file lowers the grade's confidence and is listed, and
never raises the score. Several submissions are graded on the fleet's execution layer
(`secretcheck.fleet.grade_task`): one task each, in a child process with a time and memory
limit, on local threads or a Dask cluster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from secretcheck.errors import SecretcheckError
from secretcheck.findings import Confidence, Finding, ScanResult, Severity
from secretcheck.gitcmd import GitError
from secretcheck.grading.archive import ArchiveLimits
from secretcheck.grading.base import NO_BASE, Base, Inheritance, resolve_base
from secretcheck.grading.commits import commits, test_claims
from secretcheck.grading.history import HistoryFinding, HistoryScanner, scan_git_history
from secretcheck.grading.model import DimensionScore, Evidence, Grade, Signal, error_grade
from secretcheck.grading.redaction import redact_snippet
from secretcheck.grading.repo import repo_signals
from secretcheck.grading.rubric import Rubric
from secretcheck.grading.score import score_dimensions
from secretcheck.grading.signals import PySource, is_generated, python_signals
from secretcheck.grading.submission import Submission, open_submission, read_text, submission_name
from secretcheck.grading.weak import weak_credentials
from secretcheck.python.taint.project import NOTE as IMPORTED_NOTE
from secretcheck.python.taint.sources import OPERATOR_CODE_NOTE
from secretcheck.rulepacks import load_catalogue
from secretcheck.runner import collect, scan_candidates
from secretcheck.settings import Settings
from secretcheck.sources import Candidate
from secretcheck.textindex import split_lines

if TYPE_CHECKING:
    from secretcheck.fleet.child import Limits
    from secretcheck.fleet.executor import Executor

OnDone = Callable[[Grade], None]
# The seam to the scan of the submitted tree, like `HistoryScanner` for its history.
TreeScanner = Callable[[Sequence[Candidate], Settings], ScanResult]


def scan_tree(candidates: Sequence[Candidate], settings: Settings) -> ScanResult:
    return collect(scan_candidates(candidates, settings))


@dataclass(frozen=True, slots=True)
class GradeOptions:
    base: str | None = None  # a REV, "none" (no inference), or None (infer a skeleton)
    limits: ArchiveLimits | None = None


def _python_sources(sub: Submission) -> list[PySource]:
    out = []
    for rel in sub.scannable():
        if rel.endswith(".py"):
            text = read_text(sub, rel)
            if text is not None:
                out.append(PySource(rel, tuple(split_lines(text))))
    return out


# Notes of the findings the scan lists at info that grading counts as habits.
_HABITS = (OPERATOR_CODE_NOTE, IMPORTED_NOTE)


def _as_habit(finding: Finding, declared: Mapping[str, Severity]) -> Finding:
    """The scan's threat model lowers the operator's own input run as code or a shell command
    to info: not exploitable by anyone else; and a flow into another module's helper, whose
    callers' checks it reads less well. Grading asks about habits, and interpolating a
    command-line argument into a shell string is one, as is handing request data to a helper
    that builds a query with it, so both are graded at the rule's own severity, at low
    confidence."""
    if finding.rule_id not in declared or not any(n in finding.signals for n in _HABITS):
        return finding
    return finding.with_changes(severity=declared[finding.rule_id], confidence=Confidence.LOW)


def _redacted(signals: list[Signal], findings: Sequence[Finding]) -> list[Signal]:
    """Evidence lines that a finding also covers show the finding's redacted snippet."""
    flagged = {(f.path, f.span.line): f.snippet for f in findings}
    out = []
    for s in signals:
        evidence = tuple(
            replace(e, snippet=flagged.get((e.path, e.line)) or redact_snippet(e.snippet))
            if e.snippet and not e.commit
            else e
            for e in s.evidence
        )
        out.append(replace(s, evidence=evidence))
    return out


def _not_flagged(signal: Signal, findings: Sequence[Finding]) -> Signal:
    """A weak password a scan rule already charged is not charged twice."""
    flagged = {(f.path, f.span.line) for f in findings}
    return replace(
        signal, evidence=tuple(e for e in signal.evidence if (e.path, e.line) not in flagged)
    )


def _scan_notes(result: ScanResult) -> list[str]:
    if not result.errors:
        return []
    shown = "; ".join(f"{e.path}: {e.message}" for e in result.errors[:3])
    more = f" (and {len(result.errors) - 3} more)" if len(result.errors) > 3 else ""
    return [
        f"Confidence reduced: a detector failed on {len(result.errors)} file(s), so findings "
        f"there may be missing and the score may be too high: {shown}{more}"
    ]


def _history(
    sub: Submission, settings: Settings, scanner: HistoryScanner, since: str
) -> tuple[list[HistoryFinding], list[Signal], list[str]]:
    """History findings and commit signals, or a note saying why history is unavailable."""
    if not sub.is_git:
        return [], [], ([f"History unavailable: {sub.git_problem}"] if sub.git_problem else [])
    try:
        found = list(scanner(sub.root, settings))
        signals = commits(sub, since)
    except (SecretcheckError, OSError) as exc:
        return [], [], [f"History unavailable (the working tree is still graded): {exc}"]
    except Exception as exc:  # a bug reading history must not cost the tree's grade
        reason = f"internal error ({type(exc).__name__})"
        return [], [], [f"History unavailable (the working tree is still graded): {reason}"]
    return found, signals, []


def _split(
    inh: Inheritance | None,
    findings: Sequence[Finding],
    history: Sequence[HistoryFinding],
    signals: Sequence[Signal],
) -> tuple[tuple[list[Finding], list[HistoryFinding], list[Signal]], ...]:
    """(own, inherited): what the base already held is the employer's, not the candidate's."""
    if inh is None:
        return (list(findings), list(history), list(signals)), ([], [], [])
    own_f = [f for f in findings if not inh.line(f.path, f.span.line)]
    old_f = [f for f in findings if inh.line(f.path, f.span.line)]
    own_h = [h for h in history if not inh.commit(h.introduced.sha)]
    old_h = [h for h in history if inh.commit(h.introduced.sha)]

    def inherited(e: Evidence) -> bool:
        if e.commit:
            return inh.commit(e.commit)
        return inh.line(e.path, e.line) if e.line else inh.file(e.path)

    own_s, old_s = [], []
    for s in signals:
        mine = tuple(e for e in s.evidence if not inherited(e))
        theirs = tuple(e for e in s.evidence if inherited(e))
        if mine or not s.evidence:
            own_s.append(replace(s, evidence=mine))
        if theirs:
            old_s.append(replace(s, evidence=theirs))
    return (own_f, own_h, own_s), (old_f, old_h, old_s)


def _contradictions(sub: Submission, signals: Sequence[Signal], since: str) -> list[str]:
    """Say so when the change record claims what the checks did not find (tests)."""
    if not any(s.id == "no-tests" for s in signals):
        return []
    try:
        claims = test_claims(sub, since)
    except GitError:
        return []
    if not claims:
        return []
    shown = "; ".join(f'{e.commit[:10]} "{e.snippet}"' for e in claims[:3])
    return [
        f"No test file was found, yet {len(claims)} commit(s) mention tests ({shown}): tests "
        "may live where no framework convention looks; check them by hand."
    ]


def _inheritance(
    sub: Submission, base: str | None, notes: list[str]
) -> tuple[Base | None, Inheritance | None]:
    """The employer's base (given or inferred) and what it held; notes say what was assumed."""
    if base and base != NO_BASE and not sub.is_git:
        notes.append(f"--base {base} ignored: the submission is not a readable git repository.")
    if not sub.is_git:
        return None, None
    try:
        found = resolve_base(sub.root, base)
        inh = Inheritance.load(sub.root, found) if found else None
    except GitError as exc:
        # A base the reviewer named and that is not there: say so, grade every commit. An
        # inference that fails is covered by the "history unavailable" note.
        if base:
            notes.append(f"Base {base} not usable here ({exc}): every commit is graded.")
        return None, None
    if found is not None:
        notes.append(found.note)
    return found, inh


def _explained(
    dims: Sequence[DimensionScore], summaries: dict[str, str]
) -> tuple[DimensionScore, ...]:
    """Each rule deduction carries the rule's one-line plain-English summary."""
    out = []
    for d in dims:
        items = tuple(replace(i, explain=summaries.get(i.key, i.explain)) for i in d.deductions)
        out.append(replace(d, deductions=items))
    return tuple(out)


def grade_submission(
    sub: Submission,
    rubric: Rubric,
    settings: Settings,
    history_scanner: HistoryScanner = scan_git_history,
    base: str | None = None,
    tree_scanner: TreeScanner | None = None,
) -> Grade:
    """Score one opened submission. Its own config is ignored: the grader sets the rules."""
    candidates = [Candidate(str(sub.root / rel), rel, explicit=True) for rel in sub.scannable()]
    result = (tree_scanner or scan_tree)(candidates, settings)
    notes = _scan_notes(result)
    sources = _python_sources(sub)
    catalogue = load_catalogue(settings.rule_paths)
    replaced = rubric.replaced_signals({r.code for r in catalogue.active()})
    declared = {r.code: r.severity for r in catalogue.active()}
    findings = tuple(sorted((_as_habit(f, declared) for f in result.findings),
                            key=Finding.sort_key))  # fmt: skip
    found_base, inh = _inheritance(sub, base, notes)
    history, commit_signals, history_notes = _history(
        sub, settings, history_scanner, found_base.sha if found_base else ""
    )
    notes += history_notes
    own_code = [s for s in sources if not rubric.is_low_weight(s.path) and not is_generated(s)]
    found = python_signals(own_code, replaced)
    found += [s for s in repo_signals(sub) if s.id not in replaced]
    low = frozenset(f for f in sub.scannable() if rubric.is_low_weight(f))
    weak = [_not_flagged(s, findings) for s in weak_credentials(sub, low) if s.id not in replaced]
    found += [s for s in weak if s.evidence]
    found += [s for s in commit_signals if s.id not in replaced]
    signals = _redacted(found, findings)
    notes += _contradictions(sub, signals, found_base.sha if found_base else "")
    own, old = _split(inh, findings, history, signals)
    scored = score_dimensions(rubric, *own, inherited=old)
    dims = _explained(scored.dimensions, {r.code: r.summary for r in catalogue.active()})
    positives = tuple(
        s
        for s in sorted(own[2], key=lambda s: s.id)
        if s.id in rubric.signals and rubric.signals[s.id].points > 0
    )
    reduced = bool(result.errors) or bool(history_notes)
    return Grade(
        sub.name,
        sub.path,
        scored.total,
        dims,
        tuple(own[0]),
        tuple(own[1]),
        positives,
        subtotal=scored.subtotal,
        caps=scored.caps,
        cap=scored.cap,
        notes=tuple(notes),
        confidence="reduced" if reduced else "high",
    )


def grade_one(
    path: Path,
    rubric: Rubric,
    settings: Settings,
    history_scanner: HistoryScanner = scan_git_history,
    options: GradeOptions = GradeOptions(),
) -> Grade:
    """Grade one submission; any failure to read it becomes an error row, never an exception."""
    try:
        with open_submission(path, options.limits) as sub:
            return grade_submission(sub, rubric, settings, history_scanner, options.base)
    except (SecretcheckError, OSError, UnicodeError) as exc:
        return error_grade(submission_name(path), str(path), str(exc) or type(exc).__name__)
    except Exception as exc:  # one bad submission never takes the batch down
        # Only the type: a message may quote the submission's text, and so a secret.
        reason = f"internal error while grading ({type(exc).__name__}); please report"
        return error_grade(submission_name(path), str(path), reason)


def leaderboard(grades: Sequence[Grade]) -> list[Grade]:
    """Best first, ties by name; error rows after every graded submission."""
    return sorted(grades, key=lambda g: (bool(g.error), -g.score, g.name, g.path))


def grade_paths(
    paths: Sequence[Path],
    rubric: Rubric,
    settings: Settings | None = None,
    limits: ArchiveLimits | None = None,
    *,
    base: str | None = None,
    jobs: int | None = None,
    on_done: OnDone | None = None,
    executor: Executor | None = None,
    task_limits: Limits | None = None,
) -> list[Grade]:
    """Grade every submission; a leaderboard. With one worker and no executor or task limits
    asked for, in this process; otherwise one task each on `executor` (default: local
    threads, `jobs` at once), each in a child process held to `task_limits`."""
    # No findings cache: submissions are one-off, and grading writes nothing outside its temp.
    settings = settings or Settings(use_cache=False)
    load_catalogue(settings.rule_paths)  # fail fast on a broken rule pack
    options = GradeOptions(base, limits)
    workers = max(1, min(jobs or settings.jobs or os.cpu_count() or 1, len(paths)))
    grades: list[Grade] = []
    if workers == 1 and executor is None and task_limits is None:
        for path in paths:
            grades.append(grade_one(path, rubric, settings, options=options))
            if on_done:
                on_done(grades[-1])
        return leaderboard(grades)
    from secretcheck.fleet.child import Limits
    from secretcheck.fleet.executor import LocalExecutor
    from secretcheck.fleet.grade_task import grade_on

    runner = executor or LocalExecutor(workers)
    grades = grade_on(runner, paths, rubric, settings, options, task_limits or Limits(), on_done)
    return leaderboard(grades)
