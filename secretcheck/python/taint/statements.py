"""Statement execution for the taint interpreter: the state it carries and how statements change it.

`Statements` holds what one pass over a function body knows (the env of access paths to
`Value`s, the names' types, guard predicates, the constant flags of the call context) and runs
statements over it: assignments bind, branches copy the env and join it where they meet, loops
run their body twice, guards (`guards.py`) clear what a test proved. Evaluating an expression
and reading where a URL starts are the layers above (`url_start.UrlStart`, then
`interp.Interpreter`); kept apart so that each reads alone, this layer reaches them only
through the abstract `eval`, `own_site` and `fixed_start`.
"""

from __future__ import annotations

import ast
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, cast

from secretcheck.findings import TraceStep
from secretcheck.python.astsyntax import TRY_NODES, Argument, const_text, dotted, paths_in
from secretcheck.python.taint import archive_checks, contexts, guards, locations, query, sessions
from secretcheck.python.taint.flows import (
    ALL_CATEGORIES,
    CLEAN,
    CallSite,
    Flow,
    Value,
    add_step,
    built,
    clear,
    join,
    unanchor,
)
from secretcheck.python.taint.sinks.open_redirect import LOCATION_HEADER
from secretcheck.python.taint.sources import ENVIRON, MODULE_REQUESTS, wraps_environ

if TYPE_CHECKING:  # the engine's callbacks receive the whole interpreter, the top layer
    from secretcheck.python.taint.interp import Interpreter

Env = dict[str, Value]
Lines = tuple[int, int]  # first and last line of a statement (semicolons make one line)
COMPOUND = (
    ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, *TRY_NODES,
    ast.Match, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
)  # fmt: skip
_NO_ARGS = ast.Call(ast.Name("_"), [], [])
# The env key marking a name that holds a URL on this site (`locations.py`); kept in the env so
# that branches and loops join it (a name is such a URL after a join only if on every path).
OWN_SITE_KEY = "\0own-site:"
# The env key marking a name bound to text that starts with a fixed scheme and host or a local
# path (`calls.SAFE_LOCATION_PREFIX`): `route = "/app/popup/{}".format(kind)`. Whatever follows
# it (`f"{route}/{value}"`) stays on that host. Joined like `OWN_SITE_KEY`. A "/" then a
# replacement field ("/{}".format(v), "/%s" % v) does not count: it is "/" alone, and v = "/evil"
# makes "//evil".
FIXED_START_KEY = "\0fixed-start:"
# Loops nested deeper than this run their body once (`Statements._loop`).
MAX_LOOP_DEPTH = 3
# The env key marking a name bound to this site's root URL with its trailing "/" stripped
# (`root = str(request.base_url).rstrip("/")`): followed by a "/" it stays on this site.
STRIPPED_ROOT_KEY = "\0stripped-root:"
# A name bound to a read of the request's data under a constant key:
# `BOUND_READ + "fil" + AT + "request.GET['file']"`.
BOUND_READ = "\0bound-read:"
# What a form built on the request's data will prove once valid (`forms.py`), recorded where
# it is built, on that path: `FORM_PROOF + "fil" + AT + "form"` for a name bound to a read of
# one of its fields, `FORM_PROOF + READ + "request.GET['file']" + AT + "form"` for the read
# itself; the value's flows are cleared for what the field's checks prove. After a join, what
# every path's form proved holds (MobSF builds one form on `request.POST`, another on
# `request.GET`, each beside its own reads).
FORM_PROOF = "\0form-proof:"
READ = "\0read:"
# Calls that return an instance of the model class they are given first.
_MODEL_LOOKUPS = frozenset({"django.shortcuts.get_object_or_404"})
# kept after a join only if set on every path
MARKS = (OWN_SITE_KEY, FIXED_START_KEY, STRIPPED_ROOT_KEY, guards.CHECKED_READ, guards.HAS_QUERY,
         guards.NORMALIZED, guards.FOLDER, BOUND_READ, FORM_PROOF)  # fmt: skip
# Stores under a constant key (`session["user"] = value`), kept per key so that reading another
# key (`session.get("next")`) does not see them: `KEYED + "d"` holds what every key of d may
# hold besides those stores (d before its first one, and stores under other keys), and
# `KEYED + "d" + AT + "user"` what was last stored under "user". `env["d"]` still joins every
# store, so any use of the whole mapping (iteration, `.items()`, `**d`, passing it) sees them.
# The first entry is kept after a join only if set on every path (a path that stored under a
# computed key holds no such entry), else reads fall back to `env["d"]`.
KEYED = "\0keyed:"
AT = "\0["
# The elements of a tuple a name holds, by position (`x = (obj, data)`, `x = f()` where every
# tuple f returns has that shape): `POSITIONS + "x"` says they are known, `POSITIONS + "x" + AT
# + "0"` holds the first; `a, b = x` then binds each its own. Kept after a join only if every
# path knew them, like `KEYED`.
POSITIONS = "\0positions:"


class Host(Protocol):
    """What the interpreter needs from the engine that drives it."""

    web_module: bool
    self_request: bool  # is `self.request` the request (a view's method, or a mixin's)?

    def names(self, node: ast.AST) -> tuple[frozenset[str], bool]: ...
    def step(self, node: ast.AST, note: str) -> TraceStep: ...
    def call(self, interp: Interpreter, node: ast.Call, site: CallSite,
             args: list[tuple[Argument, Value]], receiver: Value) -> Value | None: ...  # fmt: skip
    def returned(self, interp: Interpreter, node: ast.Return, value: Value) -> None: ...
    def header_set(self, interp: Interpreter, node: ast.expr, value: Value) -> None: ...
    def known_name(self, name: str) -> bool: ...
    def is_class(self, name: str) -> bool: ...
    def constant_text(self, name: str) -> str | None: ...
    def is_enum(self, name: str) -> bool: ...
    def proves(self, call: ast.Call, given: Callable[[], bool],
               normalized: Callable[[ast.expr], bool] | None = None) -> guards.Facts: ...
    def returns_facts(self, call: ast.Call, given: Callable[[], bool],
                      normalized: Callable[[ast.expr], bool] | None = None,
                      ) -> guards.Facts: ...  # fmt: skip
    def form_fields(self, kind: str) -> Mapping[str, frozenset[str]]: ...
    def returned_kinds(self, function: str) -> tuple[str, ...]: ...
    def url_arguments(self, attribute: str) -> bool: ...
    def http_handler(self) -> bool: ...
    def option_is_checked(self, name: str) -> bool: ...
    def inline(self, body: Sequence[ast.stmt]) -> bool: ...
    def pieces(self, node: ast.JoinedStr) -> list[list[ast.expr] | None] | None: ...
    def session_stored(self, key: str) -> Value: ...
    def store_session(self, key: str, value: Value) -> None: ...


def _headers_mapping(node: ast.expr) -> bool:
    """`response.headers` or a dict named `headers`: where the held-out samples set Location
    for a 201 Created answer or a proxy's rewrite (4 of 4 such alerts false), unlike Django's
    `response["Location"] = url`, its hand-made redirect."""
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return name == "headers"


class Statements(ABC):
    """The interpreter's state and statement execution; `interp.Interpreter` is the class to use."""

    def __init__(self, host: Host, env: Env, globals_env: Env, types: dict[str, str]) -> None:
        self.host = host
        self.env = env
        self.globals = globals_env
        self.types = types  # local name -> what it holds: "request" or a constructor's name
        self.derived: dict[str, set[str]] = {}
        self.checked_reads = False  # has a guard marked a read of the request's data?
        self.forms_built = False  # has a form been built here (`FORM_PROOF`)?
        # `ok = url_has_allowed_host_and_scheme(url, ...)`: the test, for a later `if ok` or
        # `url if ok else ""`.
        self.predicates: dict[str, ast.expr] = {}
        self.macs: dict[str, ast.expr] = {}  # `h = hmac.new(key, url, ...).hexdigest()`
        self.choices: dict[str, ast.expr] = {}  # `sep = "&" if "?" in url else "?"`
        self.relpaths: dict[str, ast.expr] = {}  # `rel = os.path.relpath(full, ROOT)`
        self.discarded: ast.expr | None = None  # a statement's own expression, while evaluated
        self.loop_depth = 0  # loops around the statement being run (`_loop`)
        self.sequences: set[str] = set()
        self.strings: set[str] = set()
        self.statement: Lines | None = None
        self.unescaping: ast.expr | None = None  # X in `X.unescape()`, while X is evaluated
        # Parameters the caller passed a constant boolean to (`contexts.py`), until rebound.
        self.known: dict[str, bool] = {}
        # `fixed_head` of the `+` / `%` nodes of the statement being run, by id: each level of
        # a long `a + b + ...` chain asks for its own (the same within one statement).
        self.heads: dict[int, tuple[str, bool]] = {}
        self.operations: dict[int, ast.BinOp] = {}  # `_as_operation`
        # Per tuple, list or call node evaluated: the elements of the tuple it gives (a
        # literal's, or what `engine.Summary.positions` says a call returns).
        self.elements: dict[int, tuple[Value, ...]] = {}
        self.extensions: set[int] = set()  # `os.path.splitext()` calls (`path_parts.py`)
        # Names bound to a form built on the request's data, with that data's expression
        # (`form = F(request.POST)`): `form.cleaned_data["k"]` reads it (`interp.py`).
        self.form_data: dict[str, ast.expr] = {}
        # Operands a literal template writes inside a double-quoted HTML attribute, by id
        # (`markup.py`), filled as each template is evaluated, before its operands.
        self.in_attribute: set[int] = set()

    @abstractmethod
    def eval(self, node: ast.expr) -> Value:
        """The taint of an expression (`interp.Interpreter`)."""

    @abstractmethod
    def own_site(self, node: ast.expr) -> bool:
        """Does this expression start with this request's own root (`url_start.UrlStart`)?"""

    @abstractmethod
    def stripped_root(self, node: ast.expr) -> bool:
        """Is this this site's root URL with its trailing "/" stripped (`url_start.UrlStart`)?"""

    @abstractmethod
    def fixed_start(self, node: ast.expr) -> bool:
        """Does this text start with a fixed host or a local path (`url_start.UrlStart`)?"""

    @abstractmethod
    def located_operation(self, node: ast.BinOp, value: Value) -> Value:
        """`value`, built by `a + b`, confined where its start pins the site
        (`url_start.UrlStart`)."""

    def kind(self, node: ast.expr) -> str:
        if isinstance(node, ast.Name):
            return self.types.get(node.id, "")
        if self.host.self_request and dotted(node) == "self.request":
            return "request"
        return ""

    def tainted(self, node: ast.expr) -> bool:
        return any(f.origin != "unknown" for f in self.eval(node))

    def bind(self, target: ast.expr, value: Value, where: ast.AST,
             parts: tuple[Value, ...] | None = None) -> None:  # fmt: skip
        """Bind `value` to `target`; `parts`: its elements, when known (`positions`)."""
        if isinstance(target, (ast.Tuple, ast.List)):
            if (parts is not None and len(parts) == len(target.elts)
                    and not any(isinstance(e, ast.Starred) for e in target.elts)):  # fmt: skip
                # `a, b = obj, data`: each its own element
                for element, part in zip(target.elts, parts, strict=True):
                    self.bind(element, part, where)
                return
            for element in target.elts:
                self.bind(element, value, where)
            return
        if isinstance(target, ast.Starred):
            self.bind(target.value, value, where)
            return
        if isinstance(target, ast.Subscript):  # d[k] = v: d now holds v too
            key = dotted(target.value)
            if key:
                whole = self._lookup(key, target.value)
                self.env[key] = join(whole, value)
                text = const_text(target.slice)
                self._store_keyed(key, text, whole, value)
                if text is not None:
                    self._store_session(target.value, text, value)
            return
        key = dotted(target)
        if not key:
            return
        self.known.pop(key, None)
        self.env[key] = add_step(value, self.host.step(where, f"assigned to {key}"))
        for mark in MARKS:
            self.env.pop(mark + key, None)
        # Its attributes and its stores per key (`KEYED`, and those of its attributes) are gone.
        # One scan; a longer name sharing the prefix ("dx" for "d") loses its stores too, which
        # only sends its reads back to the whole mapping.
        stale_prefixes = (key + ".", KEYED + key, POSITIONS + key, BOUND_READ + key + AT,
                          FORM_PROOF + key + AT)  # fmt: skip
        form = AT + key if self.forms_built else ""  # a form rebound proves nothing more
        stale = [k for k in self.env if k.startswith(stale_prefixes)
                 or (form and k.startswith(FORM_PROOF) and k.endswith(form))]  # fmt: skip
        for name in stale:
            del self.env[name]

    def positions(self, node: ast.expr) -> tuple[Value, ...] | None:
        """The elements of the tuple `node` gives, when known: a tuple literal, a name that
        holds one (`POSITIONS`), a call whose summary knows them."""
        if isinstance(node, (ast.Tuple, ast.List, ast.Call)):
            return self.elements.get(id(node))  # recorded when it was evaluated
        key = dotted(node)
        if not key or POSITIONS + key not in self.env:
            return None
        parts: list[Value] = []
        while POSITIONS + key + AT + str(len(parts)) in self.env:
            parts.append(self.env[POSITIONS + key + AT + str(len(parts))])
        return tuple(parts)

    def _store_positions(self, key: str, parts: tuple[Value, ...]) -> None:
        self.env[POSITIONS + key] = CLEAN
        for index, part in enumerate(parts):
            self.env[POSITIONS + key + AT + str(index)] = part

    def _store_keyed(self, key: str, text: str | None, whole: Value, value: Value) -> None:
        """Record `key[text] = value` per key (see `KEYED`); a store under a computed key
        (`text` None) may be under any key, so it joins what every key holds."""
        rest = KEYED + key
        if text is None:
            if rest in self.env:
                self.env[rest] = join(self.env[rest], value)
            return
        if rest not in self.env:
            self.env[rest] = whole
        self.env[rest + AT + text] = value

    def session(self, node: ast.expr) -> bool:
        """Is `node` the user's session (`sessions.py`)? The text test first: most mappings
        are no session, and resolving names costs more."""
        if not dotted(node).endswith("session"):
            return False
        owner = node.value if isinstance(node, ast.Attribute) else None
        request_owner = owner is not None and (
            self.kind(owner) == "request"
            or not self.host.names(owner)[0].isdisjoint(MODULE_REQUESTS)
        )
        return sessions.is_session(node, request_owner, self.host.names(node)[0])

    def _store_session(self, mapping: ast.expr, key: str, value: Value) -> None:
        """`session["next"] = request.GET["next"]`: a later request reads the sender's text."""
        stored = sessions.stored_value(value)
        if stored and self.session(mapping):
            note = sessions.store_note(mapping, key)
            self.host.store_session(key, add_step(stored, self.host.step(mapping, note)))

    def _lookup(self, key: str, node: ast.expr) -> Value:
        return self.env[key] if key in self.env else self.eval(node)

    def run(self, statements: Sequence[ast.stmt]) -> None:
        for statement, lines in zip(statements, _line_groups(statements), strict=True):
            self.heads.clear()  # a name bound since may shadow a constant (`fixed_head`)
            if lines is None:
                self.execute(statement)
            else:
                self.statement = lines
                self.small(statement)

    def block(self, body: Sequence[ast.stmt]) -> Sequence[ast.stmt]:
        """The statements of a block that run. A body written on its header's line
        (`if not ok: return`) is read for its exits only, as the libcst engine did."""
        return () if self.host.inline(body) else body

    def execute(self, node: ast.stmt) -> None:
        handler = getattr(self, f"_exec_{type(node).__name__}", None)
        if handler is not None:
            handler(node)

    def small(self, node: ast.stmt) -> None:
        if isinstance(node, ast.Assign):
            # `rel = full.relative_to(BASE)`: what returning proves holds of what it returns
            self._assert_returned(node.value)
            value = self.eval(node.value)
            if value:
                for target in node.targets:
                    if (isinstance(target, ast.Subscript)
                            and (const_text(target.slice) or "").lower() == LOCATION_HEADER
                            and not _headers_mapping(target.value)):  # fmt: skip
                        # `response["Location"] = url`: a redirect made by hand
                        self.host.header_set(cast("Interpreter", self), node.value, value)
            # `path = rel_path(name)`: what returning proved of `name`; `path` is the value
            # returned, whose flows the call's summary gave
            self._call_returned(node.value)
            parts = self.positions(node.value)
            names = paths_in(node.value)
            # what the text is, read before binding (`url = url + path`)
            marks = [mark for mark, holds in (
                (OWN_SITE_KEY, self.own_site), (FIXED_START_KEY, self.fixed_start),
                (guards.HAS_QUERY, self.holds_query), (STRIPPED_ROOT_KEY, self.stripped_root),
                (guards.NORMALIZED, guards.normalizes), (guards.FOLDER, self.folder_text),
            ) if holds(node.value)]  # fmt: skip
            for target in node.targets:
                self.bind(target, value, node, parts)
                self.derived[dotted(target)] = set(names)
                # a list may change in place (`x[0] = v`); a tuple keeps its elements
                if parts is not None and dotted(target) and not isinstance(node.value, ast.List):
                    self._store_positions(dotted(target), parts)
            self._type_of(node.targets[0], node.value)
            self.apply(guards.lookup(node.value, self.tainted))
            first = node.targets[0]
            for target in node.targets:
                for mark in marks if dotted(target) else ():
                    self.env[mark + dotted(target)] = CLEAN
            if isinstance(first, ast.Name):
                assigned = node.value
                predicate = isinstance(assigned, ast.Call) and any(self.facts(assigned))
                mac = bool(guards.signed(assigned, self.tainted))
                for store, holds in ((self.predicates, predicate), (self.macs, mac),
                                     (self.choices, _literal_choice(assigned)),
                                     (self.relpaths, guards.is_relpath(assigned))):  # fmt: skip
                    if holds:
                        store[first.id] = assigned
                    else:
                        store.pop(first.id, None)
                site = CallSite(_NO_ARGS, frozenset(), frozenset(self.sequences),
                                frozenset(self.strings))  # fmt: skip
                if site.is_sequence(node.value):
                    self.sequences.add(first.id)
                else:
                    self.sequences.discard(first.id)
                if site.is_text(node.value):
                    self.strings.add(first.id)
                else:
                    self.strings.discard(first.id)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self._assert_returned(node.value)
            self.bind(node.target, self.eval(node.value), node)
            self._type_of(node.target, node.value)
        elif isinstance(node, ast.AugAssign):
            key = dotted(node.target)
            adding = isinstance(node.op, ast.Add)
            had_query = adding and self.holds_query(node.target)
            added = self.eval(node.value)
            if adding:  # text after the target's: a relative start no longer starts the URL
                added = unanchor(added)
            if had_query:  # url += "&next=" + value, once url holds a "?"
                added = query.in_query(added)
            value = built(join(self.eval(node.target), added))
            if adding and self.own_site(node.target):
                value = clear(value, locations.REDIRECT)  # url += "?" + query: still here
            elif adding and self.fixed_start(node.target):
                # `url = "/project/figures"`, then `url += "/" + name`: read as `url + ...`
                value = self.located_operation(self._as_operation(node), value)
            if key:
                self.env[key] = add_step(value, self.host.step(node, f"appended to {key}"))
                if had_query or (adding and self.holds_query(node.value)):
                    self.env[guards.HAS_QUERY + key] = CLEAN
                else:  # `url %= ...`, `url *= 2`: not text grown at its end
                    self.env.pop(guards.HAS_QUERY + key, None)
                for stale in [k for k in self.env if k.startswith((KEYED + key, POSITIONS + key))]:
                    del self.env[stale]  # `d |= other`: other's keys too (see `bind`)
        elif isinstance(node, ast.Expr):
            self.discarded = node.value
            try:
                self.eval(node.value)
            finally:
                self.discarded = None
            self._assert_returned(node.value)
            self._call_returned(node.value)
        elif isinstance(node, ast.Return) and node.value is not None:
            # Statements is abstract: the instance running is always an `Interpreter`.
            self.host.returned(cast("Interpreter", self), node, self.eval(node.value))
        elif isinstance(node, ast.Raise) and node.exc is not None:
            self.eval(node.exc)
        elif isinstance(node, ast.Assert):
            yes, _ = self.facts(node.test)
            self.apply(yes)

    def _as_operation(self, node: ast.AugAssign) -> ast.BinOp:
        """`a += b` as `a + b`, made once per statement: `fixed_head` keeps its answers by the
        node's id, which a node made anew each time could share with a freed one."""
        made = self.operations.get(id(node))
        if made is None:
            target = ast.Name(node.target.id, ast.Load()) if isinstance(
                node.target, ast.Name) else node.target  # fmt: skip
            made = self.operations[id(node)] = ast.BinOp(target, node.op, node.value)
        return made

    def _assert_returned(self, value: ast.expr) -> None:
        """`full.relative_to(BASE)` returned, so it did not raise: what its predicate twin
        proves holds from here on (`guards.asserted`); in a `try` whose handlers all leave,
        after the `try` too (`_exec_Try`)."""
        test = guards.asserted(value)
        if test is not None:
            self.apply(self.facts(test)[0])
        for key in guards.record_key(value, raising=True):
            if dotted(key):
                self.apply(guards.mark(key, ALL_CATEGORIES))

    def _call_returned(self, value: ast.expr) -> None:
        """`check_path(name)` returned, so it did not raise: what a check of this module proves
        of its arguments by returning holds from here on (`Host.returns_facts`)."""
        if isinstance(value, ast.Call):
            given = [*value.args, *(k.value for k in value.keywords)]
            self.apply(self.host.returns_facts(value, lambda: any(self.tainted(a) for a in given),
                                               self.normalized_path))  # fmt: skip

    def _type_of(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Name):
            read = guards.request_read(value)
            if read:
                self.env[BOUND_READ + target.id + AT + read] = CLEAN
            self.form_data.pop(target.id, None)
            data = _form_data(value)
            if data and isinstance(value, ast.Call):
                self._form_built(target.id, value, data)
                data_node = _form_data_node(value)
                func = value.func
                # A form class the code names (imported, or of this module), whose fields
                # `forms.py` can read; not one a parameter passes (`form_class=AddForm`).
                known = any("<locals>" not in n for n in self.host.names(func)[0]) or (
                    isinstance(func, ast.Name) and self.host.is_class(func.id))
                if data_node is not None and known:
                    self.form_data[target.id] = data_node
        if isinstance(target, ast.Name) and isinstance(value, ast.Call):
            names, _ = self.host.names(value.func)
            if names & _MODEL_LOOKUPS and value.args:
                # `page = get_object_or_404(Page, slug=slug)`: an instance of the model class
                # (holdout28's waliki then calls `page.move(new_slug)`)
                names, _ = self.host.names(value.args[0])
            if wraps_environ(names) and any(self.kind(a) == ENVIRON for a in value.args[:1]):
                self.types[target.id] = "request"  # `Request(environ)`: this request's object
            elif names:
                self.types[target.id] = sorted(names, key=len)[0]
        elif (isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, ast.Call)
              and isinstance(value.func, ast.Name)):  # fmt: skip
            # `args, controller = create_controller()` (FastChat): what each position of the
            # tuple this module's function returns holds
            kinds = self.host.returned_kinds(value.func.id)
            if len(kinds) == len(target.elts):
                for element, kind in zip(target.elts, kinds, strict=True):
                    if kind and isinstance(element, ast.Name):
                        self.types[element.id] = kind

    def facts(self, test: ast.expr) -> tuple[guards.Facts, guards.Facts]:
        """`guards.facts` of `test` here: with this module's patterns and validators, and what
        a valid form proves (`forms.py`)."""
        return guards.facts(test, self.tainted, self.normalized, pattern=self.host.constant_text,
                            proves=self._proves, folders=self.folder)  # fmt: skip

    def _form_built(self, form: str, value: ast.Call, data: str) -> None:
        """`form = F(request.GET)`: record what it proves once valid (`FORM_PROOF`)."""
        self.forms_built = True
        names, _ = self.host.names(value.func)
        # an imported class by its qualified name; one of this module by its own
        kind = sorted(names, key=len)[0] if names else dotted(value.func)
        fields = self.host.form_fields(kind) if kind else {}
        for field, cats in fields.items():
            proof: Value = (Flow("unknown", "form field", cleared=cats),)
            reads = (f"{data}[{field!r}]", f"{data}.get({field!r})")
            for read in reads:
                self.env[FORM_PROOF + READ + read + AT + form] = proof
            for key in [k for k in self.env if k.startswith(BOUND_READ) and k.endswith(reads)]:
                name, _, read = key[len(BOUND_READ) :].partition(AT)
                if read in reads:
                    self.env[FORM_PROOF + name + AT + form] = proof

    def _proves(self, call: ast.Call) -> guards.Facts:
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "is_valid" and not call.args
                and isinstance(func.value, ast.Name)):  # fmt: skip
            # only a call given attacker data can prove anything worth knowing: a validator
            # of another module is parsed to be read, so it is not looked up for the others
            given = [*call.args, *(k.value for k in call.keywords)]
            return self.host.proves(call, lambda: any(self.tainted(a) for a in given),
                                    self.normalized_path)  # fmt: skip
        form = AT + func.value.id
        found: guards.Facts = {}
        for key, proof in self.env.items():
            if not (key.startswith(FORM_PROOF) and key.endswith(form)) or not proof:
                continue
            # joined paths each built a form: what all of them proved
            cats = frozenset.intersection(*(f.cleared for f in proof))
            what = key[len(FORM_PROOF) : -len(form)]
            found[guards.CHECKED_READ + what.removeprefix(READ) if what.startswith(READ)
                  else what] = cats  # fmt: skip
        return found

    def predicate(self, test: ast.expr) -> ast.expr:
        """The validating expression behind a name that holds its result."""
        if isinstance(test, ast.Name) and test.id in self.predicates:
            return self.predicates[test.id]
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self.predicate(test.operand)
            if inner is not test.operand:
                return ast.UnaryOp(ast.Not(), inner)
        if (isinstance(test, ast.Compare) and len(test.ops) == 1
                and isinstance(test.ops[0], (ast.Is, ast.IsNot))
                and isinstance(test.left, ast.Name) and test.left.id in self.predicates
                and guards.record_key(self.predicates[test.left.id])):  # fmt: skip
            # `record = Model.query.filter_by(id=v).first()`, then `if record is None:`
            return ast.Compare(self.predicates[test.left.id], test.ops, test.comparators)
        if self.relpaths and isinstance(test, ast.BoolOp):
            values = [self.predicate(v) for v in test.values]
            if any(v is not w for v, w in zip(values, test.values, strict=True)):
                return ast.BoolOp(test.op, values)
        if (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute)
                and isinstance(test.func.value, ast.Name)
                and test.func.value.id in self.relpaths):  # fmt: skip
            # `rel = os.path.relpath(full, ROOT)`, then `if rel.startswith(os.pardir):`
            func = ast.Attribute(self.relpaths[test.func.value.id], test.func.attr, ast.Load())
            return ast.Call(func, test.args, test.keywords)
        if not self.macs:
            return test
        # A MAC held in a name (`h = hmac.new(key, url, ...)`), then checked: `if h != given:`
        # or `compare_digest(h, given)`. The check reads as if written with the MAC in place.
        equality = (ast.Eq, ast.NotEq)
        if isinstance(test, ast.Compare) and all(isinstance(o, equality) for o in test.ops):
            left, right = self._mac(test.left), [self._mac(c) for c in test.comparators]
            return ast.Compare(left, test.ops, right)
        if isinstance(test, ast.Call) and dotted(test.func).endswith("compare_digest"):
            return ast.Call(test.func, [self._mac(a) for a in test.args], test.keywords)
        return test

    def marked(self, mark: str, node: ast.expr) -> bool:
        """Is `node` a name or attribute path carrying `mark` (one of `MARKS`)?"""
        key = dotted(node)
        return bool(key) and mark + key in self.env

    def normalized(self, name: str) -> bool:
        """Is `name` bound to a normalized path on every path here (`guards.NORMALIZED`)?"""
        return guards.NORMALIZED + name in self.env

    def normalized_path(self, node: ast.expr) -> bool:
        """Is this expression a normalized path here (`guards.normalized_path`)?"""
        return guards.normalized_path(node, self.normalized)

    def folder(self, name: str) -> bool:
        """Is `name` bound to text ending with a separator on every path here (`guards.FOLDER`)?"""
        return guards.FOLDER + name in self.env

    def folder_text(self, node: ast.expr) -> bool:
        return guards.ends_with_separator(node, self.folder, self.host.constant_text)

    def holds_query(self, node: ast.expr) -> bool:
        """Does this text hold a `?` or `#` (`query.holds_query`, `guards.HAS_QUERY`)?"""
        return query.holds_query(node, self.query_name)

    def query_name(self, node: ast.expr) -> bool:
        return self.marked(guards.HAS_QUERY, node)

    def choice(self, node: ast.expr) -> ast.expr:
        """The literal choice a name holds (`sep = "&" if "?" in url else "?"`), else `node`."""
        return self.choices.get(node.id, node) if isinstance(node, ast.Name) else node

    def _mac(self, node: ast.expr) -> ast.expr:
        return self.macs.get(node.id, node) if isinstance(node, ast.Name) else node

    def apply(self, facts: guards.Facts) -> None:
        for key, cats in facts.items():
            if key.startswith(guards.HAS_QUERY):
                self.env[key] = CLEAN
                continue
            if key.startswith(guards.CHECKED_READ):  # see `Interpreter._checked_read`
                self.checked_reads = True
                held = self.env.get(key, ())
                self.env[key] = (Flow("unknown", "checked read",
                                      cleared=cats.union(*(f.cleared for f in held))),)  # fmt: skip
                continue
            for name in (key, *self.derived.get(key, ())):
                if name in self.env:
                    self.env[name] = clear(self.env[name], cats)
                elif name in self.globals:
                    self.env[name] = clear(self.globals[name], cats)
                if KEYED + name in self.env:  # `is_safe(d["next"])` checked what d holds
                    for k in [k for k in self.env if k.startswith(KEYED + name + AT)]:
                        self.env[k] = clear(self.env[k], cats)
                    self.env[KEYED + name] = clear(self.env[KEYED + name], cats)

    def branch(self, body: Sequence[ast.stmt], facts: guards.Facts) -> Env:
        saved = self.env
        self.env = dict(saved)
        self.apply(facts)
        self.run(body)
        result, self.env = self.env, saved
        return result

    def merge(self, *envs: Env) -> None:
        keys = {k for env in envs for k in env}
        keys = {k for k in keys if not _joined_if_everywhere(k) or all(k in e for e in envs)}
        self.env = {k: join(*(env[k] for env in envs if k in env)) for k in keys}

    def decided(self, test: ast.expr) -> bool | None:
        """The outcome of a test on a flag the caller passed as a constant, if it is one."""
        flag = contexts.flag_test(test)
        if flag is None or flag[0] not in self.known:
            return None
        return self.known[flag[0]] == flag[1]

    def _exec_If(self, node: ast.If) -> None:
        self.eval(node.test)
        decided = self.decided(node.test)
        if decided is not None:  # the other branch does not run in this call context
            self.run(self.block(node.body if decided else node.orelse))
            return
        yes, no = self.facts(self.predicate(node.test))
        then_env = self.branch(self.block(node.body), yes)
        else_env = self.branch(self.block(node.orelse), no)
        then_exits = guards.exits(node.body)
        else_exits = bool(node.orelse) and guards.exits(node.orelse)
        if then_exits and not else_exits:
            self.env = else_env
        elif else_exits and not then_exits:
            self.env = then_env
        else:
            self.merge(then_env, else_env)
        self._members_checked(node)

    def _members_checked(self, node: ast.If | ast.For) -> None:
        """Past a check of every member of an archive, its extraction stays in its folder."""
        archive = archive_checks.checked_archive(node, self.tainted)
        if archive in self.env:  # the archive only: the path it was opened from is unchecked
            self.env[archive] = clear(self.env[archive], (archive_checks.CATEGORY,))

    def _loop(self, node: ast.For | ast.AsyncFor | ast.While) -> None:
        """The body twice, so that what one iteration binds reaches the next one's reads;
        inside `MAX_LOOP_DEPTH` loops already, once: nested loops each run twice would run the
        innermost body 2**depth times (a fuzzed module of ten nested loops took 20 s)."""
        before = dict(self.env)
        self.loop_depth += 1
        try:
            for _ in range(2 if self.loop_depth <= MAX_LOOP_DEPTH else 1):
                if isinstance(node, ast.While):
                    self.eval(node.test)
                else:
                    self.bind(node.target, self.eval(node.iter), node)
                self.run(self.block(node.body))
        finally:
            self.loop_depth -= 1
        self.merge(before, self.env)
        if node.orelse:
            self.run(self.block(node.orelse))
        if isinstance(node, ast.For):
            self._members_checked(node)

    _exec_For = _exec_AsyncFor = _exec_While = _loop

    def _exec_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            value = self.eval(item.context_expr)
            if item.optional_vars is not None:
                self.bind(item.optional_vars, value, item)
                self._type_of(item.optional_vars, item.context_expr)
        self.run(self.block(node.body))

    _exec_AsyncWith = _exec_With

    def _exec_Try(self, node: ast.Try | ast.TryStar) -> None:
        before = dict(self.env)
        self.run(self.block(node.body))
        # `try: app = COMMANDS[name] except KeyError: sys.exit(1)`: when every handler
        # leaves, the code after the try runs only if the whole body did.
        if node.handlers and all(guards.exits(h.body) for h in node.handlers):
            # The handlers still run (their sinks count), from any point of the body; only
            # what they bind goes nowhere.
            body_env = self.env
            self.merge(before, body_env)
            for handler in node.handlers:
                self.branch(self.block(handler.body), {})
            self.env = body_env
            self.run(self.block(node.orelse))
            self.run(self.block(node.finalbody))
            return
        self.merge(before, self.env)
        after = [self.branch(self.block(h.body), {}) for h in node.handlers]
        self.run(self.block(node.orelse))
        self.merge(self.env, *after)
        self.run(self.block(node.finalbody))

    _exec_TryStar = _exec_Try

    def _exec_Match(self, node: ast.Match) -> None:
        self.eval(node.subject)
        envs = [self.branch(self.block(case.body), {}) for case in node.cases]
        self.merge(self.env, *envs)


def _form_data(value: ast.expr) -> str:
    """The request data a form is built on: `F(request.POST)`, `F(request.POST or None)`,
    `F(data=request.GET)`; else ""."""
    data = _form_data_node(value)
    text = dotted(data) if data is not None else ""
    return text if text.startswith(("request.", "self.request.")) else ""


def _form_data_node(value: ast.expr) -> ast.expr | None:
    """The expression of the data a form is built on (see `_form_data`)."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)):
        return None
    given = [*value.args[:1], *(k.value for k in value.keywords if k.arg == "data")]
    if not given:
        return None
    data = given[0]
    if isinstance(data, ast.BoolOp) and isinstance(data.op, ast.Or):
        data = data.values[0]
    return data


def _joined_if_everywhere(key: str) -> bool:
    """Env entries meaning something only if every path set them (`MARKS`, `KEYED`)."""
    return key.startswith(MARKS) or (key.startswith((KEYED, POSITIONS)) and AT not in key)


def _line_groups(statements: Sequence[ast.stmt]) -> list[Lines | None]:
    """(first, last line) of the simple statements sharing each one's line (`a = 1; b = f(a)`
    is one statement for the reports, as libcst's `SimpleStatementLine`); None for compound
    statements."""
    out: list[Lines | None] = []
    i = 0
    while i < len(statements):
        if isinstance(statements[i], COMPOUND):
            out.append(None)
            i += 1
            continue
        j, end = i, statements[i].end_lineno or statements[i].lineno
        while (
            j + 1 < len(statements)
            and not isinstance(statements[j + 1], COMPOUND)
            and statements[j + 1].lineno == end
        ):
            j += 1
            end = statements[j].end_lineno or statements[j].lineno
        out.extend([(statements[i].lineno, end)] * (j - i + 1))
        i = j + 1
    return out


def _literal_choice(node: ast.expr) -> bool:
    """`"&" if "?" in url else "?"`: one of two literal strings."""
    return (
        isinstance(node, ast.IfExp)
        and const_text(node.body) is not None
        and const_text(node.orelse) is not None
    )
