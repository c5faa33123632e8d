"""Python checks, one folder per rule family (mirroring `rules/`).

- `registry`: the one explicit map from a rule's `check` key to its module and prefilter.
- `syntax`: shared libcst helpers, one meaning each; `visitor`: the base of every check.
- `credentials/` (SC1xx checks), `configuration/` (SC22x-SC23x pattern checks) and `taint/`
  (SC201-SC210: the engine, sources, sanitizers, and `sinks/`, one module per category).
"""
