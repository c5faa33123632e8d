"""`secretcheck fleet`: scan many repositories, each one task, on a local pool or Dask.

- `repos.py` reads the list of repositories (paths or clone URLs) into `RepoTask`s;
- `worker.py` runs one task in a child process with a time and memory limit, on whichever
  machine executes it, and returns a redacted, JSON-ready row;
- `executor.py` runs tasks on threads here (`local`) or on a Dask cluster (`dask`, imported
  only then) and streams rows back as they finish;
- `report.py` writes the combined JSON, SARIF and Markdown reports and one folder per repo;
- `command.py` is the click command.
"""
