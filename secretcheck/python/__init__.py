"""Python checks, one folder per rule family (mirroring `rules/`).

- `registry`: the one explicit map from a rule's `check` key to its module and prefilter.
- `astsyntax`: shared stdlib-`ast` helpers, one meaning each; `astvisitor`: the base of every
  check but the taint engine (which reads libcst, with `syntax`'s helpers); `astpos`: spans.
- `credentials/` (SC1xx checks), `configuration/` (SC22x-SC23x pattern checks),
  `dangerous_api/` (SC240-SC243) and `taint/`
  (SC201-SC210: the engine, sources, sanitizers, and `sinks/`, one module per category).
"""
