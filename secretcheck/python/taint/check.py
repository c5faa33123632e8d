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
from libcst._metadata_dependent import LazyValue
from libcst.metadata import (
    MetadataWrapper,
    PositionProvider,
    QualifiedNameProvider,
    QualifiedNameSource,
)

from secretcheck.findings import Confidence, Hit, Span, TraceStep
from secretcheck.python.registry import CHECKS, TaintEntry
from secretcheck.python.taint.engine import TaintEngine
from secretcheck.python.taint.flows import SinkSet
from secretcheck.python.taint.sources import WEB_IMPORT
from secretcheck.rulepacks import RuleSpec

_FLASK = re.compile(r"^\s*(?:from|import)\s+flask\b", re.M)
_FASTAPI = re.compile(r"^\s*(?:from|import)\s+(?:fastapi|starlette)\b", re.M)
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

    def __init__(self, rules: Sequence[RuleSpec], hits: list[Hit], text: str) -> None:
        super().__init__()
        self.hits = hits
        self.text = text
        self.sinksets: list[SinkSet] = []
        patterns = []
        for rule in rules:
            entry = CHECKS[rule.check]
            module = importlib.import_module(entry.module)
            self.sinksets.append(SinkSet(rule.code, module.CATEGORY, module.SINKS))
            lines = entry.lines if isinstance(entry, TaintEntry) else entry.prefilter
            patterns.append(str(getattr(lines, "pattern", "(?!)")))
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

    def _sink_lines(self, module: cst.Module) -> set[int]:
        extra = []  # `from subprocess import run as r`: look for `r(` too
        for statement in module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(
                    small.names, cst.ImportStar
                ):
                    for alias in small.names:
                        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                            original = f"{cst.Module([]).code_for_node(alias.name)}("
                            if self.line_re.search(original.split(".")[-1]):
                                extra.append(re.escape(alias.asname.name.value))
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

    def _select(self, module: cst.Module, sink_lines: set[int]) -> cst.Module | None:
        """The module's own statements plus the functions and methods around sink lines, their
        callers and their callees (summaries flow both ways), transitively."""
        units = self._units(module)
        spans = [self._span(f) for _, _, f in units]
        texts = [self.text[self.starts[a - 1] : self.starts[b] if b < len(self.starts) else None]
                 for a, b in spans]  # fmt: skip
        defined: dict[tuple[bool, str], list[int]] = {}
        for k, (_, j, func) in enumerate(units):
            defined.setdefault((j >= 0, func.name.value), []).append(k)
        chosen = {k for k, (a, b) in enumerate(spans) if any(a <= n <= b for n in sink_lines)}
        todo = set(chosen)
        callee_re = _calls(set(defined))
        while todo and callee_re is not None:
            callers = _calls({(units[k][1] >= 0, units[k][2].name.value) for k in todo})
            found = {x for k in todo for m in callee_re.finditer(texts[k])
                     for x in defined[(m.group(1) is None, m.group(1) or m.group(2))]}  # fmt: skip
            if callers is not None:
                found |= {k for k in range(len(units)) if callers.search(texts[k])}
            todo = found - chosen
            chosen |= todo
        if not chosen and not self._module_level_sinks(module, sink_lines):
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

    def _module_level_sinks(self, module: cst.Module, sink_lines: set[int]) -> bool:
        """Is some sink line in the module's own code (not in a definition, not an import)?"""
        spans = [self._span(s) for s in module.body if isinstance(s, _TOP)]
        lines = self.text.splitlines()
        return any(
            not any(a <= n <= b for a, b in spans)
            and not lines[n - 1].lstrip().startswith(("from ", "import "))
            for n in sink_lines
            if n <= len(lines)
        )

    def _map_lines(self, trimmed: cst.Module) -> None:
        """Line offsets of the trimmed module's statements and class members, whose lines
        moved up when the code between them was left out."""
        self.shifts: list[tuple[int, int, int]] = []

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
        """The file's line for a line of the trimmed module: the innermost shifted range."""
        best: tuple[int, int] | None = None
        for start, end, delta in self.shifts:
            if start <= line <= end and (best is None or end - start < best[0]):
                best = (end - start, delta)
        return line + best[1] if best is not None else line

    def leave_Module(self, original_node: cst.Module) -> None:
        sink_lines = self._sink_lines(original_node)
        if not sink_lines:
            return
        try:
            self._index(original_node.body, ast.parse(self.text).body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        trimmed = self._select(original_node, sink_lines)
        if trimmed is None:
            return
        wrapper = MetadataWrapper(trimmed, unsafe_skip_copy=True)
        self.positions = wrapper.resolve(PositionProvider)
        self._map_lines(trimmed)
        qualified = wrapper.resolve(QualifiedNameProvider)

        def names(node: cst.CSTNode) -> tuple[frozenset[str], bool]:
            found = qualified.get(node)
            if isinstance(found, LazyValue):
                found = found()
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
        )  # fmt: skip
        engine.run()
        self.hits.extend(sorted(self.best.values(), key=lambda h: (h.span, h.code)))

    def _report(self, code: str, node: cst.CSTNode, steps: tuple[TraceStep, ...],
                confidence: Confidence, statement: cst.CSTNode | None) -> None:  # fmt: skip
        where = self.positions[node]
        line, end = self._original(where.start.line), self._original(where.end.line)
        span = Span(line, where.start.column + 1, end, where.end.column + 1)
        lines = (span.line, span.end_line)
        if statement is not None:
            at = self.positions[statement]
            lines = (self._original(at.start.line), self._original(at.end.line))
        hit = Hit(code, span, "", _detail(steps), lines, trace=steps, confidence=confidence)
        key = (code, span)
        if key not in self.best or _better(hit, self.best[key]):
            self.best[key] = hit


def _better(new: Hit, old: Hit) -> bool:
    rank = {Confidence.HIGH: 2, Confidence.MEDIUM: 1, Confidence.LOW: 0}
    a, b = rank[new.confidence or Confidence.LOW], rank[old.confidence or Confidence.LOW]
    return a > b or (a == b and len(new.trace) < len(old.trace))


def _detail(steps: tuple[TraceStep, ...]) -> str:
    if not steps:
        return ""
    first = steps[0].note.removeprefix("source: ")
    if steps[0].note.startswith("source: ") or "parameter" in first or "option" in first:
        return f"{first} (line {steps[0].line}) reaches {steps[-1].note.removeprefix('sink: ')}"
    return f"reaches {steps[-1].note.removeprefix('sink: ')}"


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
