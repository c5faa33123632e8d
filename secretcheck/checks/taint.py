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

from secretcheck.analysis.engine import TaintEngine
from secretcheck.analysis.sources import WEB_IMPORT
from secretcheck.analysis.taint import SinkSet
from secretcheck.checks import CHECKS
from secretcheck.findings import Confidence, Hit, Span, TraceStep
from secretcheck.rulepacks import RuleSpec

_FLASK = re.compile(r"^\s*(?:from|import)\s+flask\b", re.M)
_FASTAPI = re.compile(r"^\s*(?:from|import)\s+(?:fastapi|starlette)\b", re.M)
_TOP = (cst.FunctionDef, cst.ClassDef)
_IMPORTED = (QualifiedNameSource.IMPORT, QualifiedNameSource.BUILTIN)


class Check(cst.BatchableCSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

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
            patterns.append(entry.prefilter.pattern.removeprefix("(?m)"))
        self.line_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.M)
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.best: dict[tuple[str, Span], Hit] = {}

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def _lines(self, node: cst.CSTNode) -> tuple[int, int]:
        where = self.get_metadata(PositionProvider, node)
        return where.start.line, where.end.line

    def _span(self, node: cst.FunctionDef | cst.ClassDef) -> tuple[int, int]:
        start, end = self._lines(node)
        if node.decorators:  # the position of a definition starts at `def`/`class`
            start = min(start, self._lines(node.decorators[0])[0])
        return start, end

    def _sink_lines(self, module: cst.Module) -> set[int]:
        extra = []  # `from subprocess import run as r`: look for `r(` too
        for statement in module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
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

    def _select(self, module: cst.Module, sink_lines: set[int]) -> list[cst.BaseStatement]:
        """The module's own statements plus the definitions around sink lines, their callers
        and their callees (summaries flow both ways), transitively."""
        spans = {i: self._span(s) for i, s in enumerate(module.body) if isinstance(s, _TOP)}
        texts = {i: self.text[self.starts[a - 1] : self.starts[b] if b < len(self.starts) else None]
                 for i, (a, b) in spans.items()}  # fmt: skip
        defined = {d.name.value: i for i in spans for d in _defs(module.body[i])}
        chosen = {i for i, (a, b) in spans.items() if any(a <= n <= b for n in sink_lines)}
        todo = set(chosen)
        callee_re = _calls(defined)
        while todo and callee_re is not None:
            names = {d.name.value for i in todo for d in _defs(module.body[i])}
            callers = _calls(names)
            found = {defined[m.group(1)] for i in todo for m in callee_re.finditer(texts[i])}
            if callers is not None:
                found |= {i for i in spans if callers.search(texts[i])}
            todo = found - chosen
            chosen |= todo
        return [s for i, s in enumerate(module.body) if i in chosen or not isinstance(s, _TOP)]

    def leave_Module(self, original_node: cst.Module) -> None:
        sink_lines = self._sink_lines(original_node)
        if not sink_lines:
            return
        trimmed = original_node.with_changes(body=self._select(original_node, sink_lines))
        qualified = MetadataWrapper(trimmed, unsafe_skip_copy=True).resolve(QualifiedNameProvider)

        def names(node: cst.CSTNode) -> tuple[frozenset[str], bool]:
            found = qualified.get(node)
            if isinstance(found, LazyValue):
                found = found()
            if not found:
                return frozenset(), False
            return frozenset(q.name for q in found), any(q.source in _IMPORTED for q in found)

        def where(node: cst.CSTNode) -> tuple[int, int]:
            start = self.get_metadata(PositionProvider, node).start
            return start.line, start.column + 1

        engine = TaintEngine(
            trimmed, self.sinksets, names, where, self._report,
            web_module=bool(WEB_IMPORT.search(self.text)),
            flask_module=bool(_FLASK.search(self.text)) and not _FASTAPI.search(self.text),
        )  # fmt: skip
        engine.run()
        self.hits.extend(sorted(self.best.values(), key=lambda h: (h.span, h.code)))

    def _report(self, code: str, node: cst.CSTNode, steps: tuple[TraceStep, ...],
                confidence: Confidence, statement: cst.CSTNode | None) -> None:  # fmt: skip
        where = self.get_metadata(PositionProvider, node)
        span = Span(where.start.line, where.start.column + 1, where.end.line, where.end.column + 1)
        lines = self._lines(statement) if statement is not None else (span.line, span.end_line)
        hit = Hit(code, span, "", _detail(steps), lines, steps, confidence)
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


def _defs(node: cst.CSTNode) -> list[cst.FunctionDef]:
    if isinstance(node, cst.FunctionDef):
        return [node]
    if isinstance(node, cst.ClassDef):
        return [n for n in node.body.body if isinstance(n, cst.FunctionDef)]
    return []


def _calls(names: set[str] | dict[str, int]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(rf"\b({'|'.join(map(re.escape, sorted(names)))})\s*\(")
