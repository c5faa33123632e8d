"""The one analysis behind every taint rule (SC201-SC210): select, resolve, analyze, report.

How it detects: on the stdlib `ast` the CST engine parsed already, the enabled taint rules'
prefilters mark the lines that may hold a sink; only the top-level functions and classes around
those lines (and, transitively, the functions that call them) are kept, together with the
module's own statements. Names are resolved on that selection alone (`scopes.Resolver`);
`engine.TaintEngine` then does the data flow.

Flows into a function another module of the project holds use that function's summary
(`project.py`): a call to it counts as a sink line when its text may reach one.

What it deliberately misses: values returned by another module's function (opaque), flows
through attributes set in another method, and sinks reached only through an alias the line
prefilter cannot see.
"""

from __future__ import annotations

import ast
import bisect
import copy
import functools
import importlib
import io
import re
import tokenize
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

from secretcheck.findings import Confidence, Hit, Severity, Span, TraceStep
from secretcheck.lazyre import possessive
from secretcheck.python.astpos import Positions
from secretcheck.python.registry import CHECKS, TaintEntry
from secretcheck.python.taint import constants, csrf, forms, guards, path_parts, project
from secretcheck.python.taint.engine import Summary, TaintEngine
from secretcheck.python.taint.flows import Flow, SinkSet
from secretcheck.python.taint.interp import Lines
from secretcheck.python.taint.predicates import NOTHING, Proof, call_facts, proof_of
from secretcheck.python.taint.prefilter import (
    has_entry_point,
    imports_web_framework,
    is_web_module,
    reads_environ,
)
from secretcheck.python.taint.project import Project, enum_classes
from secretcheck.python.taint.scopes import Resolver
from secretcheck.python.taint.sources import (
    HELPER_MODULES,
    MODULE_REQUESTS,
    OPERATOR_CODE_NOTE,
    REQUEST_ATTRS,
    REQUEST_METHODS,
    wsgi_environ,
)
from secretcheck.python.textgate import gated_without_lookarounds
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import split_lines

_FLASK = re.compile(r"^(?:from|import)\s+flask\b", re.M)
_FASTAPI = re.compile(r"^(?:from|import)\s+(?:fastapi|starlette)\b", re.M)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_TOP = (*_FUNCTIONS, ast.ClassDef)
_WITHOUT_WEB = frozenset(
    {"sql_injection", "command_injection", "code_injection", "deserialization", "xss",
     "template_injection"}
)  # fmt: skip


def run_ast(rules: Sequence[RuleSpec], text: str, tree: ast.Module, audit: bool = False,
            path: str = "", project: Project | None = None) -> list[Hit]:  # fmt: skip
    """Hits of the enabled taint rules on `tree`, CPython's parse of `text`; `path`, the
    file's, says whether its module is named for helpers (`sources.HELPER_MODULES`);
    `project` (`project_of`) summarizes the functions it imports from its own project."""
    hits: list[Hit] = []
    Check(rules, hits, text, audit, path, project).analyze(tree)
    return hits


def project_of(rules: Sequence[RuleSpec], text: str, path: str,
               audit: bool = False) -> Project | None:  # fmt: skip
    """The project the file at `path` imports from, for the taint rules among `rules`."""
    taint = [r for r in rules if isinstance(CHECKS.get(r.check), TaintEntry)]
    if not taint:
        return None
    key = ",".join(sorted(r.code for r in taint)) + (":audit" if audit else "")
    return project.for_file(path, text, _Summarizer(tuple(taint), audit), key)


class _Summarizer:
    """How a project (`project.py`) asks about a function of one of its modules."""

    def __init__(self, rules: tuple[RuleSpec, ...], audit: bool) -> None:
        self.rules, self.audit = rules, audit

    def _check(self, module: project.Module, name: str, inner: Project) -> Check:
        # One per module and depth: its setup (patterns, line starts, positions) is the
        # module's, whichever function is asked about.
        key = f"check at depth {inner.depth}"
        check = module.memo.get(key)
        if not isinstance(check, Check):
            check = Check(self.rules, [], module.text, self.audit, module.where, inner,
                          summarize=name, memo=module.memo)  # fmt: skip
            module.memo[key] = check
        check.summarize, check.project = name, inner
        return check

    def may_reach(self, module: project.Module, name: str, inner: Project) -> frozenset[str]:
        return self._check(module, name, inner).reach_codes(name)

    def reads_request(self, module: project.Module, name: str, inner: Project) -> bool:
        return self._check(module, name, inner).reads_request(name)

    def summary(self, module: project.Module, name: str,
                inner: Project) -> project.Imported | None:  # fmt: skip
        return self._parsed(module, name, inner, lambda c, t: c.summary_of(t, name))

    def proof(self, module: project.Module, name: str, inner: Project,
              mode: tuple[str, ...] = ()) -> Proof:  # fmt: skip
        tree = module.parsed()
        if tree is None:
            return NOTHING
        found = [n for n in tree.body if isinstance(n, _FUNCTIONS) and n.name == name]
        if len(found) != 1:
            return NOTHING
        return proof_of(found[0], _module_constants(module, tree).get,
                        returning=mode == project.RETURNING)  # fmt: skip

    def form_fields(self, module: project.Module, name: str,
                    inner: Project) -> Mapping[str, frozenset[str]]:  # fmt: skip
        tree = module.parsed()
        if tree is None:
            return {}
        known = _module_constants(module, tree)
        resolver = Resolver(tree.body)
        functions = {n.name: n for n in tree.body if isinstance(n, _FUNCTIONS)}

        def local(function: str) -> Proof | None:
            return proof_of(functions[function], known.get) if function in functions else None

        def imported(func: ast.expr) -> list[str]:
            names, found = resolver.names(func)
            return [n for n in sorted(names) if project.project_name(n)] if found else []

        def proves(call: ast.Call) -> guards.Facts:
            """A validator the form's module defines or imports from the project."""
            return call_facts(call, local, imported, inner.proof)

        return forms.form_fields(tree.body, name, known.get, proves)

    def method_returns(self, module: project.Module, name: str, inner: Project,
                       method: tuple[str, ...]) -> project.Imported | None:  # fmt: skip
        return self._parsed(module, name, inner,
                            lambda c, t: c.method_returns_of(t, name, method[0]))  # fmt: skip

    def method_summary(self, module: project.Module, name: str, inner: Project,
                       method: tuple[str, ...]) -> project.Imported | None:  # fmt: skip
        return self._parsed(module, name, inner,
                            lambda c, t: c.method_summary_of(t, name, method[0]))  # fmt: skip

    def returns(self, module: project.Module, name: str, inner: Project,
                requests: tuple[str, ...]) -> project.Imported | None:  # fmt: skip
        return self._parsed(module, name, inner, lambda c, t: c.returns_of(t, name, requests))

    def _parsed(self, module: project.Module, name: str, inner: Project,
                ask: Callable[[Check, ast.Module], project.Imported | None],
                ) -> project.Imported | None:  # fmt: skip
        """`ask` of the module's check and tree; None when it does not parse, or when the
        answer would recurse past Python's limit."""
        tree = module.parsed()
        if tree is None:
            return None
        try:
            return ask(self._check(module, name, inner), tree)
        except RecursionError:
            return None


class Check:
    def __init__(
        self, rules: Sequence[RuleSpec], hits: list[Hit], text: str, audit: bool = False,
        path: str = "", project: Project | None = None, *, summarize: str = "",
        memo: dict[str, object] | None = None,
    ) -> None:
        self.audit = audit
        self.helper_module = PurePath(path).stem in HELPER_MODULES
        self.path_note = path
        self.project = project
        # The function of this module another one imports, when summarizing it (`project.py`):
        # its parameters are what matters, every sink counts (the caller is the web module),
        # nothing is reported from here.
        self.summarize = summarize
        self.memo: dict[str, object] = memo if memo is not None else {}  # per module text
        self.web = is_web_module(text) and not summarize
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
        self.rules, self.patterns = rules, patterns
        self.line_res = self._line_patterns()
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.best: dict[tuple[str, Span], Hit] = {}
        self.positions = Positions(text)
        self.concatenations: dict[int, list[list[ast.expr] | None] | None] = {}
        self.module_body: list[ast.stmt] = []  # the whole module, before `_select` prunes it
        self.constants: dict[str, str] | None = None  # `constants.py`, when an engine asks

    def text_constants(self) -> dict[str, str]:
        """The module's string constants, read from all of it: a method `_select` leaves out
        may still rebind one (`self.HOST = ...` in `__init__`)."""
        if self.constants is None:
            self.constants = constants.text_constants(self.module_body)
        return self.constants

    def _line_patterns(self) -> tuple[_Lines, ...]:
        patterns = self.patterns
        if not self.web and not self.summarize:
            # Without a web framework, only CLI and environment input or values of unknown
            # origin exist, and those are never reported at path, URL, XML or redirect sinks.
            patterns = [
                p
                for rule, p in zip(self.rules, self.patterns, strict=True)
                if CHECKS[rule.check].module.rsplit(".", 1)[1] in _WITHOUT_WEB
            ]
        return tuple(line_matcher(p) for p in patterns)

    def _confirm_web(self, tree: ast.Module) -> None:
        """A module that is web only by the text of a WSGI application (`is_web_module`) is one
        when a function of the tree has that signature and reads the request: not when the
        text was an example in a docstring (werkzeug's routing map and response show `def
        application(environ, start_response)` reading `PATH_INFO`)."""
        if not self.web or imports_web_framework(self.text):
            return
        if not any(self._wsgi_reader(node) for node in ast.walk(tree)):
            self.web = False
            self.line_res = self._line_patterns()

    def _wsgi_reader(self, node: ast.AST) -> bool:
        if not isinstance(node, _FUNCTIONS) or not wsgi_environ(node):
            return False
        end = node.end_lineno or node.lineno
        text = self.text[self.starts[node.lineno - 1] : self.starts[end] if end < len(self.starts)
                         else None]  # fmt: skip
        return reads_environ(text, self.text)

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def _sink_lines(self, tree: ast.Module) -> set[int]:
        return self._own_sink_lines(tree) | self._imported_sink_lines(tree)

    def _own_sink_lines(self, tree: ast.Module) -> set[int]:
        known = self.memo.get("sink lines")
        if isinstance(known, set):
            return known
        if self.summarize:
            # An imported module was not chosen by the file-level prefilter: its sink words
            # (one RE2 pass) say which rules' line patterns are worth running at all.
            from secretcheck.engines.cst import TERMS

            identifiers, lowered = TERMS.present(self.text)
            self.line_res = tuple(line_matcher(p) for rule, p in zip(
                self.rules, self.patterns, strict=True)
                if CHECKS[rule.check].may_match(identifiers, lowered))  # fmt: skip
        extra = []  # `from subprocess import run as r`: look for `r(` too
        for statement in tree.body:
            if isinstance(statement, ast.ImportFrom):
                for alias in statement.names:
                    if alias.asname and self._sink_name(alias.name):
                        extra.append(re.escape(alias.asname))
        # Each rule's sink calls, one rule after another: the lines are the same as one
        # alternation's (a sink call never overlaps another), and no alternation of this
        # file's rules has to be compiled (~1% of a flask+werkzeug scan)
        lines = {self._line(m.start()) for lines_re in self.line_res
                 for m in lines_re.finditer(self.text)}  # fmt: skip
        if extra:
            alias_re = re.compile(rf"\b(?:{'|'.join(extra)})\s*\(")
            lines |= {self._line(m.start()) for m in alias_re.finditer(self.text)}
        if self.summarize:  # the same for every function of the module
            self.memo["sink lines"] = lines
        return lines

    def _sink_name(self, name: str) -> bool:
        """Is a call of the last part of `name` a sink call of one of the rules?"""
        call = f"{name.split('.')[-1]}("
        return any(lines_re.search(call) for lines_re in self.line_res)

    def reach_codes(self, name: str) -> frozenset[str]:
        """Rule codes whose sink text lies in the top-level function `name` or the functions
        of this module it calls, or that a project function they call may reach. Read from
        the text alone (`_text_graph`: most imported modules are never parsed), each
        function once."""
        graph = self.memo.get("text graph")
        if not isinstance(graph, dict):
            graph = _text_graph(self.text, self.starts)
            self.memo["text graph"] = graph
        functions = _closure(graph, name)
        codes: set[str] = set()
        for function in functions:
            codes |= self._function_codes(function)
        # a class's reach is its own body's and its module functions': following the many
        # imported calls of a whole class body cost flask+werkzeug 10% for two files
        root = graph.get(name)
        if self.project is not None and not (root is not None and root.is_class):
            for function in functions:
                for qualified, _ in function.imported:
                    codes |= self.project.may_reach(qualified)
        return frozenset(codes)

    def reads_request(self, name: str) -> bool:
        """Does the top-level function `name`, or a function of this module it calls, read a
        module-level request object the module imports (`sources.MODULE_REQUESTS`)? From the
        text alone, as `reach_codes`."""
        reads = self.memo.get("request reads")
        if reads is None:
            reads = _module_request_reads(self.text)
            self.memo["request reads"] = reads
        if not isinstance(reads, re.Pattern):
            return False
        graph = self.memo.get("text graph")
        if not isinstance(graph, dict):
            graph = _text_graph(self.text, self.starts)
            self.memo["text graph"] = graph
        return any(reads.search(self._function_text(f)) for f in _closure(graph, name))

    def _function_text(self, function: _Function) -> str:
        first, last = function.span
        return self.text[self.starts[first - 1] : self.starts[last]
                         if last < len(self.starts) else None]  # fmt: skip

    def _function_codes(self, function: _Function) -> frozenset[str]:
        cached = self.memo.setdefault("codes by function", {})
        assert isinstance(cached, dict)
        if function.span not in cached:
            patterns = self.memo.get("rule patterns")
            if not isinstance(patterns, list):
                patterns = self._rule_patterns()
                self.memo["rule patterns"] = patterns
            text = self._function_text(function)
            cached[function.span] = frozenset(
                code for codes, pattern in patterns if pattern.search(text) for code in codes
            )
        found = cached[function.span]
        assert isinstance(found, frozenset)
        return found

    def _rule_patterns(self) -> list[tuple[tuple[str, ...], _Lines]]:
        """(rule codes, line pattern) for each rule whose sink words the module holds (one RE2
        pass), and for a sink imported under another name (`from subprocess import run as
        r`, then `r(`), which counts for every rule."""
        from secretcheck.engines.cst import TERMS

        identifiers, lowered = TERMS.present(self.text)
        found: list[tuple[tuple[str, ...], _Lines]] = [
            ((rule.code,), line_matcher(p))
                 for rule, p in zip(self.rules, self.patterns, strict=True)
                 if CHECKS[rule.check].may_match(identifiers, lowered)
        ]  # fmt: skip
        aliases = [
            re.escape(alias.asname)
            for statement in project.import_statements(self.text)
            if isinstance(statement, ast.ImportFrom)
            for alias in statement.names
            if alias.asname and self._sink_name(alias.name)
        ]  # fmt: skip
        if aliases:
            every = tuple(rule.code for rule in self.rules)
            found.append((every, re.compile(rf"\b(?:{'|'.join(aliases)})\s*\(")))
        return found

    def _reachable(self, tree: ast.Module, root: str) -> dict[str, _Function]:
        """The top-level function `root` and the top-level functions it calls, transitively,
        by name."""
        graph = self.memo.get("call graph")
        if not isinstance(graph, dict):
            graph = _call_graph(tree)
            self.memo["call graph"] = graph
        return {name: graph[name] for name in _closure_names(graph, root)}

    def _imported_sink_lines(self, tree: ast.Module) -> set[int]:
        """Lines calling a function of the project whose summary reaches an enabled sink."""
        if self.project is None or not (self.summarize or has_entry_point(self.text, self.web)):
            return set()
        codes = {rule.code for rule in self.rules}
        if self.summarize:
            calls = [c for f in self._reachable(tree, self.summarize).values() for c in f.imported]
        else:
            calls = _imported_calls(ast.walk(tree), project.import_aliases(tree.body))
        return {line for name, line in calls
                if not self.project.may_reach(name).isdisjoint(codes)}  # fmt: skip

    def _units(self, body: Sequence[ast.stmt]) -> list[tuple[int, int, ast.stmt]]:
        """(statement index, method index or -1, function) for every top-level function and
        every method of a top-level class: the granularity at which code is kept."""
        units: list[tuple[int, int, ast.stmt]] = []
        for i, statement in enumerate(body):
            if isinstance(statement, _FUNCTIONS):
                units.append((i, -1, statement))
            elif isinstance(statement, ast.ClassDef):
                for j, member in enumerate(statement.body):
                    if isinstance(member, _FUNCTIONS):
                        units.append((i, j, member))
        return units

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
        if self.summarize:  # the imported function and what it calls, not its callers
            chosen = set(defined.get((False, self.summarize), ()))
        else:
            chosen = {k for k, (a, b) in enumerate(spans) if _any_between(ordered, a, b)}
            # A Flask route is a sink (its returned text is the response) unless every
            # `return` gives JSON, a template, a redirect or a response object: most routes.
            chosen = {k for k in chosen if not self._json_only_route(texts[k], spans[k], ordered)}
        todo = set(chosen)
        # What each unit calls of the others, read once per unit: the callers of a unit are
        # then the units whose calls name it, with no search of every unit per round.
        calls: dict[int, frozenset[tuple[bool, str]]] = {}

        def called(k: int) -> frozenset[tuple[bool, str]]:
            if k not in calls:
                calls[k] = frozenset(_called(defined, texts[k]))
            return calls[k]

        def grow(todo: set[int]) -> None:
            while todo and defined:
                found = {x for k in todo for key in called(k) for x in defined[key]}
                if not self.summarize:
                    callers = {units[k] for k in todo}
                    found |= {k for k in range(len(units)) if not called(k).isdisjoint(callers)}
                found |= _methods_called(todo, texts, units, owners)
                todo = found - chosen
                chosen.update(todo)

        grow(todo)
        if not self.summarize and any(_SESSION_READ.search(texts[k]) for k in chosen):
            # what another view stored in the session is read here (`sessions.py`)
            stores = {k for k in range(len(units)) if _SESSION_STORE.search(texts[k])} - chosen
            chosen |= stores
            grow(stores)
        if self.summarize:
            return chosen if any(_any_between(ordered, *spans[k]) for k in chosen) else None
        if not chosen and not module_sink:
            return None
        if not self.audit and not self.summarize and not (
            any(has_entry_point(texts[k], self.web) for k in chosen)
            or self._module_level_entry(spans)
            or any(self._calls_request_reader(texts[k]) for k in chosen)
        ):
            # Outside audit mode only a real entry point's data is reported: sinks whose
            # functions, callers and callees never touch one cannot yield a finding.
            return None
        return chosen

    def _select(self, tree: ast.Module, sink_lines: set[int]) -> list[ast.stmt] | None:
        """The module's own statements plus the functions and methods `_choose` keeps (a
        class keeps only its chosen methods, and is left out when none is chosen)."""
        units = self._units(tree.body)
        spans = [_ast_span(f) for _, _, f in units]
        top = [_ast_span(s) for s in tree.body if isinstance(s, _TOP)]
        module_sink = self._module_level_sink_lines(top, sink_lines)
        meta = [(j >= 0, getattr(func, "name", "")) for _, j, func in units]
        owners = [_class_name(tree.body[i]) if j >= 0 else "" for i, j, _ in units]
        chosen = self._choose(meta, spans, sink_lines, module_sink, owners)
        if chosen is None:
            return None
        keep = {(units[k][0], units[k][1]) for k in chosen}
        body: list[ast.stmt] = []
        for i, statement in enumerate(tree.body):
            if isinstance(statement, _FUNCTIONS):
                if (i, -1) in keep:
                    body.append(statement)
            elif isinstance(statement, ast.ClassDef):
                members = [m for j, m in enumerate(statement.body)
                           if not isinstance(m, _FUNCTIONS) or (i, j) in keep]  # fmt: skip
                if not any(isinstance(m, _FUNCTIONS) for m in members):
                    continue
                if len(members) < len(statement.body):
                    statement = copy.copy(statement)
                    statement.body = members
                body.append(statement)
            else:
                body.append(statement)
        return body

    def _calls_request_reader(self, text: str) -> bool:
        """Does `text`, a unit of this web module, call a function of another module of the
        project that reads a module-level request object (`Project.reads_request`)?"""
        if self.project is None or not self.web:
            return False
        aliases = self.memo.get("import aliases")
        if not isinstance(aliases, dict):
            aliases = project.import_aliases(project.import_statements(self.text))
            self.memo["import aliases"] = aliases
        return self.project.imports_request_readers(text, aliases)

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

    def analyze(self, tree: ast.Module) -> None:
        try:
            self._analyze(tree)
        except RecursionError:
            self._too_deep()

    def _too_deep(self) -> None:
        """A 1000-term `a + a + ...` nests deeper than Python's recursion limit: say so and go
        on (the text engines still scanned the file), rather than crash or guess."""
        self.best.clear()
        detail = "too deeply nested for data-flow analysis; injection rules skipped"
        self.hits.append(Hit("SC901", Span(1, 1, 1, 2), "", detail))

    def _analyze(self, tree: ast.Module) -> None:
        self._confirm_web(tree)
        sink_lines = self._sink_lines(tree)
        if not sink_lines:
            return
        selected = self._select(tree, sink_lines)
        if selected is None:
            return
        enums = enum_classes(tree.body)
        self.module_body = tree.body
        for chunk in _chunks(selected):
            self._run_engine(chunk, enums)
        self.hits.extend(sorted(self.best.values(), key=lambda h: (h.span, h.code)))

    def summary_of(self, tree: ast.Module, name: str) -> project.Imported | None:
        """What the top-level function `name` of this (imported) module passes to a sink; None
        as well when it and what it calls are over `project.SUMMARY_LINES` lines."""
        reached = self._reachable(tree, name).values()
        if sum(b - a + 1 for a, b in (f.span for f in reached)) > project.SUMMARY_LINES:
            return None
        sink_lines = self._sink_lines(tree)
        selected = self._select(tree, sink_lines) if sink_lines else None
        if selected is None:
            return None
        self.module_body = tree.body
        engine = self._run_engine(selected, enum_classes(tree.body), report=False)
        summary = engine.summaries.get(name)
        if summary is None:
            return None
        sinks = self._sinks_of(summary)
        return project.Imported(self.path_note, summary.params, sinks) if sinks else None

    def returns_of(self, tree: ast.Module, name: str,
                   requests: tuple[str, ...]) -> project.Imported | None:  # fmt: skip
        """What the top-level function `name` of this (imported) module returns, called with
        request objects as the `requests` arguments; None when it is no top-level function or
        it and what it calls are over `project.SUMMARY_LINES` lines."""
        reached = self._reachable(tree, name)
        if not reached or sum(b - a + 1 for a, b in (f.span for f in reached.values())) > (
            project.SUMMARY_LINES
        ):
            return None
        body = [s for s in tree.body if not isinstance(s, (*_FUNCTIONS, ast.ClassDef))
                or (isinstance(s, _FUNCTIONS) and s.name in reached)]  # fmt: skip
        self.module_body = tree.body
        engine = self._run_engine(body, enum_classes(tree.body), report=False,
                                  requests=(name, requests))  # fmt: skip
        summary = engine.summaries.get(name)
        if summary is None:
            return None
        return project.Imported(self.path_note, summary.params, {}, summary.returns)

    def method_returns_of(self, tree: ast.Module, name: str,
                          method: str) -> project.Imported | None:  # fmt: skip
        """What `method` of the class `name` of this (imported) module returns, looked up in
        the class and then its bases defined in this module, with `self.request` the request.
        Those classes' methods are analyzed together (`self.f()` calls between them); None
        when no such method is found or they are over `project.SUMMARY_LINES` lines."""
        found = _owning_class(tree, name, method)
        if found is None:
            return None
        owner, body = found
        self.module_body = tree.body
        engine = self._run_engine(body, enum_classes(tree.body), report=False, self_request=True)
        summary = engine.summaries.get(f"{owner.name}.{method}")
        if summary is None or summary.params[:1] not in (("self",), ("cls",)):
            return None
        return project.Imported(self.path_note, summary.params, {}, summary.returns)

    def method_summary_of(self, tree: ast.Module, name: str,
                          method: str) -> project.Imported | None:  # fmt: skip
        """What `method` of the class `name` of this (imported) module, or of a base of it
        in this module, passes to a sink, for a call on an instance (`use_case.execute(x)`).
        None when no such method is found or the classes are over `project.SUMMARY_LINES`
        lines; an answer with no sinks says the method reaches none."""
        found = _owning_class(tree, name, method)
        if found is None:
            return None
        owner, body = found
        key = f"class summaries {name} at depth {self.project.depth if self.project else 0}"
        summaries = self.memo.get(key)
        if not isinstance(summaries, dict):
            self.module_body = tree.body
            summaries = self._run_engine(body, enum_classes(tree.body), report=False).summaries
            self.memo[key] = summaries
        summary = summaries.get(f"{owner.name}.{method}")
        if summary is None or summary.params[:1] not in (("self",), ("cls",)):
            return None
        return project.Imported(self.path_note, summary.params, self._sinks_of(summary))

    def _sinks_of(self, summary: Summary) -> dict[int, tuple[tuple[str, Flow, int], ...]]:
        """A summary's sinks as another module reads them: (rule, flow, sink line) by
        parameter."""
        return {
            index: tuple((code, flow, self._where(node)[0]) for code, node, flow, _ in entries)
            for index, entries in summary.sinks.items()
            if entries
        }

    def _run_engine(self, body: list[ast.stmt], enums: frozenset[str], report: bool = True,
                    requests: tuple[str, tuple[str, ...]] = ("", ()),
                    self_request: bool = False) -> TaintEngine:  # fmt: skip
        text = self.text  # each pattern's module name first: `re` reads `^...` slowly
        flask = "flask" in text and bool(_FLASK.search(text)) and not (
            ("fastapi" in text or "starlette" in text) and _FASTAPI.search(text))
        engine = TaintEngine(
            body, self.sinksets, Resolver(body).names, self._where, self._report,
            inline=self._inline, pieces=self._pieces,
            web_module=self.web, flask_module=flask,
            audit=self.audit, text=self.text, enums=enums, constants=self.text_constants,
            csrf_defended=self.web and csrf.defended(self.text, flask),
            helper_module=self.helper_module, project=self.project, requests=requests,
            self_request=self_request, classes=self.module_body,
        )  # fmt: skip
        engine.run(report)
        return engine

    def _offset(self, line: int, byte_offset: int) -> int:
        return self.starts[line - 1] + self.positions.column(line, byte_offset)

    def _at(self, offset: int) -> tuple[int, int]:
        """(line, 0-based column) of a character offset."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]

    def _where(self, node: ast.AST) -> tuple[int, int]:
        """Where a trace step points: a node's start, as libcst's positions gave it."""
        if isinstance(node, ast.comprehension):
            line, column = self._at(self._clause_start(node))
        elif isinstance(node, ast.withitem):
            line, column = self._at(self._parenthesized_start(node.context_expr))
        else:
            span = self.positions.span(node)
            line, column = span.line, span.column - 1
        return line, column + 1

    def _clause_start(self, node: ast.comprehension) -> int:
        """libcst's `CompFor` starts where the code before its `for` (or `async for`) ends."""
        at = self._offset(node.target.lineno, node.target.col_offset)
        text = self.text
        while at > 0 and (text[at - 1].isspace() or text[at - 1] == "("):
            at -= 1  # `for (a) in b`: the target's own parentheses
        if text[max(at - 3, 0) : at] == "for":
            at -= 3
            end = at
            while at > 0 and text[at - 1].isspace():
                at -= 1
            at = at - 5 if text[max(at - 5, 0) : at] == "async" else end
        while at > 0 and text[at - 1].isspace():
            at -= 1
        return at

    def _parenthesized_start(self, node: ast.expr) -> int:
        """The start of an expression with the parentheses around it (`with (open(p)) as f`)."""
        start = self._offset(node.lineno, node.col_offset)
        end = self._offset(node.end_lineno or node.lineno, node.end_col_offset or 0)
        text = self.text
        while True:
            before, after = start, end
            while before > 0 and text[before - 1].isspace():
                before -= 1
            while after < len(text) and text[after].isspace():
                after += 1
            if before == 0 or text[before - 1] != "(" or text[after : after + 1] != ")":
                return start
            start, end = before - 1, after + 1

    def _pieces(self, node: ast.JoinedStr) -> list[list[ast.expr] | None] | None:
        """The literals of an implicit concatenation holding an f-string (`"https://h/"
        f"{v}"`, one node in `ast`): None for a plain literal, else the f-string's parts, with
        the tree's own replacement fields. None when the node is one literal."""
        if id(node) not in self.concatenations:
            self.concatenations[id(node)] = self._split_literals(node)
        return self.concatenations[id(node)]

    def _split_literals(self, node: ast.JoinedStr) -> list[list[ast.expr] | None] | None:
        start = self._offset(node.lineno, node.col_offset)
        end = self._offset(node.end_lineno or node.lineno, node.end_col_offset or 0)
        source = self.text[start:end]
        if _literal_end(source) >= len(source):
            return None
        try:
            read = io.StringIO(f"({source})").readline
            tokens = [t.string for t in tokenize.generate_tokens(read) if t.type == tokenize.STRING]
            literals = [ast.parse(t, mode="eval").body for t in tokens]
        except (SyntaxError, tokenize.TokenError, ValueError):
            return None
        fields = iter([v for v in node.values if isinstance(v, ast.FormattedValue)])
        pieces: list[list[ast.expr] | None] = []
        for literal in literals:
            if not isinstance(literal, ast.JoinedStr):
                pieces.append(None)
                continue
            values = literal.values
            pieces.append([next(fields, v) if isinstance(v, ast.FormattedValue) else v
                           for v in values])  # fmt: skip
        return pieces if len(pieces) > 1 else None

    def _inline(self, body: Sequence[ast.stmt]) -> bool:
        """Is this block written on its header's line (`if not ok: return`)? libcst's
        `SimpleStatementSuite`, whose statements the libcst engine never ran."""
        if not body:
            return False
        first = body[0]
        start = self.starts[first.lineno - 1]
        return bool(self.text[start : self._offset(first.lineno, first.col_offset)].strip())

    def _report(self, code: str, node: ast.AST, steps: tuple[TraceStep, ...],
                confidence: Confidence, statement: Lines | None,
                threat: str = "", opaque: bool = False) -> None:  # fmt: skip
        span = self.positions.span(node)
        lines = statement if statement is not None else (span.line, span.end_line)
        # Only audit mode reports values of unknown origin, and attacker data through a call
        # not followed, always at low confidence and info severity: below the default
        # `fail-on`, so an audit never fails a run by itself.
        audit = confidence == Confidence.LOW
        signals: tuple[str, ...] = ()
        if opaque:
            signals = ("audit: computed from untrusted data by a call not followed",)
        elif audit:
            signals = ("audit: value of unknown origin",)
        detail = _detail(steps)
        if threat:  # the threat model lowers it: see `engine.Report`
            note, whose = _THREATS[threat]
            signals = (*signals, note)
            detail = f"{detail} ({whose})" if detail else detail
        severity = Severity.INFO if audit or threat else None
        hit = Hit(code, span, "", detail, lines, trace=steps, confidence=confidence,
                  signals=signals, severity=severity)  # fmt: skip
        key = (code, span)
        if key not in self.best or _better(hit, self.best[key]):
            self.best[key] = hit


# Definitions analyzed together. Beyond this, a module (10,000 Flask routes that each write
# request data into their response) is analyzed in slices, each with the module's own
# statements. Summaries do not cross slices, so a helper defined more than this many
# definitions away from its caller is missed.
CHUNK_DEFINITIONS = 400


def _chunks(body: list[ast.stmt]) -> list[list[ast.stmt]]:
    own = [s for s in body if not isinstance(s, _TOP)]
    definitions = [s for s in body if isinstance(s, _TOP)]
    if len(definitions) <= CHUNK_DEFINITIONS:
        return [body]
    return [
        [*own, *definitions[i : i + CHUNK_DEFINITIONS]]
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


# Why the threat model reports a flow at info severity: (signal, whose input it is).
_THREATS = {
    "operator": (OPERATOR_CODE_NOTE, "the operator's own input"),
    "self-xss": (csrf.NOTE, "the requester's own input, behind a CSRF check"),
    "self-redirect": (csrf.REDIRECT_NOTE, "a posted field, which no link sets"),
    "imported": (project.NOTE, "through a function of another module"),
    "segment": (path_parts.SEGMENT_NOTE, "one URL path segment"),
}
_ROUTE = re.compile(r"^[ \t]*@\w+\.(?:route|get|post)\(", re.M)
_SESSION_READ = re.compile(r"\bsession\s*(?:\[|\.(?:get|pop)\s*\()")
_SESSION_STORE = re.compile(r"\bsession\s*\[[^\]\n]+\]\s*=(?!=)")
_RETURN = re.compile(r"^[ \t]*return\b[ \t]*(.?)(\w*)", re.M)
_NOT_TEXT = frozenset(
    {"jsonify", "render_template", "redirect", "abort", "url_for", "send_file",
     "send_from_directory", "make_response", "Response"}
)  # fmt: skip


def _literal_end(source: str) -> int:
    """Where the first string literal of `source` ends (prefix letters, quotes, escapes)."""
    i = 0
    while i < len(source) and source[i] in "rRbBuUfF":
        i += 1
    quote = source[i : i + 3] if source[i : i + 3] in ('"""', "'''") else source[i : i + 1]
    j = i + len(quote)
    while j < len(source):
        if source[j] == "\\":
            j += 2
        elif source.startswith(quote, j):
            return j + len(quote)
        else:
            j += 1
    return j


def _better(new: Hit, old: Hit) -> bool:
    """The stronger of two traces into one sink: one at the rule's severity beats an info one
    (a request's data beside the operator's own input into one `eval`), then confidence."""
    rank = {Confidence.HIGH: 2, Confidence.MEDIUM: 1, Confidence.LOW: 0}
    a = (new.severity is None, rank[new.confidence or Confidence.LOW])
    b = (old.severity is None, rank[old.confidence or Confidence.LOW])
    return a > b or (a == b and len(new.trace) < len(old.trace))


# "app/helpers.py line 7: " before a step's note: the step is in another module's function
# (`engine._returned`), named by its file and line there.
_ELSEWHERE = re.compile(r"(?:[^\s:]+ line \d+: )+")
_PLACE = re.compile(r"([^\s:]+) line (\d+): $")


def _detail(steps: tuple[TraceStep, ...]) -> str:
    if not steps:
        return ""
    note, where = steps[0].note, f"line {steps[0].line}"
    elsewhere = _ELSEWHERE.match(note)
    if elsewhere:  # the value was read in another module's function
        place = _PLACE.search(elsewhere.group())
        note = note[elsewhere.end() :]
        where = f"{place.group(1)} line {place.group(2)}" if place else where
    first = note.removeprefix("source: ")
    if note.startswith("source: ") or "parameter" in first or "option" in first:
        return f"{first} ({where}) reaches {steps[-1].note.removeprefix('sink: ')}"
    # an audit lead whose value no step names (an imported class's attribute, an opaque call)
    return f"a value of unknown origin reaches {steps[-1].note.removeprefix('sink: ')}"


class _Lines(Protocol):
    def search(self, text: str) -> re.Match[str] | None: ...
    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


@functools.lru_cache(maxsize=256)
def line_matcher(pattern: str) -> _Lines:
    """A rule's line pattern (multi-line), asked of RE2 first (`textgate`): most functions and
    modules hold no call of a rule's sinks, and `re` reads these patterns, which open with a
    look-behind, at ~20 MB/s. Kept here, not in `re`'s bounded cache, which a scan's one-off
    patterns would flush."""
    gated = gated_without_lookarounds(f"(?m){pattern}")
    return gated if gated is not None else re.compile(pattern, re.M)


def _owning_class(tree: ast.Module, name: str,
                  method: str) -> tuple[ast.ClassDef, list[ast.stmt]] | None:  # fmt: skip
    """The class of `name`'s chain in this module that defines `method`, and the module's
    statements to analyze for it (its non-definition statements and the chain); None when
    none does, or the chain is over `project.SUMMARY_LINES` lines."""
    chain, _ = project.class_chain(project.classes_of(tree.body), name)
    owner = next((c for c in chain if any(
        isinstance(m, _FUNCTIONS) and m.name == method for m in c.body)), None)  # fmt: skip
    if owner is None:
        return None
    methods = [m for c in chain for m in c.body if isinstance(m, _FUNCTIONS)]
    if sum(_ast_span(m)[1] - _ast_span(m)[0] + 1 for m in methods) > project.SUMMARY_LINES:
        return None
    body = [s for s in tree.body if not isinstance(s, (*_FUNCTIONS, ast.ClassDef))
            or s in chain]  # fmt: skip
    return owner, body


def _module_constants(module: project.Module, tree: ast.Module) -> dict[str, str]:
    """`constants.text_constants` of an imported module, read once."""
    key = "text constants"
    known = module.memo.get(key)
    if not isinstance(known, dict):
        known = constants.text_constants(tree.body)
        module.memo[key] = known
    return known


def _class_name(statement: ast.stmt) -> str:
    return statement.name if isinstance(statement, ast.ClassDef) else ""


def _methods_called(todo: set[int], texts: list[str], units: list[tuple[bool, str]],
                    owners: list[str]) -> set[int]:  # fmt: skip
    """Methods of this file's classes that a unit in `todo` calls on an instance it builds
    (`page = Page(...)`, then `page.render()`): the engine reads their summaries."""
    classes = {o for o in owners if o}
    if not classes:
        return set()
    made = {m.group(1) for k in todo for m in project.named_calls(project.PLAIN_CALL, classes,
                                                                  texts[k])}  # fmt: skip
    if not made:
        return set()
    methods = [k for k, owner in enumerate(owners) if owner in made]
    wanted = {units[k][1] for k in methods}
    names = {m.group(1) for k in todo for m in project.named_calls(_DOT_CALL, wanted, texts[k])}
    return {k for k in methods if units[k][1] in names}


# `x.m(`, `.m (`: a method called on anything
_DOT_CALL = re.compile(possessive(r"\.(\w++)\s*+\("))
_SELF_CALL = re.compile(possessive(r"\b(?:self|cls)\.(\w++)\s*+\("))


def _called(names: Container[tuple[bool, str]], text: str) -> Iterator[tuple[bool, str]]:
    """The members of `names` that `text` calls, as the engine resolves calls to summaries:
    `f(...)` for a function (False, "f"), `self.m(...)`/`cls.m(...)` for a method (True, "m").
    The two kinds of call never overlap in the text, so each is found on its own."""
    for match in project.PLAIN_CALL.finditer(text):
        if (False, match.group(1)) in names:
            yield (False, match.group(1))
    for match in _SELF_CALL.finditer(text):
        if (True, match.group(1)) in names:
            yield (True, match.group(1))


@dataclass(frozen=True, slots=True)
class _Function:
    """A top-level function as a summary reads it: its lines, the top-level functions it
    calls, and its calls to imported names (qualified name, line)."""

    span: tuple[int, int]
    callees: frozenset[str]
    imported: tuple[tuple[str, int], ...]
    is_class: bool = False  # a class, read as a root only (`_text_graph`)


def _call_graph(tree: ast.Module) -> dict[str, _Function]:
    functions = [n for n in tree.body if isinstance(n, _FUNCTIONS)]
    names = {f.name for f in functions}
    aliases = project.import_aliases(tree.body)
    graph = {}
    for function in functions:
        nodes = list(ast.walk(function))
        callees = frozenset(n.func.id for n in nodes if isinstance(n, ast.Call)
                            and isinstance(n.func, ast.Name) and n.func.id in names)  # fmt: skip
        imported = tuple(_imported_calls(nodes, aliases))
        graph[function.name] = _Function(_ast_span(function), callees, imported)
    return graph


def _module_request_reads(text: str) -> re.Pattern[str] | bool:
    """A pattern of what reads the module-level request objects `text` imports (`request.args`
    after `from flask import request`, `flask.request.form` after `import flask`), or False
    when it imports none."""
    names = []
    for alias, qualified in project.import_aliases(project.import_statements(text)).items():
        if qualified in MODULE_REQUESTS:
            names.append(re.escape(alias))
        elif f"{qualified}.request" in MODULE_REQUESTS:
            names.append(re.escape(alias) + r"\s*\.\s*request")
    if not names:
        return False
    attributes = "|".join(sorted(REQUEST_ATTRS | REQUEST_METHODS))
    return re.compile(rf"(?<![.\w])(?:{'|'.join(names)})\s*\.\s*(?:{attributes})\b")


def _closure_names(graph: dict[str, _Function], root: str) -> set[str]:
    """The top-level function `root` and those it calls, transitively, by name."""
    found: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        if name in found or name not in graph:
            continue
        found.add(name)
        todo.extend(graph[name].callees - found)
    return found


def _closure(graph: dict[str, _Function], root: str) -> list[_Function]:
    return [graph[name] for name in _closure_names(graph, root)]


# a top-level def, or a class: what a call on its instances may reach is in its body
_TOP_DEF = re.compile(r"^(?:async[ \t]+)?(def|class)[ \t]+(\w+)", re.M)
_TOP_CODE = re.compile(r"^[^\s#)\]}]", re.M)  # a line whose code starts at column 0
_LONG_STRING = re.compile(r"(\"\"\"|\'\'\').*?\1", re.S)


def _text_graph(text: str, starts: list[int]) -> dict[str, _Function]:
    """`_call_graph` read from the text, without parsing: a top-level `def` or `class` runs to
    the next line whose code starts at column 0 (outside a triple-quoted string). An
    approximation, used only to choose which calls are worth analyzing."""
    strings = [(m.start(), m.end()) for m in _LONG_STRING.finditer(text)]
    string_starts = [a for a, _ in strings]

    def in_string(offset: int) -> bool:
        i = bisect.bisect_right(string_starts, offset) - 1
        return i >= 0 and strings[i][0] < offset < strings[i][1]

    tops = [m.start() for m in _TOP_CODE.finditer(text) if not in_string(m.start())]
    defs = [m for m in _TOP_DEF.finditer(text) if not in_string(m.start())]
    if not defs:
        return {}
    # a class is a root only (`C(...)` then `c.m(x)` in the importing module); a function
    # that builds one does not reach all of its methods' sinks
    names = {m.group(2) for m in defs if m.group(1) != "class"}
    aliases = project.import_aliases(project.import_statements(text))
    graph = {}
    for match in defs:
        after = bisect.bisect_right(tops, match.start())
        end = tops[after] if after < len(tops) else len(text)
        body = text[match.start() : end]
        first = bisect.bisect_right(starts, match.start())
        last = bisect.bisect_right(starts, max(end - 1, match.start()))
        callees = frozenset(c.group(1) for c in project.named_calls(
            project.PLAIN_CALL, names, body)) - {match.group(2)}  # fmt: skip
        # a class's imported calls are not followed (`reach_codes`)
        imported = () if match.group(1) == "class" else tuple(
            (name, first + body.count("\n", 0, offset))
            for name, offset in project.calls_through(aliases, body)
        )
        graph[match.group(2)] = _Function((first, last), callees, imported,
                                          match.group(1) == "class")  # fmt: skip
    return graph


def _imported_calls(nodes: Iterable[ast.AST], aliases: dict[str, str]) -> list[tuple[str, int]]:
    """(qualified name, line) of each call among `nodes` to a name bound by `aliases`."""
    if not aliases:
        return []
    found = []
    for node in nodes:
        if isinstance(node, ast.Call):
            name = project.qualified_call(node.func, aliases)
            if name:
                found.append((name, node.lineno))
    return found
