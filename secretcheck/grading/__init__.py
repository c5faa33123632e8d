"""`secretcheck grade`: score a take-home submission on security habits, with evidence.

Stages, each a small module: `submission` (directory, git repository or archive -> a folder to
read, never executed), `archive` (safe unpacking), `history` (secrets added by past commits),
`signals` (good and bad habits found by cheap static checks), `rubric` (weights as data),
`score` (deductions and credits with evidence) and `render` (text, JSON, markdown, HTML, CSV).
"""
