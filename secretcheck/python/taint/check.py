"""The one visitor behind every taint rule (SC201-SC210): select, resolve, analyze, report.

How it detects: the enabled taint rules' prefilters mark the lines that may hold a sink; only
the top-level functions and classes around those lines (and, transitively, the functions that
call them) are kept, together with the module's own statements, in a trimmed copy of the module.
Scope and qualified-name metadata are resolved on that copy alone, since that resolution costs
several times the parse; `analysis.engine.TaintEngine` then does the data flow.

What it deliberately misses: flows through other modules, through attributes set in another
method, and sinks reached only through an alias the line prefilter cannot see.
"""

from __future__ import annotations

import ast
import bisect
import importlib
import re
from collections.abc import Sequence

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    PositionProvider,
    QualifiedNameSource,
)

from secretcheck.findings import Confidence, Hit, Severity, Span, TraceStep
from secretcheck.python.registry import CHECKS, TaintEntry
from secretcheck.python.taint.engine import TaintEngine, enum_classes
from secretcheck.python.taint.flows import SinkSet
from secretcheck.python.taint.prefilter import has_entry_point
from secretcheck.python.taint.scopes import resolve_scopes
from secretcheck.python.taint.sources import OPERATOR_CODE_NOTE, WEB_IMPORT
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import split_lines

_FLASK = re.compile(r"^(?:from|import)\s+flask\b", re.M)
_FASTAPI = re.compile(r"^(?:from|import)\s+(?:fastapi|starlette)\b", re.M)
_TOP = (cst.FunctionDef, cst.ClassDef)
_WITHOUT_WEB = frozenset(
    {"sql_injection", "command_injection", "code_injection", "deserialization", "xss",
     "template_injection"}
)  # fmt: skip
_IMPORTED = (QualifiedNameSource.IMPORT, QualifiedNameSource.BUILTIN)


class Check(cst.BatchableCSTVisitor):
    # No metadata for the whole module: positions and qualified names are resolved on the
    # trimmed module only, and mapped back to the file's lines through CPython's `ast`.
    METADATA_DEPENDENCIES = ()

    def __init__(
        self,
        rules: Sequence[RuleSpec],
        hits: list[Hit],
        text: str,
        audit: bool = False,
        tree: ast.Module | None = None,
    ) -> None:
        super().__init__()
        self.tree = tree  # CPython's parse of `text`, when the caller has one
        self.audit = audit
        self.web = bool(WEB_IMPORT.search(text))
        self.hits = hits
        self.text = text
        self.sinksets: list[SinkSet] = []
        patterns = []
        for rule in rules:
            entry = CHECKS[rule.check]
            module = importlib.import_module(entry.module)
            self.sinksets.append(SinkSet(rule.code, module.CATEGORY, module.SINKS))
            if isinstance(entry, TaintEntry):
                patterns.append(entry.lines)
            else:
                patterns.append(str(getattr(entry.prefilter, "pattern", "(?!)")))
        self.line_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.M)
        if not WEB_IMPORT.search(text):
            # Without a web framework, only CLI and environment input or values of unknown
            # origin exist, and those are never reported at path, URL, XML or redirect sinks.
            reachable = [
                p
                for rule, p in zip(rules, patterns, strict=True)
                if CHECKS[rule.check].module.rsplit(".", 1)[1] in _WITHOUT_WEB
            ]
            self.line_re = re.compile("|".join(f"(?:{p})" for p in reachable) or "(?!)", re.M)
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.best: dict[tuple[str, Span], Hit] = {}
        self.first: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.kept_classes: dict[int, cst.ClassDef] = {}

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def _index(self, body: Sequence[cst.CSTNode], tree: Sequence[ast.stmt]) -> None:
        """First and last line of each statement (and class member), from `ast`, which
        locates them ~20x faster than libcst's position metadata."""
        k = 0
        for statement in body:
            if k >= len(tree):
                break
            count = len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
            first, last = tree[k], tree[min(k + count, len(tree)) - 1]
            decorators = [d.lineno for d in getattr(first, "decorator_list", ())]
            self.first[id(statement)] = min([*decorators, first.lineno])
            self.last[id(statement)] = last.end_lineno or last.lineno
            if (
                isinstance(statement, cst.ClassDef)
                and isinstance(first, ast.ClassDef)
                and isinstance(statement.body, cst.IndentedBlock)
            ):
                self._index(statement.body.body, first.body)
            k += count

    def _span(self, node: cst.CSTNode) -> tuple[int, int]:
        return self.first.get(id(node), 0), self.last.get(id(node), 0)

    def _sink_lines(self, tree: ast.Module) -> set[int]:
        extra = []  # `from subprocess import run as r`: look for `r(` too
        for statement in tree.body:
            if isinstance(statement, ast.ImportFrom):
                for alias in statement.names:
                    if alias.asname and self.line_re.search(f"{alias.name.split('.')[-1]}("):
                        extra.append(re.escape(alias.asname))
        lines = {self._line(m.start()) for m in self.line_re.finditer(self.text)}
        if extra:
            alias_re = re.compile(rf"\b(?:{'|'.join(extra)})\s*\(")
            lines |= {self._line(m.start()) for m in alias_re.finditer(self.text)}
        return lines

    def _units(self, module: cst.Module) -> list[tuple[int, int, cst.FunctionDef]]:
        """(statement index, method index or -1, function) for every top-level function and
        every method of a top-level class: the granularity at which code is kept."""
        units = []
        for i, statement in enumerate(module.body):
            if isinstance(statement, cst.FunctionDef):
                units.append((i, -1, statement))
            elif isinstance(statement, cst.ClassDef):
                for j, member in enumerate(statement.body.body):
                    if isinstance(member, cst.FunctionDef):
                        units.append((i, j, member))
        return units

    def worth_parsing(self, tree: ast.Module) -> bool:
        """Would the taint run analyze anything? Answered from CPython's `ast` before libcst
        parses the module: a 10,000-route module with no path from an entry point to a sink
        is never turned into a libcst tree (gigabytes, for a 1.8 MB file)."""
        sink_lines = self._sink_lines(tree)
        if not sink_lines:
            return False
        units: list[tuple[bool, str]] = []
        owners: list[str] = []
        spans: list[tuple[int, int]] = []
        top: list[tuple[int, int]] = []
        for statement in tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                top.append(_ast_span(statement))
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                units.append((False, statement.name))
                owners.append("")
                spans.append(_ast_span(statement))
            elif isinstance(statement, ast.ClassDef):
                for member in statement.body:
                    if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        units.append((True, member.name))
                        owners.append(statement.name)
                        spans.append(_ast_span(member))
        module_sink = self._module_level_sink_lines(top, sink_lines)
        return self._choose(units, spans, sink_lines, module_sink, owners) is not None

    def _choose(self, units: list[tuple[bool, str]], spans: list[tuple[int, int]],
                sink_lines: set[int], module_sink: bool,
                owners: list[str]) -> set[int] | None:  # fmt: skip
        """Indices of the units around sink lines, their callers and their callees (summaries
        flow both ways), transitively; None when nothing there can yield a finding. `owners`:
        each unit's class ("" for a function), for `page = Page(...); page.render()`."""
        texts = [self.text[self.starts[a - 1] : self.starts[b] if b < len(self.starts) else None]
                 for a, b in spans]  # fmt: skip
        defined: dict[tuple[bool, str], list[int]] = {}
        for k, key in enumerate(units):
            defined.setdefault(key, []).append(k)
        ordered = sorted(sink_lines)
        chosen = {k for k, (a, b) in enumerate(spans) if _any_between(ordered, a, b)}
        # A Flask route is a sink (its returned text is the response) unless every `return`
        # gives JSON, a template, a redirect or a response object: most routes of a large app.
        chosen = {k for k in chosen if not self._json_only_route(texts[k], spans[k], ordered)}
        todo = set(chosen)
        callee_re = _calls(set(defined))
        while todo and callee_re is not None:
            callers = _calls({units[k] for k in todo})
            found = {x for k in todo for m in callee_re.finditer(texts[k])
                     for x in defined[(m.group(1) is None, m.group(1) or m.group(2))]}  # fmt: skip
            if callers is not None:
                found |= {k for k in range(len(units)) if callers.search(texts[k])}
            found |= _methods_called(todo, texts, units, owners)
            todo = found - chosen
            chosen |= todo
        if not chosen and not module_sink:
            return None
        if not self.audit and not (
            any(has_entry_point(texts[k], self.web) for k in chosen)
            or self._module_level_entry(spans)
        ):
            # Outside audit mode only a real entry point's data is reported: sinks whose
            # functions, callers and callees never touch one cannot yield a finding.
            return None
        return chosen

    def _select(self, module: cst.Module, sink_lines: set[int]) -> cst.Module | None:
        """The module's own statements plus the functions and methods `_choose` keeps."""
        units = self._units(module)
        spans = [self._span(f) for _, _, f in units]
        top = [self._span(s) for s in module.body if isinstance(s, _TOP)]
        module_sink = self._module_level_sink_lines(top, sink_lines)
        meta = [(j >= 0, func.name.value) for _, j, func in units]
        owners = [_class_name(module.body[i]) if j >= 0 else "" for i, j, _ in units]
        chosen = self._choose(meta, spans, sink_lines, module_sink, owners)
        if chosen is None:
            return None
        keep = {(units[k][0], units[k][1]) for k in chosen}
        body: list[cst.BaseStatement] = []
        for i, statement in enumerate(module.body):
            if isinstance(statement, cst.FunctionDef):
                if (i, -1) in keep:
                    body.append(statement)
            elif isinstance(statement, cst.ClassDef):
                members = [m for j, m in enumerate(statement.body.body)
                           if not isinstance(m, cst.FunctionDef) or (i, j) in keep]  # fmt: skip
                if len(members) < len(statement.body.body) and any(
                    isinstance(m, cst.FunctionDef) for m in members
                ):
                    block = statement.body.with_changes(body=members)
                    trimmed_class = statement.with_changes(body=block)
                    self.kept_classes[id(trimmed_class)] = statement
                    body.append(trimmed_class)
                elif any(isinstance(m, cst.FunctionDef) for m in members):
                    body.append(statement)
            else:
                body.append(statement)
        return module.with_changes(body=body)

    def _module_level_entry(self, spans: list[tuple[int, int]]) -> bool:
        """Does the module's own code (outside its functions and methods) read an entry point?"""
        lines = split_lines(self.text, keepends=True)
        inside: set[int] = set()
        for a, b in spans:
            inside.update(range(a, b + 1))
        own = "".join(line for n, line in enumerate(lines, 1) if n not in inside)
        return has_entry_point(own, self.web)

    def _json_only_route(self, text: str, span: tuple[int, int], ordered: list[int]) -> bool:
        """Was this unit picked only for its route decorator, and does every `return` give a
        dict or list (JSON), or call a function that builds no HTML from text?"""
        routes = {span[0] + text.count("\n", 0, m.start()) for m in _ROUTE.finditer(text)}
        if not routes or any(n not in routes for n in ordered if span[0] <= n <= span[1]):
            return False
        returns = _RETURN.findall(text)
        return bool(returns) and all(
            opener in ("{", "[")
            or (opener.isalpha() and word in _NOT_TEXT)
            or (opener == "" and not word)
            for opener, word in ((o, (o + w) if o.isalpha() else w) for o, w in returns)
        )

    def _module_level_sink_lines(self, spans: list[tuple[int, int]], sink_lines: set[int]) -> bool:
        """Is some sink line in the module's own code (not in a definition, not an import)?
        `spans`: the module's top-level definitions, in order."""
        lines = split_lines(self.text)
        return any(
            not _within(spans, n) and not lines[n - 1].lstrip().startswith(("from ", "import "))
            for n in sink_lines
            if n <= len(lines)
        )

    def _map_lines(self, trimmed: cst.Module) -> None:
        """Line offsets of the trimmed module's statements and class members, whose lines
        moved up when the code between them was left out."""
        self.shifts: list[tuple[int, int, int]] = []
        self.deltas: list[int] | None = None

        def add(node: cst.CSTNode, first: int) -> None:
            start = self.positions[node].start.line
            decorators = getattr(node, "decorators", ())
            if decorators:
                start = min(start, self.positions[decorators[0]].start.line)
            self.shifts.append((start, self.positions[node].end.line, first - start))

        for statement in trimmed.body:
            original = self.kept_classes.get(id(statement), statement)
            if id(original) in self.first:
                add(statement, self.first[id(original)])
            if isinstance(statement, cst.ClassDef) and isinstance(
                statement.body, cst.IndentedBlock
            ):
                for member in statement.body.body:
                    if id(member) in self.first:
                        add(member, self.first[id(member)])

    def _original(self, line: int) -> int:
        """The file's line for a line of the trimmed module: the innermost shifted range.

        A table built once (outer ranges first, inner ones overwrite): looking ranges up per
        call made a 10k-function module quadratic."""
        if self.deltas is None:
            last = max((end for _, end, _ in self.shifts), default=0)
            self.deltas = [0] * (last + 2)
            for start, end, delta in sorted(self.shifts, key=lambda s: s[0] - s[1]):
                self.deltas[start : end + 1] = [delta] * (end - start + 1)
        return line + (self.deltas[line] if line < len(self.deltas) else 0)

    def leave_Module(self, original_node: cst.Module) -> None:
        try:
            self._analyze(original_node)
        except RecursionError:
            self._too_deep()
        except KeyError as exc:  # libcst's position recorder, failing while it unwinds one
            if not _from_recursion(exc):
                raise
            self._too_deep()

    def _too_deep(self) -> None:
        """A 1000-term `a + a + ...` nests deeper than Python's recursion limit: say so and go
        on (the text engines still scanned the file), rather than crash or guess."""
        self.best.clear()
        detail = "too deeply nested for data-flow analysis; injection rules skipped"
        self.hits.append(Hit("SC901", Span(1, 1, 1, 2), "", detail))

    def _analyze(self, original_node: cst.Module) -> None:
        tree = self.tree
        if tree is None:
            try:
                tree = ast.parse(self.text)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return
        sink_lines = self._sink_lines(tree)
        if not sink_lines:
            return
        self._index(original_node.body, tree.body)
        trimmed = self._select(original_node, sink_lines)
        if trimmed is None:
            return
        enums = enum_classes(original_node)
        for chunk in _chunks(trimmed):
            self._run_engine(chunk, enums)
        self.hits.extend(sorted(self.best.values(), key=lambda h: (h.span, h.code)))

    def _run_engine(self, trimmed: cst.Module, enums: frozenset[str]) -> None:
        wrapper = MetadataWrapper(trimmed, unsafe_skip_copy=True)
        self.positions = wrapper.resolve(PositionProvider)
        self._map_lines(trimmed)
        # The scopes alone, asked per node: what libcst's QualifiedNameProvider answers
        # (`scope.get_qualified_names_for(node)` for a node that has a scope, else nothing),
        # without its extra passes that wrap a lazy value around every node of the module.
        scopes = resolve_scopes(wrapper)

        def names(node: cst.CSTNode) -> tuple[frozenset[str], bool]:
            scope = scopes.get(node)
            found = scope.get_qualified_names_for(node) if scope is not None else ()
            if not found:
                return frozenset(), False
            return frozenset(q.name for q in found), any(q.source in _IMPORTED for q in found)

        def where(node: cst.CSTNode) -> tuple[int, int]:
            start = self.positions[node].start
            return self._original(start.line), start.column + 1

        engine = TaintEngine(
            trimmed, self.sinksets, names, where, self._report,
            web_module=bool(WEB_IMPORT.search(self.text)),
            flask_module=bool(_FLASK.search(self.text)) and not _FASTAPI.search(self.text),
            audit=self.audit, text=self.text, enums=enums,
        )  # fmt: skip
        engine.run()

    def _report(self, code: str, node: cst.CSTNode, steps: tuple[TraceStep, ...],
                confidence: Confidence, statement: cst.CSTNode | None,
                operator: bool = False) -> None:  # fmt: skip
        where = self.positions[node]
        line, end = self._original(where.start.line), self._original(where.end.line)
        span = Span(line, where.start.column + 1, end, where.end.column + 1)
        lines = (span.line, span.end_line)
        if statement is not None:
            at = self.positions[statement]
            lines = (self._original(at.start.line), self._original(at.end.line))
        # Only audit mode reports values of unknown origin, always at low confidence and info
        # severity: below the default `fail-on`, so an audit never fails a run by itself.
        audit = confidence == Confidence.LOW
        signals = ("audit: value of unknown origin",) if audit else ()
        detail = _detail(steps)
        if operator:  # the operator's own input run as code: see sources.OPERATOR_RUNS_CODE
            signals = (*signals, OPERATOR_CODE_NOTE)
            detail = f"{detail} (the operator's own input)" if detail else detail
        severity = Severity.INFO if audit or operator else None
        hit = Hit(code, span, "", detail, lines, trace=steps, confidence=confidence,
                  signals=signals, severity=severity)  # fmt: skip
        key = (code, span)
        if key not in self.best or _better(hit, self.best[key]):
            self.best[key] = hit


# Definitions analyzed together. Beyond this, a module (10,000 Flask routes that each write
# request data into their response) is analyzed in slices, each with the module's own
# statements: libcst metadata for the whole module took gigabytes. Summaries do not cross
# slices, so a helper defined more than this many definitions away from its caller is missed.
CHUNK_DEFINITIONS = 400


def _chunks(module: cst.Module) -> list[cst.Module]:
    own = [s for s in module.body if not isinstance(s, _TOP)]
    definitions = [s for s in module.body if isinstance(s, _TOP)]
    if len(definitions) <= CHUNK_DEFINITIONS:
        return [module]
    return [
        module.with_changes(body=[*own, *definitions[i : i + CHUNK_DEFINITIONS]])
        for i in range(0, len(definitions), CHUNK_DEFINITIONS)
    ]


def _ast_span(node: ast.stmt) -> tuple[int, int]:
    decorators = [d.lineno for d in getattr(node, "decorator_list", ())]
    return min([*decorators, node.lineno]), node.end_lineno or node.lineno


def _any_between(ordered: list[int], first: int, last: int) -> bool:
    i = bisect.bisect_left(ordered, first)
    return i < len(ordered) and ordered[i] <= last


def _within(spans: list[tuple[int, int]], line: int) -> bool:
    """Is `line` inside one of these sorted, disjoint (first, last) spans?"""
    i = bisect.bisect_right(spans, (line, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= line <= spans[i][1]


_ROUTE = re.compile(r"^[ \t]*@\w+\.(?:route|get|post)\(", re.M)
_RETURN = re.compile(r"^[ \t]*return\b[ \t]*(.?)(\w*)", re.M)
_NOT_TEXT = frozenset(
    {"jsonify", "render_template", "redirect", "abort", "url_for", "send_file",
     "send_from_directory", "make_response", "Response"}
)  # fmt: skip


def _from_recursion(exc: BaseException) -> bool:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, RecursionError):
            return True
        cause = cause.__context__
    return False


def _better(new: Hit, old: Hit) -> bool:
    """The stronger of two traces into one sink: one at the rule's severity beats an info one
    (a request's data beside the operator's own input into one `eval`), then confidence."""
    rank = {Confidence.HIGH: 2, Confidence.MEDIUM: 1, Confidence.LOW: 0}
    a = (new.severity is None, rank[new.confidence or Confidence.LOW])
    b = (old.severity is None, rank[old.confidence or Confidence.LOW])
    return a > b or (a == b and len(new.trace) < len(old.trace))


def _detail(steps: tuple[TraceStep, ...]) -> str:
    if not steps:
        return ""
    first = steps[0].note.removeprefix("source: ")
    if steps[0].note.startswith("source: ") or "parameter" in first or "option" in first:
        return f"{first} (line {steps[0].line}) reaches {steps[-1].note.removeprefix('sink: ')}"
    return f"reaches {steps[-1].note.removeprefix('sink: ')}"


def _class_name(statement: cst.CSTNode) -> str:
    return statement.name.value if isinstance(statement, cst.ClassDef) else ""


def _methods_called(todo: set[int], texts: list[str], units: list[tuple[bool, str]],
                    owners: list[str]) -> set[int]:  # fmt: skip
    """Methods of this file's classes that a unit in `todo` calls on an instance it builds
    (`page = Page(...)`, then `page.render()`): the engine reads their summaries."""
    classes = sorted({re.escape(o) for o in owners if o})
    if not classes:
        return set()
    built = re.compile(rf"(?<![.\w])({'|'.join(classes)})\s*\(")
    made = {m.group(1) for k in todo for m in built.finditer(texts[k])}
    if not made:
        return set()
    methods = [k for k, owner in enumerate(owners) if owner in made]
    called = re.compile(rf"\.({'|'.join(sorted({re.escape(units[k][1]) for k in methods}))})\s*\(")
    names = {m.group(1) for k in todo for m in called.finditer(texts[k])}
    return {k for k in methods if units[k][1] in names}


def _calls(names: set[tuple[bool, str]]) -> re.Pattern[str] | None:
    """Calls as the engine resolves them to summaries: `f(...)` for a function, and
    `self.m(...)`/`cls.m(...)` for a method."""
    functions = sorted(re.escape(n) for method, n in names if not method)
    methods = sorted(re.escape(n) for method, n in names if method)
    parts = []
    parts.append(rf"(?<![.\w])({'|'.join(functions)})\s*\(" if functions else r"(?!)()")
    parts.append(rf"\b(?:self|cls)\.({'|'.join(methods)})\s*\(" if methods else r"(?!)()")
    if not functions and not methods:
        return None
    return re.compile("|".join(parts))
