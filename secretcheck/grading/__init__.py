"""`secretcheck grade`: score a take-home submission on security habits, with evidence.

Stages, each a small module:
- `submission` (a folder, git repository or archive -> files to read; never executed), with
  `archive` (safe unpacking); git runs through `secretcheck.gitcmd`, which runs nothing a
  repository names;
- `history` (the seam to the `secretcheck history` engine: secrets past commits added);
- `base` (only the candidate's work: the employer's skeleton commit, given or inferred, and
  what it already held, listed as inherited);
- `signals`, `repo`, `project`, `commits`, `weak` (good and bad habits found by cheap static
  checks; `weak`: weak and default credentials in live config);
- `rubric` (weights, caps and mappings as data, `rules/rubric.toml`), `score` (deductions,
  credits and knockouts with evidence), `grade` (the pipeline and error rows; several
  submissions run as tasks on the fleet's execution layer, `secretcheck.fleet.grade_task`),
  `legend` (versions, date and every weight), `render` and `render_html` (reports).
"""
