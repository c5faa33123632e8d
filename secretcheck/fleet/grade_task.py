"""One submission graded where the task lands: `grade` at scale on the fleet's execution layer.

`grade_task` is what an executor calls (a local thread, or a Dask worker thread on another
machine). Like a fleet repository, the submission is graded in a process of its own with a
time and memory limit and bounded retries: a child forked from a warm zygote (`zygote.py`),
since starting an interpreter costs more than grading a small submission. What it unpacks
goes into the task's own temporary folder, removed here even when the child was killed. A
submission that cannot be graded (unreadable, corrupt, encrypted, out of time or memory) is an
error row, never an exception.

Nothing secret leaves the child: the grade is scored there (scoring needs each finding's value
to count a secret once), then every finding's value is dropped (`sealed`) before the grade is
written back; snippets and signals were redacted by the grader already, and no file content is
ever part of a grade. The parent reads the child's pickle with `load_grade`, which builds only
secretcheck's own value classes, so a child that went wrong cannot make it run anything.
"""

from __future__ import annotations

import io
import pickle
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from secretcheck.fleet.child import Limits, enter_limits, memory_note, stopping
from secretcheck.fleet.executor import Executor
from secretcheck.fleet.zygote import run_forked
from secretcheck.grading.grade import GradeOptions
from secretcheck.grading.model import Grade, error_grade
from secretcheck.grading.rubric import Rubric
from secretcheck.grading.submission import submission_name
from secretcheck.settings import Settings

KIND = "grade"  # the zygote's task kind (zygote.task_kind): `graded_bytes`, after `warm`


def grade_task(
    path: Path, rubric: Rubric, settings: Settings, options: GradeOptions, limits: Limits
) -> Grade:
    """The grade of one submission, or its error row; never raises for the submission."""
    name = submission_name(path)
    workdir = Path(tempfile.mkdtemp(prefix="secretcheck-grade-task-"))
    try:
        for _attempt in range(limits.retries + 1):
            if stopping():
                return error_grade(name, str(path), "interrupted")
            payload = pickle.dumps(
                (path, rubric, settings, options, limits.memory_mb, str(workdir), limits.time)
            )
            outcome = run_forked(KIND, payload, limits.time)
            if outcome.timed_out:
                reason = f"time limit: not finished in {limits.time:g} s"
                return error_grade(name, str(path), reason)
            if outcome.stopped:
                return error_grade(name, str(path), "interrupted")
            grade = load_grade(outcome.out)
            if grade is not None:
                return grade
            _empty(workdir)  # died (killed, crashed): a fresh start
        reason = f"the grading process died {limits.retries + 1} time(s)"
        return error_grade(name, str(path), reason)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def grade_on(
    executor: Executor,
    paths: Sequence[Path],
    rubric: Rubric,
    settings: Settings,
    options: GradeOptions,
    limits: Limits,
    on_done: Callable[[Grade], None] | None = None,
) -> list[Grade]:
    """Every submission as one task; grades in completion order, `on_done` sees each."""
    # One submission per task, each scanned inline: nested pools would oversubscribe the cores.
    inner = replace(settings, jobs=1)
    items = [(path, rubric, inner, options, limits) for path in paths]
    grades: list[Grade] = []
    for index, outcome in executor.run(grade_task, items):
        if isinstance(outcome, BaseException):  # a worker lost for good, after Dask's retries
            path = paths[index]
            reason = f"the grading worker stopped ({type(outcome).__name__})"
            outcome = error_grade(submission_name(path), str(path), reason)
        grades.append(outcome)
        if on_done is not None:
            on_done(outcome)
    return grades


def sealed(grade: Grade) -> Grade:
    """The grade without any finding's matched value: what may cross a process or a network."""
    findings = tuple(replace(f, secret="") for f in grade.findings)
    history = tuple(replace(h, finding=replace(h.finding, secret="")) for h in grade.history)
    return replace(grade, findings=findings, history=history)


class _GradeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == "secretcheck" or module.startswith("secretcheck."):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a grade value: {module}.{name}")


def load_grade(data: bytes) -> Grade | None:
    """The child's grade, or None when it printed none (it died before finishing)."""
    try:
        grade = _GradeUnpickler(io.BytesIO(data)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    return grade if isinstance(grade, Grade) else None


def _empty(folder: Path) -> None:
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def warm() -> None:
    """Run once in the zygote: grade a one-file folder, so every child starts with the
    detectors imported, the rule packs loaded and their patterns compiled (lazy caches that
    each child would otherwise fill again)."""
    from secretcheck.grading.grade import grade_one
    from secretcheck.grading.rubric import load_rubric
    from secretcheck.runner import warm_imports

    warm_imports()
    with tempfile.TemporaryDirectory(prefix="secretcheck-warm-") as folder:
        Path(folder, "app.py").write_text("import os\n\nTOKEN = os.environ['TOKEN']\n")
        grade_one(Path(folder), load_rubric(), Settings(use_cache=False, jobs=1))


def graded_bytes(payload: bytes) -> bytes:
    """In the task's own process (a child of the zygote): the sealed grade, pickled."""
    # The payload is the pickle `grade_task` in our parent process wrote (the path, rubric and
    # settings), never data from the submission being graded.
    unpickled = pickle.loads(payload)  # secretcheck: ignore[SC243]
    path, rubric, settings, options, memory_mb, workdir, limit = unpickled
    enter_limits(memory_mb, limit, workdir)
    try:
        from secretcheck.grading.grade import grade_one

        grade = grade_one(path, rubric, settings, options=options)
        if grade.error.startswith("internal error"):
            grade = replace(grade, error=grade.error + memory_note(memory_mb))
    except MemoryError:
        grade = error_grade(submission_name(path), str(path), f"memory limit: over {memory_mb} MB")
    except Exception as exc:  # the type only: its text could quote the submission
        reason = f"internal error while grading ({type(exc).__name__}){memory_note(memory_mb)}"
        grade = error_grade(submission_name(path), str(path), reason)
    return pickle.dumps(sealed(grade))
