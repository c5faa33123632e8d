"""The syntax-tree engine: parse once with CPython's `ast`, run every enabled check on it.

A file is parsed only when some enabled check's text prefilter matches it. Checks of
"statement" scope see only the statements on the lines their prefilter matched: the tree
locates those statements and each is parsed alone, so a check's cost follows the number of
candidates, not the size of the file. Checks of "module" scope see the whole module. No check
reads libcst's tree: CPython's parser is several times faster and gives positions with the
nodes (libcst stays a dependency for the rewriting autofix will need). A file that does not
parse yields one diagnostic hit (the text engines still scan it), never an exception.
"""

from __future__ import annotations

import ast
import bisect
import importlib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from secretcheck.analysis.context import path_context
from secretcheck.engines.cst_estimate import estimate_module_pass, give_up_if_over
from secretcheck.findings import Hit, Span
from secretcheck.python.astsyntax import parse_module
from secretcheck.python.astvisitor import AstCheck, run_checks
from secretcheck.python.fileterms import FileTerms
from secretcheck.python.registry import CHECKS, GROUPS, TaintEntry
from secretcheck.python.taint.prefilter import has_entry_point, is_web_module
from secretcheck.python.taint.project import Project
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import split_lines

PARSE_ERROR_CODE = "SC901"
_MAX_SNIPPETS = 40
_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor,
             ast.While, ast.With, ast.AsyncWith)  # fmt: skip


# Every check's words and substrings, looked for in one RE2 pass per file (built when first used).
TERMS = FileTerms(
    (w for c in CHECKS.values() for w in c.words),
    (s for c in CHECKS.values() for s in c.substrings),
)


def wanted_checks(
    rules: Sequence[RuleSpec],
    text: str,
    audit: bool = False,
    imported: Callable[[], frozenset[str]] | None = None,
    requested: Callable[[], bool] | None = None,
) -> list[RuleSpec]:
    """The rules whose prefilter matches.

    Which checks' words (as identifiers) and substrings (of the lowered text) the file holds
    comes first, from one RE2 pass (`FileTerms`): a check none of whose words or substrings
    occur is skipped without running its regexes. A gated taint rule (and, outside audit mode,
    every taint rule: only flows from a real entry point are reported) also needs an entry
    point in the file, tested once.

    `imported`, asked at most once and only for a file with an entry point, gives the taint
    rules whose sinks a function this file imports from its own project reaches: such a rule
    is wanted without its sink's name in this file. `requested`, asked at most once and only
    for a file with a sink and no entry point of its own: does it call a function of its
    project that reads a module-level request object (Flask's `request`)? Then that call is
    its entry point.
    """
    identifiers, lowered = TERMS.present(text)
    entry: bool | None = None
    through: frozenset[str] | None = None
    wanted = []
    for rule in rules:
        check = CHECKS.get(rule.check)
        if check is None:
            continue
        taint = isinstance(check, TaintEntry)
        matches = check.may_match(identifiers, lowered)
        if not matches and not (taint and imported is not None):
            continue
        if isinstance(check, TaintEntry) and (check.gated or not audit or not matches):
            if entry is None:
                entry = has_entry_point(text, is_web_module(text)) or (
                    requested is not None and requested()
                )
            if not entry:
                continue
        if matches and check.prefilter.search(text):
            wanted.append(rule)
        elif taint and imported is not None:
            if through is None:
                through = imported()
            if rule.code in through:
                wanted.append(rule)
    return wanted


_NOT_FOLLOWED = frozenset({"test", "fixture"})


def _parse_error(line: int, column: int, reason: str) -> Hit:
    # Never quote a parser's whole message: both CPython's and libcst's can include the source
    # line, and so a secret.
    line, column = max(line, 1), max(column, 1)
    detail = f"{reason} at line {line}, column {column}; scanned as text only"
    return Hit(PARSE_ERROR_CODE, Span(line, column, line, column + 1), "", detail)


def _candidate_lines(rules: Iterable[RuleSpec], text: str) -> Iterator[int]:
    """The line of each prefilter match, rule after rule (so not in order, and maybe twice),
    found as they are asked for: a caller may stop early."""
    newlines: list[int] | None = None
    for rule in rules:
        for match in CHECKS[rule.check].prefilter.finditer(text):
            if newlines is None:
                newlines = [m.start() for m in _NEWLINE.finditer(text)]
            yield bisect.bisect_left(newlines, match.start()) + 1


_NEWLINE = re.compile("\n")


def _candidate_ranges(
    rules: Iterable[RuleSpec], text: str, tree: ast.Module
) -> list[tuple[int, int, bool]]:
    """`statement_ranges` of the candidate lines; once they hold more than `_MAX_SNIPPETS`
    ranges (one whole-module pass follows, and only their number matters), a part of them.

    A generated module can hold 30k candidate lines, each judged by its prefilter (SC101's
    judges the value: ~20 us a line, 0.5-1 s on the file); the tree is asked once the lines
    found could hold more ranges than that, and again each time they have doubled (ranges
    only grow with lines, so stopping there is exact)."""
    lines: set[int] = set()
    ask_at = _MAX_SNIPPETS + 1
    for line in _candidate_lines(rules, text):
        lines.add(line)
        if len(lines) >= ask_at:
            ranges = statement_ranges(tree, lines)
            if len(ranges) > _MAX_SNIPPETS:
                return ranges
            ask_at *= 2
    return statement_ranges(tree, lines)


def _docstring_lines(tree: ast.Module) -> set[int]:
    """Lines of string statements (docstrings, and the string blocks used as comments).

    Only statement lists are walked: a string statement is a statement, and `ast.walk` over
    every expression node took a fifth of a one-file scan's analysis (flask's app.py)."""
    lines: set[int] = set()
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if _string_only(node):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        for block in ("body", "orelse", "finalbody"):
            pending.extend(getattr(node, block, ()))
        for inner in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):
            pending.extend(inner.body)
    return lines


def _outside_docstrings(rules: list[RuleSpec], text: str, tree: ast.Module) -> list[RuleSpec]:
    """Module-scope pattern checks whose prefilter matched only inside docstrings or comments
    (`app.run(debug=True)` in an example) cannot fire: no whole-module libcst parse for them.
    Taint checks choose their own lines and are kept."""
    docstrings: set[int] | None = None
    source_lines = split_lines(text)
    kept = []
    for rule in rules:
        entry = CHECKS[rule.check]
        if entry.group:
            kept.append(rule)
            continue
        if docstrings is None:
            docstrings = _docstring_lines(tree)
        for line in _candidate_lines([rule], text):
            code = source_lines[line - 1].lstrip() if line <= len(source_lines) else ""
            if line not in docstrings and not code.startswith("#"):
                kept.append(rule)
                break
    return kept


def statement_ranges(tree: ast.Module, lines: set[int]) -> list[tuple[int, int, bool]]:
    """(first, last, is_header) of the innermost statement holding each candidate line.

    For a compound statement whose header holds the line (a `def` with parameter defaults, an
    `if password == ...`), the range is the header alone.
    """
    found: dict[tuple[int, int, bool], None] = {}
    ordered = sorted(lines)

    def holds(first: int, last: int) -> bool:
        # Bisect, not a scan of every candidate line: a generated file has ~30k statements
        # and as many candidate lines, and the scan made this quadratic (150 s on 1.8 MB).
        at = bisect.bisect_left(ordered, first)
        return at < len(ordered) and ordered[at] <= last

    def visit(body: Iterable[ast.stmt]) -> None:
        for stmt in body:
            end = stmt.end_lineno or stmt.lineno
            if not holds(stmt.lineno, end):
                continue
            if isinstance(stmt, (*_COMPOUND, ast.Try)):
                first_body = stmt.body[0].lineno if stmt.body else stmt.lineno
                header_end = max(stmt.lineno, first_body - 1)
                if (
                    not isinstance(stmt, ast.Try)
                    and first_body > stmt.lineno
                    and holds(stmt.lineno, header_end)
                ):
                    found[(stmt.lineno, header_end, True)] = None
                for block in ("body", "orelse", "finalbody"):
                    visit(getattr(stmt, block, []))
                for handler in getattr(stmt, "handlers", []):
                    visit(handler.body)
            elif not _string_only(stmt):
                found[(stmt.lineno, end, False)] = None

    visit(tree.body)
    return list(found)


def _string_only(stmt: ast.stmt) -> bool:
    """A docstring, or a string statement used as a comment (`'0.0.0.0'` in a docstring matches
    a prefilter). Such a statement holds no call, assignment, parameter, comparison or dict,
    the only nodes a statement-scope check reads (tests/engines hold this), so it is not
    parsed: for a file whose candidates are all in docstrings, libcst is not even imported."""
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _snippet(source_lines: Sequence[str], first: int, last: int, header: bool) -> tuple[str, int]:
    """Source of lines first..last, parseable alone, and how many lines were put before it.

    An indented statement is wrapped in `if 1:` (columns stay exact); a compound header gets a
    `pass` body; `elif` becomes `if  ` (same width).
    """
    chunk = list(source_lines[first - 1 : last])
    stripped = chunk[0].lstrip()
    indent = chunk[0][: len(chunk[0]) - len(stripped)]
    if stripped.startswith("elif "):
        chunk[0] = indent + "if  " + stripped[4:]
    if header:
        chunk.append(indent + "    pass\n")
    prefix = "if 1:\n" if indent else ""
    return prefix + "".join(chunk), 1 if indent else 0


def run_on_ast(
    rules: Sequence[RuleSpec],
    text: str,
    tree: ast.Module,
    audit: bool = False,
    path: str = "",
    project: Project | None = None,
) -> list[Hit]:
    """Hits of the checks on the stdlib tree this engine parsed already.

    A check module provides `run_ast(rule, text, tree) -> list[Hit]`; a group module (the taint
    engine) provides `run_ast(rules, text, tree, audit, path) -> list[Hit]` for all its members."""
    hits: list[Hit] = []
    grouped: dict[str, list[RuleSpec]] = {}
    walked: list[tuple[RuleSpec, type[AstCheck]]] = []
    for rule in rules:
        entry = CHECKS[rule.check]
        if entry.group:
            grouped.setdefault(entry.group, []).append(rule)
            continue
        module = importlib.import_module(entry.module)
        check = getattr(module, "Check", None)
        if isinstance(check, type) and issubclass(check, AstCheck):
            walked.append((rule, check))  # walked together below: one traversal per tree
        else:
            hits.extend(module.run_ast(rule, text, tree))
    hits.extend(run_checks(walked, text, tree))
    for group, members in grouped.items():
        group_module = importlib.import_module(GROUPS[group])
        hits.extend(group_module.run_ast(members, text, tree, audit, path, project))
    return hits


def _shift(hit: Hit, lines: int) -> Hit:
    s = hit.span
    statement = hit.statement and (hit.statement[0] + lines, hit.statement[1] + lines)
    span = Span(s.line + lines, s.column, s.end_line + lines, s.end_column)
    return replace(hit, span=span, statement=statement)


def _run_statements(
    rules: Sequence[RuleSpec], text: str, tree: ast.Module, deadline: float = math.inf
) -> list[Hit]:
    """Statement-scope checks (they read the stdlib tree): each candidate statement is parsed
    alone, so a check sees that statement and nothing around it."""
    ranges = _candidate_ranges(rules, text, tree)
    if not ranges:
        return []
    if len(ranges) > _MAX_SNIPPETS:
        # A generated constants file: one whole pass beats thousands of small ones.
        if deadline < math.inf:
            run = lambda source: run_on_ast(rules, source, parse_module(source))  # noqa: E731
            give_up_if_over(estimate_module_pass(text, tree, run), deadline)
        return run_on_ast(rules, text, tree)
    source_lines = split_lines(text, keepends=True)
    hits: list[Hit] = []
    for first, last, header in ranges:
        snippet, added = _snippet(source_lines, first, last, header)
        try:
            module = parse_module(snippet)
        except (SyntaxError, ValueError, RecursionError):
            continue  # lines that do not parse alone: nothing to check here
        hits.extend(_shift(h, first - 1 - added) for h in run_on_ast(rules, snippet, module))
    return hits


def run_cst(
    rules: Sequence[RuleSpec],
    text: str,
    must_parse: bool = False,
    audit: bool = False,
    deadline: float = math.inf,
    path: str = "",
) -> list[Hit]:
    """Hits of every CST rule in `rules` whose prefilter matches `text`; `path` is the file's
    (the taint rules read its module name).

    `deadline` is the `time.process_time()` the file's budget runs out at: a whole-module pass
    that a measured sample says cannot end by then is not started (`BudgetExceeded`).

    `must_parse` checks the syntax even when no prefilter matches: the text engines found
    something, and if the file does not parse, that is worth saying next to it.
    """
    projects: list[Project | None] = []

    def project() -> Project | None:
        """The file's project, found once and only when a taint rule asks for it."""
        if not projects:
            from secretcheck.python.taint.check import project_of

            projects.append(project_of(rules, text, path, audit))
        return projects[0]

    def imported() -> frozenset[str]:
        found = project()
        return found.imports_sinks(text) if found is not None else frozenset()

    def requested() -> bool:
        found = project()
        return found is not None and found.imports_request_readers(text)

    # Calls into the project's other modules are followed from web modules only, and not from
    # tests: a CLI's own arguments are the operator's input, a test's requests are its own
    # fixtures, and the summaries are the costly part.
    follow = bool(path) and is_web_module(text) and path_context(path) not in _NOT_FOLLOWED
    selected = wanted_checks(rules, text, audit, imported if follow else None,
                             requested if follow else None)  # fmt: skip
    if not selected and not must_parse:
        return []
    try:
        tree = parse_module(text)
    except SyntaxError as exc:
        reason = (exc.msg or "syntax error").split("(", 1)[0].strip()[:80]
        return [_parse_error(exc.lineno or 1, exc.offset or 1, reason)]
    except (ValueError, RecursionError, MemoryError):
        return [_parse_error(1, 1, "not valid Python source")]
    scopes = {r.code: CHECKS[r.check].scope_for(text) for r in selected}
    statement_rules = [r for r in selected if scopes[r.code] == "statement"]
    module_rules = [
        r for r in selected if scopes[r.code] == "module" and CHECKS[r.check].applies_to(tree)
    ]
    if module_rules:
        module_rules = _outside_docstrings(module_rules, text, tree)
    hits = _run_statements(statement_rules, text, tree, deadline) if statement_rules else []
    if module_rules:
        taint = follow and any(CHECKS[r.check].group == "taint" for r in module_rules)
        hits.extend(run_on_ast(module_rules, text, tree, audit, path,
                               project() if taint else None))  # fmt: skip
    return hits
