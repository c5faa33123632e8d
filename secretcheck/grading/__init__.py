"""`secretcheck grade`: score a take-home submission on security habits, with evidence.

Stages, each a small module:
- `submission` (a folder, git repository or archive -> files to read; never executed), with
  `archive` (safe unpacking) and `gitsafe` (git that runs nothing a repository names);
- `history` (the seam to the `secretcheck history` engine: secrets past commits added);
- `signals`, `repo`, `project`, `commits` (good and bad habits found by cheap static checks);
- `rubric` (weights and mappings as data, `rules/rubric.toml`), `score` (deductions and
  credits with evidence), `grade` (the pipeline), `render` and `render_html` (reports).
"""
