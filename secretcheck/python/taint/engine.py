"""The taint engine: function summaries, sink checks and reports, over one parsed module.

Every function of the module (and the module body itself) is one unit. Units are interpreted
with their parameters as symbolic flows; a parameter that reaches a sink or the return value
becomes the unit's summary, which callers in the same file apply to their own arguments. The
units are interpreted again until the summaries stop changing (at most `MAX_ROUNDS`), then once
more with reporting on: only the units whose last round saw a flow reach a sink that a report
would name (the module's own statements always), since that round read the same summaries. A
call passing a constant flag the callee branches on is answered by a summary of the callee in
that call context (`contexts.py`), built when first asked for.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from secretcheck.findings import Confidence, TraceStep
from secretcheck.python.astsyntax import Argument, dotted
from secretcheck.python.taint import contexts, csrf, forms, guards, path_parts, sessions
from secretcheck.python.taint.flows import (
    CLEAN,
    SEGMENT,
    CallSite,
    Flow,
    Sink,
    SinkSet,
    Value,
    join,
    unanchor,
)
from secretcheck.python.taint.guards import Facts
from secretcheck.python.taint.interp import HANDLER_GETTERS, Env, Interpreter, Lines
from secretcheck.python.taint.predicates import NOTHING, Proof, bound_once, call_facts, proof_of
from secretcheck.python.taint.project import (
    Imported,
    Project,
    assigns_attribute,
    class_chain,
    classes_of,
    enum_classes,
    import_aliases,
    local_classes,
    project_name,
    qualified_call,
)
from secretcheck.python.taint.sinks.open_redirect import RETURNED, returns_redirect
from secretcheck.python.taint.sources import (
    CLIENT_METHODS,
    ENVIRON,
    EXPOSE,
    HTTP_METHOD_NAMES,
    STATIC_FILES_LOOKUP,
    Function,
    client_handler,
    handler_parameter,
    http_handler_class,
    operator_code,
    parameters,
    segment_flow,
    static_files_class,
    untrusted_params,
    wsgi_environ,
)
from secretcheck.python.taint.statements import AT, BOUND_READ

MAX_ROUNDS = 4
_ADD_ARGUMENT = re.compile(r"\badd_argument\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_OPTION_NAMES = re.compile(r"""^\s*((?:[rbu]?['"][^'"\n]*['"]\s*,\s*)+)""")
_CHECKED = re.compile(r"\bchoices\s*=|\btype\s*=\s*(?:int|float|bool|uuid\.UUID|UUID)\b")


def checked_options(text: str) -> frozenset[str]:
    """argparse destinations that can only hold an allowed value: `add_argument("--mode",
    choices=[...])` or `type=int` (argparse exits on anything else). Read from the text, since
    the parser is usually built in a function the taint run does not otherwise look at."""
    found: set[str] = set()
    if "add_argument(" not in text:  # what `_ADD_ARGUMENT` starts with; `re` reads it slowly
        return frozenset()
    for call in _ADD_ARGUMENT.finditer(text):
        body = call.group(1)
        if not _CHECKED.search(body):
            continue
        dest = re.search(r"""\bdest\s*=\s*['"](\w+)['"]""", body)
        names = _OPTION_NAMES.match(body + ",")
        if dest:
            found.add(dest.group(1))
        elif names:
            options = re.findall(r"""['"]([^'"]*)['"]""", names.group(1))
            longest = max(options, key=lambda o: (o.startswith("--"), len(o)))
            found.add(longest.lstrip("-").replace("-", "_"))
    return frozenset(found)


# (rule code, sink node, trace, confidence, statement, threat, opaque). threat: "" for a
# finding, or why the threat model reports it at info severity: "operator" (the program's
# operator's own input run as code, `sources.py`), "self-xss" (a CSRF-protected request body
# reflected, `csrf.py`), "self-redirect" (a redirect to a posted field no link sets,
# `csrf.py`). opaque: attacker data through a call not followed, an audit lead only.
Report = Callable[
    [str, ast.AST, tuple[TraceStep, ...], Confidence, "Lines | None", str, bool], None
]
# The sink categories where a value computed from attacker data by a call the engine does not
# follow (`flows.opaque`: `get_book(book_id).path`, `render_books_list(term)`) is still a
# finding. None: on the taint corpus and the judged real code, every such flow to a response
# body, path, query, command, URL or redirect was a value the application computed (a record
# looked up by an id, a rendered page, a response object), never the attacker's text, and no
# labelled positive needs one. `--audit` still lists them, at low confidence.
OPAQUE_REPORTED: frozenset[str] = frozenset()
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# What a Flask view may return that Flask does not send as an HTML page built from text: JSON
# (a dict or list made by a call as by a literal, rq-dashboard's `return dict(name=...)`), a
# rendered (autoescaped) template, a redirect, a file.
_NOT_HTML = frozenset(
    {"builtins.dict", "builtins.list",
     "flask.jsonify", "flask.json.jsonify", "flask.render_template", "flask.redirect",
     "flask.send_file", "flask.send_from_directory", "flask.helpers.send_file",
     "flask.helpers.send_from_directory", "werkzeug.utils.redirect",
     "flask.templating.render_template"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Unit:
    key: str  # "f" for a function, "method:f" for a method, "<module>" for the module body
    node: Function | None  # None for the module body
    offset: int = 0  # 1 for methods: `self.f(x)` passes x as parameter 1
    owner: str = ""  # a method's class: its summary is also kept as "Owner.f"


@dataclass(slots=True)
class Summary:
    params: tuple[str, ...] = ()
    returns: Value = CLEAN
    # The elements of the tuple it returns, when every return that may carry data gives a
    # tuple of one length (`return obj, post_data`); None when unknown (`positioned` False).
    positions: tuple[Value, ...] | None = None
    positioned: bool = True
    # parameter index -> (rule code, sink call, flow from the parameter to it, statement)
    sinks: dict[int, list[tuple[str, ast.AST, Flow, Lines | None]]] = field(default_factory=dict)
    seen: dict[int, set[tuple[object, ...]]] = field(default_factory=dict)  # see `record`

    def record(self, code: str, node: ast.AST, flow: Flow, statement: Lines | None) -> None:
        """A parameter's flow reached a sink. One flow per sink and kind of flow is enough: a
        loop or a helper called twice reaches the same sink again, and each copy would be
        chained into every caller's summary in turn (thousands on a large module)."""
        kind = (code, id(node), flow.opaque, flow.built, flow.only, flow.own_start, flow.text)
        if kind not in self.seen.setdefault(flow.param, set()):
            self.seen[flow.param].add(kind)
            self.sinks.setdefault(flow.param, []).append((code, node, flow, statement))

    def signature(self) -> tuple[object, ...]:
        returns = tuple(sorted((f.origin, f.label, f.param, f.opaque) for f in self.returns))
        sinks = tuple(sorted((i, len(v)) for i, v in self.sinks.items()))
        positions = None if self.positions is None else tuple(
            tuple(sorted((f.origin, f.label, f.param, f.opaque) for f in part))
            for part in self.positions
        )  # fmt: skip
        return (returns, sinks, positions)

    def add_return(self, parts: tuple[Value, ...] | None, value: Value) -> None:
        """One `return`: its value, and its elements when it gives a tuple."""
        self.returns = join(self.returns, value)
        if not self.positioned:
            return
        if parts is None:
            if value:  # a return that may carry data and is no tuple: elements unknown
                self.positioned, self.positions = False, None
            return
        if self.positions is None:
            self.positions = parts
        elif len(self.positions) == len(parts):
            self.positions = tuple(join(a, b) for a, b in zip(self.positions, parts, strict=True))
        else:
            self.positioned, self.positions = False, None


def called_names(body: Sequence[ast.stmt]) -> frozenset[str]:
    """Names the module calls as plain functions: `helper(request, obj)`."""
    return frozenset(
        node.func.id
        for statement in body
        for node in ast.walk(statement)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    )


def units_of(body: Sequence[ast.stmt]) -> Iterator[Unit]:
    yield Unit("<module>", None)

    def walk(statements: Sequence[ast.stmt], owner: str) -> Iterator[Unit]:
        for node in statements:
            if isinstance(node, _FUNCTIONS):
                params = node.args.args
                method = bool(owner) and bool(params) and params[0].arg in ("self", "cls")
                yield Unit(f"method:{node.name}" if owner else node.name, node,
                           1 if method else 0, owner)  # fmt: skip
                yield from walk(node.body, "")
            elif isinstance(node, ast.ClassDef):
                yield from walk(node.body, node.name)
            elif isinstance(node, (ast.If, ast.Try)):
                yield from walk(node.body, owner)

    yield from walk(body, "")


class TaintEngine:
    def __init__(
        self,
        body: Sequence[ast.stmt],
        sinksets: Sequence[SinkSet],
        names: Callable[[ast.AST], tuple[frozenset[str], bool]],
        where: Callable[[ast.AST], tuple[int, int]],
        report: Report,
        *,
        inline: Callable[[Sequence[ast.stmt]], bool],
        pieces: Callable[[ast.JoinedStr], list[list[ast.expr] | None] | None],
        web_module: bool,
        flask_module: bool,
        audit: bool = False,
        text: str = "",
        enums: frozenset[str] = frozenset(),
        csrf_defended: bool = False,
        constants: Callable[[], Mapping[str, str]] = dict,
        helper_module: bool = False,
        project: Project | None = None,
        requests: tuple[str, tuple[str, ...]] = ("", ()),
        self_request: bool = False,
        classes: Sequence[ast.stmt] = (),
    ) -> None:
        self.body = body
        # the module's classes, also those the selection of code to analyze left out (a base
        # with no method of its own): where a `self.f()` call finds its f (`_method_owner`)
        self.classes = {**local_classes(body), **classes_of((*body, *classes))}
        self.own_attributes: dict[tuple[str, str], bool] = {}
        self.handler_classes: dict[str, bool] = {}
        self.view_classes: dict[str, bool] = {}  # `_may_be_view`, by class
        self.project_bases: dict[str, frozenset[str]] = {}  # class -> `Project.base_names`
        self.exposed_marks: dict[str, frozenset[str]] = {}  # `_exposed`, by class ("": module)
        # (function, its arguments that hold a request object: positions "0" or keywords):
        # how another module's call passes it the request (`project.Project.returned`)
        self.requests = requests
        self.sinksets = tuple(sinksets)
        self._names = names
        self._where = where
        self._report = report
        self._inline = inline
        self._pieces = pieces
        self.web_module = web_module
        # a view's methods read the request as `self.request`, and so do the mixins of another
        # module it inherits them from (`project.Project.inherited`)
        self.self_request = web_module or self_request
        self.flask_module = flask_module
        self.audit = audit
        self.enums = enums | enum_classes(body)
        self.checked_options = checked_options(text)
        self.summaries: dict[str, Summary] = {}
        self.defined = {n.name for n in body if isinstance(n, (*_FUNCTIONS, ast.ClassDef))}
        # the module's top-level functions, by name, when defined once: what a call of one in
        # a test proves (`predicates.py`)
        defs = [n for n in (*body, *classes) if isinstance(n, _FUNCTIONS)]
        named = Counter(d.name for d in {id(d): d for d in defs}.values())
        self.functions = {d.name: d for d in defs if named[d.name] == 1}
        self.proofs: dict[str, Proof] = {}
        self.forms: dict[str, Mapping[str, frozenset[str]]] = {}
        self.aliases: Mapping[str, str] | None = None
        self.g_kinds: dict[str, str] | None = None
        self.module_body = (*body, *classes)
        self.called = called_names(body) if web_module else frozenset()
        self.helper_module = helper_module
        self.reporting = False
        # Units whose analysis, in the round at hand, found what reporting would report.
        self.would_report: set[str] = set()
        # What the module's views stored from request data in the user's session, by key
        # (`sessions.py`): kept across rounds, read back by any function.
        self.sessions: dict[str, Value] = {}
        self.unit: Unit | None = None
        self.current: Summary = Summary()
        self.route = False
        self.static_lookup = False  # the unit is a `StaticFiles.lookup_path` (`sources.py`)
        # the unit's return is where a Django view redirects (`open_redirect.RETURNED`)
        self.redirect_return = False
        # Summaries of a callee in a call context (`contexts.py`), per round.
        self.units: dict[str, Unit] = {}
        self.branching: dict[str, frozenset[str]] = {}
        self.in_context: dict[tuple[str, tuple[tuple[str, bool], ...]], Summary] = {}
        self.context_stack: list[str] = []
        self.module_types: dict[str, str] = {}
        self.module_env: Env = {}
        self.csrf_defended = csrf_defended
        # Sinks that write into the response to the request at hand (`Sink.reflects`), by
        # node: a helper's sink reached through its summary is known by its node alone.
        self.reflecting: set[int] = set()
        self.json_units: dict[str, bool] = {}
        self.container_names: dict[str, frozenset[str]] = {}  # unit key -> `_container_names`
        self._constants = constants  # the module's string constants (`constants.py`)
        self.project = project  # functions imported from the file's own project

    # -- Host protocol -------------------------------------------------------------------
    def names(self, node: ast.AST) -> tuple[frozenset[str], bool]:
        return self._names(node)

    def step(self, node: ast.AST, note: str) -> TraceStep:
        line, column = self._where(node)
        return TraceStep(line, column, note)

    def known_name(self, name: str) -> bool:
        return name in self.defined

    def is_class(self, name: str) -> bool:
        """Is `name` a class of this module (also one the selection of code left out)?"""
        return name in self.classes

    def constant_text(self, name: str) -> str | None:
        """The literal a module or class constant holds ("self.API" in a method of its class)."""
        owner = self.unit.owner if self.unit is not None else ""
        if name.startswith(("self.", "cls.")) and owner:
            name = owner + name[name.index(".") :]
        return self._constants().get(name)

    def is_enum(self, name: str) -> bool:
        return name in self.enums

    def returned_kinds(self, function: str) -> tuple[str, ...]:
        """The class each position of the tuple this module's function `function` returns is
        built as (`return args, controller` with `controller = Controller(...)` bound once in
        it), "" where not known; () when it returns no tuple of one length everywhere."""
        node = self.functions.get(function)
        if node is None:
            return ()
        shapes: set[tuple[str, ...]] = set()
        for statement in _returns(node.body):
            value = statement.value
            if not isinstance(value, ast.Tuple):
                return ()
            shapes.add(tuple(self._built_as(node, e) for e in value.elts))
        if len({len(shape) for shape in shapes}) != 1:
            return ()
        # a position holds the class every return agrees on
        return tuple(kinds.pop() if len(kinds := set(column)) == 1 else ""
                     for column in zip(*shapes, strict=True))  # fmt: skip

    def _built_as(self, function: Function, element: ast.expr) -> str:
        """The class a name of `function` is bound to an instance of, when it is bound once,
        to a constructor call of a class of this module or an imported one."""
        value = bound_once(function).get(element.id) if isinstance(element, ast.Name) else None
        if not isinstance(value, ast.Call):
            return ""
        built = value.func
        names, _ = self._names(built)
        if names:
            return sorted(names, key=len)[0]
        return built.id if isinstance(built, ast.Name) and built.id in self.classes else ""

    def form_fields(self, kind: str) -> Mapping[str, frozenset[str]]:
        """What a valid form of the class `kind` (a constructor's qualified name) proves of
        its fields (`forms.py`): a class of this module, or of another of the project."""
        if kind in self.classes:
            if kind not in self.forms:
                self.forms[kind] = forms.form_fields(
                    self.module_body, kind, self._module_constant, self.proves
                )
            return self.forms[kind]
        if self.project is not None and project_name(kind):
            return self.project.form_fields(kind)
        return {}

    def proves(self, call: ast.Call, given: Callable[[], bool] = lambda: True,
               normalized: Callable[[ast.expr], bool] | None = None) -> Facts:  # fmt: skip
        """What `call` proves of its arguments when true, when it calls a function of this
        module or of another module of the project (`predicates.py`); `given`: whether it is
        given attacker data, asked before another module is read; `normalized`: which
        arguments are normalized paths (`Proof.facts_for`)."""
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (
            func.value.id == "self"
        ):
            proof = self._method_proof(func.attr)
            if proof is not None and proof.params:
                return proof.body_facts(call, normalized)
        project = self.project
        if project is None:
            return call_facts(call, self._local_proof, lambda _: [], lambda _: NOTHING,
                              normalized=normalized)  # fmt: skip
        return call_facts(call, self._local_proof, self._project_names, project.proof, given,
                          normalized)  # fmt: skip

    def returns_facts(self, call: ast.Call, given: Callable[[], bool],
                      normalized: Callable[[ast.expr], bool] | None = None) -> Facts:  # fmt: skip
        """What `call` proves of its arguments by returning at all, when it calls a function of
        this module or of another of the project, or a method of the class on `self`
        (`proof_of(returning=True)`): a check that raises to refuse, called as a statement
        (`check_path(name)`, then `open(name)`). Read from its body only: a name says nothing
        of whether it raises. `given`, `normalized`: as for `proves`."""
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (
            func.value.id == "self"
        ):
            proof = self._method_proof(func.attr, returning=True)
            return (proof.facts_for(call, normalized)
                    if proof is not None and proof.proves() else {})  # fmt: skip
        project = self.project
        found = call_facts(call, lambda name: self._local_proof(name, returning=True),
                           self._project_names if project is not None else lambda _: [],
                           project.returning_proof if project is not None else lambda _: NOTHING,
                           given, normalized)  # fmt: skip
        return {k: v for k, v in found.items() if k != guards.BODY_READ}

    def _method_proof(self, method: str, returning: bool = False) -> Proof | None:
        """The proof of the method a `self.method(...)` call runs, when the class being analyzed
        or one of its bases in this module defines it, read without its `self` (None when none
        does; NOTHING when it is defined twice or takes nothing else). `returning`: what it
        proves by returning at all (`proof_of`)."""
        owner, _ = self._method_owner(method)
        if not owner:
            return None
        key = f"{'returning ' if returning else ''}{owner}.{method}"
        if key not in self.proofs:
            found = [m for m in self.classes[owner].body
                     if isinstance(m, _FUNCTIONS) and m.name == method]  # fmt: skip
            proof = proof_of(found[-1], self._module_constant,
                             returning=returning) if len(found) == 1 else NOTHING  # fmt: skip
            static = any(dotted(d) == "staticmethod" for f in found for d in f.decorator_list)
            if proof.params and not static:
                proof = proof.without_first()
            self.proofs[key] = proof if proof.params else NOTHING
        return self.proofs[key]

    def _local_proof(self, name: str, returning: bool = False) -> Proof | None:
        """The proof of this module's function `name` (read once); NOTHING for another name
        the module defines (a class, a function defined twice), None for one it does not.
        `returning`: what it proves by returning at all (`proof_of`)."""
        if name not in self.functions:
            return NOTHING if name in self.defined else None
        key = f"returning {name}" if returning else name
        if key not in self.proofs:
            self.proofs[key] = proof_of(self.functions[name], self._module_constant,
                                        returning=returning)  # fmt: skip
        return self.proofs[key]

    def _project_names(self, func: ast.expr) -> list[str]:
        names, imported = self._names(func)
        return [n for n in sorted(names) if project_name(n)] if imported else []

    def _module_constant(self, name: str) -> str | None:
        return self._constants().get(name)

    def option_is_checked(self, name: str) -> bool:
        return name in self.checked_options

    def inline(self, body: Sequence[ast.stmt]) -> bool:
        return self._inline(body)

    def pieces(self, node: ast.JoinedStr) -> list[list[ast.expr] | None] | None:
        return self._pieces(node)

    def call(
        self,
        interp: Interpreter,
        node: ast.Call,
        site: CallSite,
        args: list[tuple[Argument, Value]],
        receiver: Value,
    ) -> Value | None:
        func = node.func
        method = func.attr if isinstance(func, ast.Attribute) else ""
        receiver_text = dotted(func.value) if isinstance(func, ast.Attribute) else ""
        consumed = False
        # `use_case.execute(items)` on an instance of a class of another module of the project
        # (a typed parameter, `x = C(...)`): that class's method, not a sink named alike
        owned = self._instance_method(interp, func) if any(v for _, v in args) else None
        if owned is not None:
            self._apply_imported(owned, node, args, offset=1)
        raw: bool | None = None
        for sinkset in self.sinksets if owned is None else ():
            for sink in sinkset.sinks:
                if not sink.matches(site.names, method, receiver_text):
                    continue
                if sink.when is not None and not sink.when(site):
                    continue
                if sink.inert_alone and interp.discarded is node:
                    continue  # built and dropped: no response is sent
                if sink.receiver and isinstance(func, ast.Attribute):
                    raw = _raw_read(interp, func.value) if raw is None else raw
                    if raw:
                        continue
                value = receiver if sink.receiver else _selected(sink, args)
                if sinkset.category == "path-traversal":
                    value = path_parts.exposed(value, sink.folder)
                label = sink.note or dotted(func) or method
                for flow in value:
                    self.reach(sinkset, sink, node, flow, label, interp.statement)
                consumed = consumed or sink.consumes
        if (self.self_request and isinstance(func, ast.Attribute) and dotted(func.value) == "self"
                and method in HANDLER_GETTERS):  # fmt: skip
            # Tornado's `self.get_argument()` reads the request, also where a base handler
            # overrides it (flower's escapes it, then calls `super().get_argument()`)
            return CLEAN if consumed else None
        if isinstance(func, ast.Attribute) and dotted(func.value) in ("self", "cls"):
            # `self.f()`: the f of this class or of the bases it inherits it from, when that
            # is known; else any method f of this module
            owner, bases = self._method_owner(func.attr)
            if owner:
                summary = self.summaries.get(f"{owner}.{func.attr}")
                if summary is not None:
                    return self._apply(summary, node, args, interp)
            elif bases and self.project is not None:
                inherited = self._inherited(bases, func.attr)
                if inherited is not None:
                    return self._returned(inherited, node, args, offset=1)
        summary = self._summary_for(func)
        if summary is not None:
            summary = self._in_call_context(interp, node) or summary
            return self._apply(summary, node, args, interp)
        summary = self._local_method(interp, func)
        if summary is not None:
            return self._apply(summary, node, args, interp, receiver)
        if self.project is not None and not consumed and dotted(func):
            # `f(a)(b)` calls what `f` returned, not `f`
            if any(v for _, v in args):
                imported = self._imported(site.names)
                if imported is not None:
                    self._apply_imported(imported, node, args)
            requests = tuple(str(i) if a.keyword is None else a.keyword
                             for i, (a, _) in enumerate(args)
                             if not a.star and interp.kind(a.value) == "request")  # fmt: skip
            if (requests or any(f.origin == "source" for _, v in args for f in v)
                    or self._reads_request(site.names)):  # fmt: skip
                returned = self._imported_returns(site.names, requests)
                if returned is not None:
                    return self._returned(returned, node, args)
        return CLEAN if consumed else None

    def _instance_method(self, interp: Interpreter, func: ast.expr) -> Imported | None:
        """The summary of the method a call on an instance of a project class runs, when the
        instance's class (another module's) defines it: a name typed by its binding or its
        annotation, or an attribute of Flask's `g` (`_g_kinds`)."""
        if self.project is None or not isinstance(func, ast.Attribute):
            return None
        receiver = func.value
        if isinstance(receiver, ast.Name):
            kind = interp.kind(receiver)
        elif isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name):
            kind = self._g_kinds().get(receiver.attr, "") if self._is_g(receiver.value) else ""
        else:
            return None
        if not kind or kind in self.classes or not project_name(kind):
            return None
        return self.project.method_summary(kind, func.attr)

    def _is_g(self, node: ast.Name) -> bool:
        return self._aliases().get(node.id) == "flask.g"

    def _aliases(self) -> Mapping[str, str]:
        if self.aliases is None:
            self.aliases = import_aliases(self.module_body)
        return self.aliases

    def _g_kinds(self) -> Mapping[str, str]:
        """`g.user_request = Request(...)` anywhere in the module (Whoogle sets it in a
        `before_request` hook): the class each attribute of Flask's per-request `g` holds,
        when every assignment to it builds one class of the project."""
        if self.g_kinds is None:
            aliases = self._aliases()
            found: dict[str, set[str]] = {}
            for statement in self.module_body:
                for node in ast.walk(statement):
                    if not isinstance(node, ast.Assign):
                        continue
                    for target in node.targets:
                        if not (isinstance(target, ast.Attribute)
                                and isinstance(target.value, ast.Name)
                                and self._is_g(target.value)):  # fmt: skip
                            continue
                        kind = (qualified_call(node.value.func, aliases)
                                if isinstance(node.value, ast.Call) else "")  # fmt: skip
                        found.setdefault(target.attr, set()).add(kind)
            self.g_kinds = {a: k.pop() for a, k in found.items() if len(k) == 1 and "" not in k}
        return self.g_kinds

    def _reads_request(self, names: frozenset[str]) -> bool:
        """Does the call run a function of another module of the project that reads a
        module-level request object itself (`Project.reads_request`)?"""
        project = self.project
        assert project is not None
        return any(project_name(name) and project.reads_request(name) for name in sorted(names))

    def _imported_returns(self, names: frozenset[str],
                          requests: tuple[str, ...]) -> Imported | None:  # fmt: skip
        project = self.project
        assert project is not None
        return _first_answer(names, lambda name: project.returned(name, requests))

    def _chain(self) -> tuple[list[ast.ClassDef], list[ast.expr]]:
        """The class being analyzed and its bases of this module, in order, and the bases
        they name from elsewhere (`project.class_chain`)."""
        return class_chain(self.classes, self.unit.owner if self.unit is not None else "")

    def _method_owner(self, method: str) -> tuple[str, list[ast.expr]]:
        """The class of this module whose `method` a `self.method()` call in the class being
        analyzed runs: that class or the first of its bases defined here that defines it;
        else "" and the bases it may come from, imported from elsewhere."""
        chain, foreign = self._chain()
        for cls in chain:
            if any(isinstance(m, _FUNCTIONS) and m.name == method for m in cls.body):
                return cls.name, []
        return "", foreign

    def url_arguments(self, attribute: str) -> bool:
        """Is `self.<attribute>` (`kwargs`, `args`) a class-based view's URL arguments, as Django
        sets them, rather than the class's own: no method of the class or of its bases (of this
        module, or of the project) assigns it (Mayan's source backends keep their configuration
        in `self.kwargs`)."""
        key = (self.unit.owner if self.unit is not None else "", attribute)
        if key not in self.own_attributes:
            chain, foreign = self._chain()
            project = self.project
            self.own_attributes[key] = any(assigns_attribute(c, attribute) for c in chain) or (
                project is not None
                and any(
                    project_name(name) and project.assigns(name, attribute)
                    for base in foreign
                    for name in sorted(self._names(base)[0])
                )
            )
        return not self.own_attributes[key] and self._may_be_view()

    def _may_be_view(self) -> bool:
        """Can the class being analyzed be a framework's class-based view? Django, DRF, Tornado,
        aiohttp and Flask dispatch only to a class derived from their own view class, so it
        needs a base from elsewhere: not a class whose bases are all of this module, down to
        none or `object` (rdmo's `OauthProviderMixin`, whose `get(request, url)` its own
        plugins call), nor one whose base is a value the module computes at run time
        (evennia's `COMMAND_DEFAULT_CLASS = class_from_module(...)`), which no view base is."""
        owner = self.unit.owner if self.unit is not None else ""
        if owner not in self.view_classes:
            _, foreign = self._chain()
            self.view_classes[owner] = any(
                not (isinstance(base, ast.Name)
                     and (base.id == "object" or self._assigned_only(base.id)))
                for base in foreign
            )  # fmt: skip
        return self.view_classes[owner]

    def _assigned_only(self, name: str) -> bool:
        """Does the module bind `name` by a top-level assignment alone (no import, no class)?"""
        return name not in self.classes and name not in self._aliases() and any(
            isinstance(statement, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in statement.targets)
            for statement in self.module_body
        )  # fmt: skip

    def _bases_say(self, test: Callable[[str], bool]) -> bool:
        """Does `test` hold of a base of the class being analyzed (or of a base of its bases
        in this module, or of the project's classes it derives from: `Project.base_names`),
        by qualified or written name?"""
        if self.unit is None or not self.unit.owner:
            return False
        chain, foreign = self._chain()
        if any(test(name) for cls in chain for base in cls.bases
               for name in (*self._names(base)[0], dotted(base))):  # fmt: skip
            return True
        project, owner = self.project, self.unit.owner
        if project is None or not foreign:
            return False
        if owner not in self.project_bases:
            self.project_bases[owner] = frozenset(
                name for base in foreign for qualified in sorted(self._names(base)[0])
                if project_name(qualified) for name in project.base_names(qualified)
            )  # fmt: skip
        return any(test(name) for name in self.project_bases[owner])

    def _exposed(self, unit: Unit, func: Function, resolve: Callable[[ast.expr], str]) -> bool:
        """Does CherryPy call `func` with a request's parameters (`sources.EXPOSE`)? Decorated
        with `cherrypy.expose`, or marked `func.exposed = True` after its definition; or named
        for an HTTP method in a class that is exposed itself (its `MethodDispatcher`)."""

        def marked(name: str, owner: str, body: Sequence[ast.stmt]) -> bool:
            # the names a body marks (`f.exposed = True`; "" for its own `exposed = True`),
            # read once per body: asked of every function of a web module
            if owner not in self.exposed_marks:
                self.exposed_marks[owner] = frozenset(_exposed_marks(body))
            return name in self.exposed_marks[owner]

        def decorated(node: Function | ast.ClassDef) -> bool:
            return any(resolve(d.func if isinstance(d, ast.Call) else d) == EXPOSE
                       for d in node.decorator_list)  # fmt: skip

        if decorated(func):
            return True
        owner = self.classes.get(unit.owner) if unit.owner else None
        if owner is None:
            return marked(func.name, "", self.body)
        if marked(func.name, owner.name, owner.body):
            return True
        if func.name not in HTTP_METHOD_NAMES:
            return False
        if decorated(owner) or marked("", owner.name, owner.body):
            return True
        # ... or by a base: of this module, or of the project's (ipsilon's pages derive from
        # `Page` of `util/page.py`, whose body says `exposed = True`)
        chain, foreign = self._chain()
        project = self.project
        if any(decorated(c) or marked("", c.name, c.body) for c in chain[1:]):
            return True
        if project is None:
            return False
        # A base of a class outside the selection of code is not resolved on it: the module's
        # imports qualify it.
        aliases = self._aliases()
        return any(
            project_name(name) and project.exposes(name)
            for base in foreign
            for name in sorted(self._names(base)[0] or {qualified_call(base, aliases)} - {""})
        )

    def http_handler(self) -> bool:
        """Is the class being analyzed an http.server request handler (a base, or a base of
        its bases in this module, named `...HTTPRequestHandler`)?"""
        owner = self.unit.owner if self.unit is not None else ""
        if owner not in self.handler_classes:
            self.handler_classes[owner] = self._bases_say(http_handler_class)
        return self.handler_classes[owner]

    def _inherited(self, bases: list[ast.expr], method: str) -> Imported | None:
        """What `self.method()` returns when the class being analyzed inherits the method from
        a class of another module of the project (Mayan's views and `RedirectionViewMixin`)."""
        project = self.project
        assert project is not None
        for base in bases:
            found, _ = self._names(base)
            answer = _first_answer(found, lambda name: project.inherited(name, method))
            if answer is not None:
                return answer
        return None

    def _returned(self, imported: Imported, node: ast.Call, args: list[tuple[Argument, Value]],
                  offset: int = 0) -> Value:  # fmt: skip
        """What a function of another module of the project returns at this call: its
        parameters' flows carry the arguments' taint on, and what it read of the request is a
        source; each with the callee's steps named by their file, and marked as crossing."""
        called = dotted(node.func) or "call"
        into = self.step(node, f"passed to {called}() in {imported.where}")
        back = self.step(node, f"returned by {called}() in {imported.where}")
        inner = tuple(
            replace(f, steps=(*self._elsewhere(imported, node, f.steps), back), crossed=True)
            for f in imported.returns
            if f.origin in ("source", "param")
        )
        return _returned_value(inner, _bind(imported.params, args, offset), into)

    def _elsewhere(self, imported: Imported, node: ast.AST,
                   steps: tuple[TraceStep, ...]) -> tuple[TraceStep, ...]:  # fmt: skip
        """Another module's steps, placed at this call and named by their file and line."""
        return tuple(self.step(node, f"{imported.where} line {s.line}: {s.note}") for s in steps)

    def _imported(self, names: frozenset[str]) -> Imported | None:
        project = self.project
        assert project is not None
        # the engine, only where a sink may be
        return _first_answer(
            names, lambda name: project.function(name) if project.may_reach(name) else None
        )

    def _apply_imported(self, imported: Imported, node: ast.Call,
                        args: list[tuple[Argument, Value]], offset: int = 0) -> None:  # fmt: skip
        """A function of another module of the project, at this call: its sinks, reported
        here (the call is this file's code), with the callee's steps named by their file.
        `offset` 1: a method called on an instance (its arguments start at `self`'s next)."""
        bound = _bind(imported.params, args, offset)
        into = self.step(node, f"passed to {dotted(node.func) or 'call'}() in {imported.where}")
        for index, value in bound.items():
            for code, pflow, _ in imported.sinks.get(index, ()):
                sinkset = next((s for s in self.sinksets if s.code == code), None)
                if sinkset is None:
                    continue
                inner = replace(pflow, steps=self._elsewhere(imported, node, pflow.steps),
                                crossed=True)  # fmt: skip
                if sinkset.category == "path-traversal":
                    value = path_parts.exposed(value, False)
                for flow in value:
                    self._through(sinkset, node, _chain(flow, into, inner), None)

    def returned(self, interp: Interpreter, node: ast.Return, value: Value) -> None:
        parts = interp.positions(node.value) if node.value is not None else None
        self.current.add_return(parts, value)
        if self.static_lookup and node.value is not None:
            # `(full_path, stat_result)`: Starlette sends the file at the first
            served = parts[0] if parts else value
            for sinkset in self.sinksets:
                if sinkset.category == "path-traversal":
                    for flow in served:
                        self.reach(sinkset, _RETURN_SINK, node.value, flow,
                                   "file StaticFiles serves", interp.statement)  # fmt: skip
        if self.redirect_return and node.value is not None:
            for sinkset in self.sinksets:
                if sinkset.category == "open-redirect":
                    for flow in value:
                        self.reach(sinkset, _RETURN_SINK, node.value, flow,
                                   "URL the view redirects to", interp.statement)  # fmt: skip
        if not (self.route and self.flask_module) or node.value is None:
            return
        if not self._html_body(node.value):
            return
        if isinstance(node.value, ast.Tuple) and parts:
            value = parts[0]  # `(body, status, headers)`: the headers are no body
        for sinkset in self.sinksets:
            if sinkset.category == "xss":
                xss = Sink(frozenset(), unknown="never", reflects=True)
                for flow in value:
                    if flow.origin == "source" and (flow.built or flow.text):
                        self.reach(sinkset, xss, node.value, flow, "response body of a Flask view",
                                   interp.statement)  # fmt: skip

    def header_set(self, interp: Interpreter, node: ast.expr, value: Value) -> None:
        """`response["Location"] = url` (`open_redirect.LOCATION_HEADER`): a redirect made by
        hand, to `node`'s value."""
        for sinkset in self.sinksets:
            if sinkset.category == "open-redirect":
                for flow in value:
                    self.reach(sinkset, _RETURN_SINK, node, flow, "Location header",
                               interp.statement)  # fmt: skip

    def _html_body(self, expr: ast.expr, depth: int = 0) -> bool:
        """May Flask send what a view returns as HTML? Not a dict or list (Flask answers with
        JSON), nor a `(body, status, headers)` tuple whose headers set another literal
        Content-Type, nor the result of a function of this module that only returns those."""
        if isinstance(expr, (ast.Dict, ast.List, ast.DictComp, ast.ListComp)):
            return False
        if isinstance(expr, ast.Name) and depth == 0 and self.unit is not None:
            # `data = {...}` then `return data`: every binding of the name in the view is a
            # dict or list, which Flask answers with as JSON
            key = self.unit.key
            if key not in self.container_names:
                self.container_names[key] = _container_names(self.unit.node)
            return expr.id not in self.container_names[key]
        if isinstance(expr, ast.Tuple):
            if not expr.elts or any(_other_content_type(e) for e in expr.elts[1:]):
                return False
            return self._html_body(expr.elts[0], depth)
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and depth < 3:
            names, _ = self._names(expr.func)
            if any(n in _NOT_HTML for n in names):
                return False
            return not self._json_unit(expr.func.id, depth + 1)
        return True

    def _json_unit(self, key: str, depth: int) -> bool:
        """Does this module's function `key` return, on every path, what `_html_body` calls
        JSON (and return at all)?"""
        if key in self.json_units:
            return self.json_units[key]
        unit = self.units.get(key)
        self.json_units[key] = False  # a recursive call answers "may be HTML"
        if unit is None or unit.node is None:
            return False
        returns = [r.value for r in _returns(unit.node.body)]
        answer = bool(returns) and all(
            r is not None and not self._html_body(r, depth) for r in returns
        )
        self.json_units[key] = answer
        return answer

    # -- sinks and summaries -------------------------------------------------------------
    def reach(self, sinkset: SinkSet, sink: Sink, node: ast.AST, flow: Flow, label: str,
              statement: Lines | None) -> None:  # fmt: skip
        if not flow.applies_to(sinkset.category):
            return
        done = flow.step(self.step(node, f"sink: {label}"))
        if sink.reflects:
            self.reflecting.add(id(node))
        if flow.origin == "param":
            self.current.record(sinkset.code, node, done, statement)
        if not self.reporting:
            if flow.origin == "source" or (self.audit and unknown_reported(sink, flow)):
                self._would_report()
            return
        if flow.origin == "source":
            self._source_reaches(sinkset, node, done, statement)
        elif self.audit and unknown_reported(sink, flow) and flow.label not in _INSTANCE:
            # A library's own parameter or a value of unknown origin: its caller decides
            # whether it is trusted, so this is a lead for an audit, never a default finding.
            # Not the method's own object: its attributes are its configuration, and a lead
            # that starts at `self` names no caller to look at.
            self._report(sinkset.code, node, done.steps, Confidence.LOW, statement, "", False)

    def _source_reaches(self, sinkset: SinkSet, node: ast.AST, flow: Flow,
                        statement: Lines | None) -> None:  # fmt: skip
        """Attacker data at a sink: a finding, or, when a call not followed computed the value
        from it, an audit lead (see `OPAQUE_REPORTED`)."""
        if flow.opaque and sinkset.category not in OPAQUE_REPORTED:
            if self.audit:
                self._report(sinkset.code, node, flow.steps, Confidence.LOW, statement, "",
                             True)  # fmt: skip
            return
        self._report(sinkset.code, node, flow.steps, flow.confidence, statement,
                     self._threat(sinkset, node, flow), False)  # fmt: skip

    def _threat(self, sinkset: SinkSet, node: ast.AST, flow: Flow) -> str:
        """Why the threat model lowers this finding to info, if it does (see `Report`)."""
        if operator_code(flow, sinkset.category):
            return "operator"
        if sinkset.category == "path-traversal" and SEGMENT in flow.cleared and not flow.exposed:
            return "segment"
        if flow.crossed:
            return "imported"
        if (
            self.csrf_defended
            and sinkset.category == "xss"
            and id(node) in self.reflecting
            and csrf.body_source(flow.label)
            and not self._unit_exempt()
        ):
            return "self-xss"
        if (
            sinkset.category == "open-redirect"
            and csrf.body_source(flow.label)
            and (sessions.read_back(flow) or self._posted_only(flow))
        ):  # with or without a CSRF defence (`csrf.py`); a posted field kept in the session
            return "self-redirect"
        return ""

    def _posted_only(self, flow: Flow) -> bool:
        """Is the flow's source a posted field that this view never reads from its query
        string, so no page of the view copies a link's parameter into it (see `csrf.py`)?
        Methods of bases defined in other modules are not read."""
        unit = self.unit
        if unit is None or unit.node is None or not flow.steps:
            return False
        first = flow.steps[0]
        at = (first.line, first.column)
        # The view's class and the bases defined beside it (a mixin's `get_context_data`).
        scopes: list[ast.AST] = [unit.node, *class_chain(self.classes, unit.owner)[0]]
        # ... or a function of this module the view calls (`next_url(request)`), whose own
        # query reads count too
        readers = [*scopes, *(f for f in self.module_body if isinstance(f, _FUNCTIONS))]
        for reader in readers:
            key = csrf.posted_key(reader, self._where, at)
            if key is not None:
                if reader not in scopes:
                    scopes.append(reader)
                return key not in csrf.query_keys(scopes)
        return False

    def _unit_exempt(self) -> bool:
        """Is the view being analyzed, or its class, exempt from the CSRF check?"""
        unit = self.unit
        if unit is None or unit.node is None:
            return False
        if csrf.exempt(unit.node):
            return True
        return any(
            isinstance(n, ast.ClassDef) and n.name == unit.owner and csrf.exempt(n)
            for n in self.body
        )

    def _enum_typed(self, annotation: ast.expr | None) -> bool:
        """Is the parameter typed as exactly one Enum class (`Theme`, `Optional[Theme]`,
        `Theme | None`), of this module or imported from the project?"""
        node = _single_type(annotation)
        if node is None:
            return False
        if dotted(node) in self.enums:
            return True
        if self.project is None:
            return False
        found, _ = self._names(node)
        return any(project_name(name) and self.project.is_enum(name) for name in sorted(found))

    def _summary_for(self, func: ast.expr) -> Summary | None:
        key = _unit_key(func)
        return self.summaries.get(key) if key else None

    def _in_call_context(self, interp: Interpreter, node: ast.Call) -> Summary | None:
        """The callee's summary with the branches this call's constant flags rule out left
        out (`contexts.py`), or None when the call passes none."""
        unit = self.units.get(_unit_key(node.func))
        if unit is None or unit.node is None:
            return None
        if unit.key not in self.branching:
            self.branching[unit.key] = contexts.branching_params(unit.node)
        branching = self.branching[unit.key]
        if not branching or unit.key in self.context_stack:
            return None
        flags = contexts.constant_flags(node, unit.node, branching, interp.known)
        if not flags:
            return None
        key = (unit.key, tuple(sorted(flags.items())))
        if key not in self.in_context and len(self.context_stack) < contexts.MAX_DEPTH:
            saved = (self.unit, self.current, self.route, self.reporting)
            self.context_stack.append(unit.key)
            self.unit, self.current, self.reporting = unit, Summary(), False
            try:
                self._analyze_function(unit, unit.node, self.module_env, self.module_types,
                                       flags, keep=False)  # fmt: skip
                self.in_context[key] = self.current
            finally:
                self.context_stack.pop()
                self.unit, self.current, self.route, self.reporting = saved
        return self.in_context.get(key)

    def _local_method(self, interp: Interpreter, func: ast.expr) -> Summary | None:
        """`page = Page(...)` then `page.render()`, with `render(self)` in the body of `class
        Page` of this file: what that method returns, rather than "a method of a tainted object
        returns its taint". Its summary is computed once per round like any unit's (no
        recursion). Anything else (an inherited method, a static one, an object of unknown
        class) keeps the conservative answer."""
        if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
            return None
        owner = interp.types.get(func.value.id, "")
        summary = self.summaries.get(f"{owner}.{func.attr}") if owner else None
        return summary if summary is not None and summary.params[:1] == ("self",) else None

    def _apply(self, summary: Summary, node: ast.Call, args: list[tuple[Argument, Value]],
               interp: Interpreter, this: Value | None = None) -> Value:  # fmt: skip
        """The callee's summary at this call. `this`: the receiver bound to `self`, for what
        the method returns only; its sinks through `self` are not applied, since an object's
        value is every argument of its constructor at once (one tainted field would make every
        `self.x` in a sink a report)."""
        # `self.f(x)` passes x as parameter 1, unless f is a static method (no `self`)
        bound = _bind(summary.params, args, 1 if isinstance(node.func, ast.Attribute)
                      and summary.params[:1] in (("self",), ("cls",)) else 0)  # fmt: skip
        into = self.step(node, f"passed to {dotted(node.func) or 'call'}()")
        for index, value in bound.items():
            for code, sink_node, pflow, statement in summary.sinks.get(index, ()):
                sinkset = next(s for s in self.sinksets if s.code == code)
                if sinkset.category == "path-traversal":
                    value = path_parts.exposed(value, False)
                for flow in value:
                    self._through(sinkset, sink_node, _chain(flow, into, pflow), statement)
        if this is not None:
            bound[0] = this
        if summary.positions is not None:  # `obj, data = f(...)`: each element apart
            interp.elements[id(node)] = tuple(
                _returned_value(part, bound, into) for part in summary.positions
            )
        return _returned_value(summary.returns, bound, into)

    def _through(self, sinkset: SinkSet, node: ast.AST, flow: Flow,
                 statement: Lines | None) -> None:  # fmt: skip
        """A flow reached a sink inside a callee: the callee's sink step is already on it."""
        if not flow.applies_to(sinkset.category):
            return
        if flow.origin == "param":
            self.current.record(sinkset.code, node, flow, statement)
        elif flow.origin == "source" and self.reporting:
            self._source_reaches(sinkset, node, flow, statement)
        elif flow.origin == "source":
            self._would_report()

    def _would_report(self) -> None:
        """Reporting would report something in the unit at hand (`run`)."""
        if self.unit is not None:
            self.would_report.add(self.unit.key)

    # -- driving -------------------------------------------------------------------------
    def run(self, report: bool = True) -> None:
        """Summaries to a fixed point, then (if `report`) once more, reporting."""
        units = list(units_of(self.body))
        self.units = {unit.key: unit for unit in units}
        converged = False
        for _ in range(MAX_ROUNDS):
            before = self._signature()
            self.would_report = set()
            globals_env = self._analyze_all(units)
            if self._signature() == before:
                converged = True
                break
        if not report:
            return
        self.reporting = True
        # A converged round read the summaries the reporting round reads: a unit that reached
        # no sink there reports nothing now (flask's cli.py: 3 units of 30).
        if converged:
            units = [u for u in units if u.node is None or u.key in self.would_report]
        self._analyze_all(units, globals_env)

    def _signature(self) -> tuple[object, ...]:
        """What a round may change that another round would read: summaries, session stores."""
        stored = {k: frozenset((f.label, f.cleared) for f in v) for k, v in self.sessions.items()}
        return ({k: s.signature() for k, s in self.summaries.items()}, stored)

    def session_stored(self, key: str) -> Value:
        return self.sessions.get(key, CLEAN)

    def store_session(self, key: str, value: Value) -> None:
        self.sessions[key] = join(self.sessions.get(key, CLEAN), value)

    def _analyze_all(self, units: list[Unit], globals_env: Env | None = None) -> Env:
        types: dict[str, str] = {}
        module_env: Env = {}
        self.in_context = {}  # the summaries they were built from may have changed
        for unit in units:
            self.unit = unit
            self.current = Summary()
            if unit.node is None:
                self.route = False
                interp = Interpreter(self, {}, {}, types)
                interp.run([s for s in self.body
                            if not isinstance(s, (*_FUNCTIONS, ast.ClassDef))])  # fmt: skip
                module_env = interp.env
                self.module_env, self.module_types = globals_env or module_env, types
                continue
            self._analyze_function(unit, unit.node, globals_env or module_env, types)
        return module_env

    def _analyze_function(self, unit: Unit, func: Function, globals_env: Env,
                          types: Mapping[str, str], flags: Mapping[str, bool] | None = None,
                          *, keep: bool = True) -> None:  # fmt: skip
        """`flags`: constant booleans its caller passed (a call context, summarized apart:
        `keep=False` leaves the unit's own summary alone)."""
        def resolve(expr: ast.expr) -> str:
            found, _ = self._names(expr)
            return sorted(found, key=len)[0] if found else dotted(expr)

        special = untrusted_params(func, resolve, self.web_module, self.called,
                                   self.helper_module, self.flask_module)  # fmt: skip
        if unit.owner and not self._may_be_view():
            # a mixin of no view's: its handler-named methods are called by its own code
            # (a mixin's `dispatch(self, request, *args, **kwargs)` still passes a view's on)
            kwargs = func.args.kwarg.arg if func.args.kwarg is not None else ""
            for name, (flow, _) in list(special.items()):
                if flow is not None and flow.label == f"view parameter {name}" and name != kwargs:
                    del special[name]
        if self.project is not None:
            captures = [n for n, (f, _) in special.items()
                        if f is not None and f.label.startswith("view parameter")]  # fmt: skip
            # every URLconf route to the view (a class-based view's, by its class) fills these
            # with harmless text
            view = unit.owner or func.name
            if captures and not unit.owner and self.project.unrouted_module():
                for name in captures:  # a helper of views elsewhere: its callers' values
                    del special[name]
                captures = []
            for name in self.project.routed_params(view, captures) if captures else ():
                special[name] = (None, False)
            for name in self.project.routed_segments(view, captures) if captures else ():
                flow = special[name][0]
                if flow is not None:  # no "/" in it (`flows.SEGMENT`)
                    special[name] = (segment_flow(flow.label), False)
        if not self.flask_module:  # FastAPI and its kin validate a parameter against its type
            for param, _ in parameters(func):
                flow, _ = special.get(param.arg, (None, False))
                if (flow is not None and flow.label.startswith("route parameter")
                        and self._enum_typed(param.annotation)):  # fmt: skip
                    special[param.arg] = (None, False)  # one of the enum's members, or a 422
        params = [p for p, _ in parameters(func)]
        if self.requests[0] and self.requests[0] == func.name and not unit.owner:
            for request in self.requests[1]:
                index = int(request) if request.isdigit() else None
                for position, param in enumerate(params):
                    if position == index or param.arg == request:
                        special[param.arg] = (None, True)
        # Starlette calls a `StaticFiles` subclass's `lookup_path` with the request's path
        self.static_lookup = (func.name == STATIC_FILES_LOOKUP
                              and self._bases_say(static_files_class))  # fmt: skip
        self.redirect_return = func.name in RETURNED and self._bases_say(
            lambda base: returns_redirect(base, func.name))
        own = [p for p in params if p.arg not in ("self", "cls")]
        if self.static_lookup and own:
            special[own[0].arg] = (handler_parameter(own[0].arg), False)
        elif (func.name in CLIENT_METHODS and self._bases_say(
                lambda base: client_handler(base, func.name))) or (
                self.web_module and self._exposed(unit, func, resolve)):  # fmt: skip
            # a WebSocket message, a Tornado handler's URL groups (`sources.CLIENT_METHODS`),
            # a CherryPy page handler's parameters (`sources.EXPOSE`): each parameter, `*args`
            # and `**kwargs` too, is the client's
            extras = [a for a in (func.args.vararg, func.args.kwarg) if a is not None]
            for param in (*own, *extras):
                special[param.arg] = (handler_parameter(param.arg), False)
        environ = wsgi_environ(func)
        self.route = any(flow is not None and flow.label.startswith("route") for flow, _ in
                         special.values()) or _has_route(func)  # fmt: skip
        env: Env = {}
        local_types = dict(types)
        for index, param in enumerate(params):
            name = param.arg
            flow, is_request = special.get(name, (None, False))
            if name == environ:
                local_types[name] = ENVIRON  # read key by key (`sources.environ_source`)
                continue
            if is_request:
                local_types[name] = "request"
                continue
            if param.annotation is not None and _class_name(param.annotation):
                # `upload: FileStorage` holds a FileStorage, as `upload = FileStorage(...)` does
                local_types[name] = resolve(param.annotation)
            if flow is None and name in special:
                env[name] = CLEAN
                continue
            if flow is None:
                flow = Flow("param", f"parameter {name}", confidence=Confidence.MEDIUM,
                            param=index)  # fmt: skip
            env[name] = (flow.step(self.step(param, f"{flow.label} of {func.name}()")),)
        for extra in (func.args.vararg, func.args.kwarg):
            # a view's `**kwargs` (its URL's captures), a page handler's `*args`
            flow = special.get(extra.arg, (None, False))[0] if extra is not None else None
            if extra is not None and flow is not None:
                env[extra.arg] = (flow.step(self.step(extra, f"{flow.label} of {func.name}()")),)
        self.current.params = tuple(p.arg for p in params)
        interp = Interpreter(self, env, globals_env, local_types)
        interp.known.update(flags or {})
        interp.run(interp.block(func.body))
        if not keep:
            return
        self.summaries[unit.key] = self.current
        if unit.owner:
            self.summaries[f"{unit.owner}.{func.name}"] = self.current


# A value a framework takes from a method's return: the file a `StaticFiles.lookup_path`
# returns first (`sources.py`), the URL a Django view's `get_success_url()` returns
# (`open_redirect.RETURNED`).
_RETURN_SINK = Sink(frozenset())


def _returns(body: Sequence[ast.stmt]) -> Iterator[ast.Return]:
    """The `return` statements of a function body, not of the functions and classes in it."""
    for statement in body:
        for node in _own_nodes(statement):
            if isinstance(node, ast.Return):
                yield node


def _own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    yield node
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, (*_FUNCTIONS, ast.ClassDef, ast.Lambda)):
            yield from _own_nodes(child)


def _other_content_type(expr: ast.expr) -> bool:
    """A headers dict with a literal Content-Type other than HTML:
    `{"Content-Type": "application/json"}`."""
    if not isinstance(expr, ast.Dict):
        return False
    for key, value in zip(expr.keys, expr.values, strict=True):
        if (
            isinstance(key, ast.Constant)
            and isinstance(key.value, str)
            and key.value.lower() == "content-type"
        ):
            return isinstance(value, ast.Constant) and "html" not in str(value.value).lower()
    return False


def _single_type(node: ast.expr | None) -> ast.expr | None:
    """The one type an annotation allows besides None (`Optional[X]`, `X | None`,
    `Annotated[X, ...]`, `Union[X, None]`); None for any other union."""
    while node is not None:
        if isinstance(node, ast.Subscript):
            base = dotted(node.value).rpartition(".")[2]
            elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if base == "Annotated" and elts:
                node = elts[0]
                continue
            if base in ("Optional", "Union"):
                kept = [e for e in elts if not (isinstance(e, ast.Constant) and e.value is None)]
                node = kept[0] if len(kept) == 1 else None
                continue
            return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            kept = [e for e in (node.left, node.right)
                    if not (isinstance(e, ast.Constant) and e.value is None)]  # fmt: skip
            node = kept[0] if len(kept) == 1 else None
            continue
        return node if dotted(node) else None
    return None


def _exposed_marks(body: Sequence[ast.stmt]) -> Iterator[str]:
    """The names `<name>.exposed = True` marks in `body` (CherryPy's attribute), and "" for a
    class body's own `exposed = True`."""
    for statement in body:
        if not isinstance(statement, ast.Assign) or not (
            isinstance(statement.value, ast.Constant) and statement.value.value is True
        ):
            continue
        for target in statement.targets:
            name = dotted(target)
            if name == "exposed":
                yield ""
            elif name.endswith(".exposed") and name.count(".") == 1:
                yield name.partition(".")[0]


def _has_route(func: Function) -> bool:
    for call in func.decorator_list:
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in ("route", "get", "post", "put", "patch", "delete")
        ):
            return True
    return False


def _unit_key(func: ast.expr) -> str:
    """The unit a call names: `f(...)` -> "f", `self.f(...)` -> "method:f"."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and dotted(func.value) in ("self", "cls"):
        return f"method:{func.attr}"
    return ""


def _class_name(annotation: ast.expr) -> bool:
    return dotted(annotation).rpartition(".")[2][:1].isupper()


def _bind(params: Sequence[str], args: list[tuple[Argument, Value]],
          offset: int) -> dict[int, Value]:  # fmt: skip
    """Parameter index -> the value a call passes it (`offset` 1: `self.f(x)` passes x as
    parameter 1); starred arguments bind nothing known."""
    bound: dict[int, Value] = {}
    position = 0
    for arg, value in args:
        if arg.keyword is not None and arg.keyword in params:
            bound[params.index(arg.keyword)] = value
        elif arg.keyword is None and not arg.star:
            bound[position + offset] = value
            position += 1
    return bound


def _selected(sink: Sink, args: list[tuple[Argument, Value]]) -> Value:
    """The values the call passes where `sink.args` names. `*rest` fills the positions from
    its own on, so it never reaches one an earlier argument filled (`execute(query, *params)`
    binds its parameters); after it, a positional argument may sit at any later position."""
    picked: list[Value] = []
    position = 0
    starred = False
    positions = [p for p in sink.args if isinstance(p, int)]

    def from_here() -> bool:
        return not positions or any(p >= position for p in positions)

    for arg, value in args:
        if arg.keyword is not None:
            if arg.keyword in sink.args:
                picked.append(value)
        elif arg.star == "**":
            picked.append(value)
        elif arg.star:
            if from_here():
                picked.append(value)
            starred = True
        else:
            if position in sink.args or (starred and from_here()):
                picked.append(value)
            position += 1
    return join(*picked)


def _first_answer(names: Iterable[str],
                  ask: Callable[[str], Imported | None]) -> Imported | None:  # fmt: skip
    """The project's first answer about one of the qualified `names` a call resolves to (in
    order: the answer does not depend on a set's order), or None."""
    for name in sorted(names):
        if project_name(name):
            found = ask(name)
            if found is not None:
                return found
    return None


def _raw_read(interp: Interpreter, receiver: ast.expr) -> bool:
    """Is `receiver` a value read as it is from the request's data (`request.data.get("f")`,
    or a name still bound to such a read)? A str, a list, a dict or an uploaded file, never a
    path object: its `.open()` reopens an upload (OpenSlides, holdout14), it has no
    `.read_text()`, so a path method called on it is no path sink."""
    if guards.request_read(receiver):
        return True
    if not isinstance(receiver, ast.Name):
        return False
    prefix = BOUND_READ + receiver.id + AT
    return any(key.startswith(prefix) for key in interp.env)


_CONTAINERS = (ast.Dict, ast.List, ast.DictComp, ast.ListComp)


def _container_names(func: Function | None) -> frozenset[str]:
    """The local names `func` binds only to dicts and lists: each binding an assignment of a
    display or comprehension, or `dict(...)`/`list(...)`, or `+=` of a list display; not a
    parameter, nor a name any other statement binds (an import, `:=`, an `except` name), nor,
    to stay on the safe side, any name stored anywhere in a loop or `with` (its target or its
    body)."""
    if func is None:
        return frozenset()
    params = {a.arg for a in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)}
    good: set[str] = set()
    bad: set[str] = set(params)
    for node in (n for statement in func.body for n in _own_nodes(statement)):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            container = isinstance(value, _CONTAINERS) or (
                isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                and value.func.id in ("dict", "list")
            )  # fmt: skip
            if isinstance(node, ast.AugAssign):
                container = isinstance(value, ast.List) and isinstance(node.op, ast.Add)
            for target in targets:
                if isinstance(target, ast.Name):
                    (good if container else bad).add(target.id)
                else:
                    bad.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name)
                               and isinstance(n.ctx, ast.Store))  # fmt: skip
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.NamedExpr,
                               ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal,
                               ast.ExceptHandler)):  # fmt: skip
            bad.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name)
                       and isinstance(n.ctx, ast.Store))  # fmt: skip
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                bad.update(node.names)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                bad.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                bad.add(node.name)
    return frozenset(good - bad)


def _returned_value(returns: Value, bound: dict[int, Value], into: TraceStep) -> Value:
    """What a callee returns at a call: its parameters' flows carry the arguments bound to
    them (`into` names the call), any other flow stays as it is."""
    out: list[Value] = []
    for rflow in returns:
        if rflow.origin != "param":
            out.append((rflow,))
        elif rflow.param in bound:
            out.append(tuple(_chain(f, into, rflow) for f in bound[rflow.param]))
    return join(*out)


def _chain(flow: Flow, into: TraceStep, inner: Flow) -> Flow:
    """`flow` passed into a callee whose parameter then travelled as `inner`."""
    if inner.prefixed:  # the callee put text before it: the argument's relative start is gone
        (flow,) = unanchor((flow,))
    steps = flow.step(into).steps + inner.steps
    if len(steps) > 10:
        steps = steps[:3] + steps[-7:]
    joined = replace(
        flow,
        steps=steps,
        cleared=flow.cleared | inner.cleared,
        built=flow.built or inner.built,
        opaque=flow.opaque or inner.opaque,
        crossed=flow.crossed or inner.crossed,
        prefixed=flow.prefixed or inner.prefixed,
        exposed=flow.exposed or inner.exposed,
    )
    if inner.only is not None:
        joined = replace(joined, only=inner.only if flow.only is None else flow.only & inner.only)
    return joined


_INSTANCE = frozenset({"parameter self", "parameter cls"})


def unknown_reported(sink: Sink, flow: Flow) -> bool:
    """Is a value of unknown origin (a parameter, an opaque call) worth reporting here?"""
    return sink.unknown == "any" or (sink.unknown == "built" and flow.built)
