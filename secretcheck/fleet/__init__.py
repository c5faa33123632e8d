"""`secretcheck fleet` and batch `grade`: many repositories or submissions, each one task, on
local threads or Dask: the one execution layer of both.

- `repos.py` reads the list of repositories (paths or clone URLs) into `RepoTask`s;
- `child.py` runs one task in a child process with a time and memory limit (and `Limits`);
  `zygote.py` forks such a child from a warm process, for tasks too small to pay for a
  Python start (grading);
- `worker.py` is one repository's task, on whichever machine executes it: a redacted,
  JSON-ready row; `grade_task.py` is one submission's: a grade without any secret value;
- `executor.py` runs tasks on threads here (`local`) or on a Dask cluster (`dask`, imported
  only then) and streams results back as they finish;
- `report.py` writes the combined JSON, SARIF and Markdown reports and one folder per repo;
- `command.py` is the click command.
"""
