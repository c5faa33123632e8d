"""The intra-procedural taint interpreter: one pass over a function body, forward.

State is a map from access paths (`query`, `args.name`, `self.path`) to `Value`s, copied at
branches and joined where they meet; loops run their body twice. Calls to functions of the same
file use their summaries (see `summaries.py`), so a helper that returns its argument or passes
it to a sink carries the taint across the call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import libcst as cst

from secretcheck.findings import TraceStep
from secretcheck.python.syntax import const_text, dotted
from secretcheck.python.taint import guards, query
from secretcheck.python.taint.calls import (
    BUILDER_METHODS,
    SAFE_LOCATION_PREFIX,
    method_sanitizer,
    returns_clean,
    sanitizer_categories,
)
from secretcheck.python.taint.flows import (
    CLEAN,
    CallSite,
    Flow,
    Value,
    add_step,
    built,
    clear,
    join,
    unknown,
)
from secretcheck.python.taint.sources import (
    LOCAL_PATH,
    REQUEST_METHODS,
    attribute_source,
    call_source,
    request_attribute,
    source_flow,
)

Env = dict[str, Value]
_LITERALS = (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary, cst.Ellipsis)
_BUILTIN_CONSTANTS = frozenset({"True", "False", "None", "__name__", "__file__"})
# Tornado RequestHandler accessors for query, body, path and cookie values.
_LOCAL_URL_CALLS = frozenset({"reverse", "reverse_lazy", "url_for", "resolve_url"})
_HANDLER_GETTERS = frozenset(
    {"get_argument", "get_arguments", "get_query_argument", "get_query_arguments",
     "get_body_argument", "get_body_arguments", "get_cookie", "get_path_argument"}
)  # fmt: skip


class Host(Protocol):
    """What the interpreter needs from the engine that drives it."""

    web_module: bool

    def names(self, node: cst.CSTNode) -> tuple[frozenset[str], bool]: ...
    def step(self, node: cst.CSTNode, note: str) -> TraceStep: ...
    def call(self, interp: Interpreter, node: cst.Call, site: CallSite,
             args: list[tuple[cst.Arg, Value]], receiver: Value) -> Value | None: ...  # fmt: skip
    def returned(self, interp: Interpreter, node: cst.Return, value: Value) -> None: ...
    def known_name(self, name: str) -> bool: ...
    def is_enum(self, name: str) -> bool: ...
    def option_is_checked(self, name: str) -> bool: ...


class Interpreter:
    def __init__(self, host: Host, env: Env, globals_env: Env, types: dict[str, str]) -> None:
        self.host = host
        self.env = env
        self.globals = globals_env
        self.types = types  # local name -> what it holds: "request" or a constructor's name
        self.derived: dict[str, set[str]] = {}
        # `ok = url_has_allowed_host_and_scheme(url, ...)`: the test, for a later `if ok` or
        # `url if ok else ""`.
        self.predicates: dict[str, cst.BaseExpression] = {}
        self.sequences: set[str] = set()
        self.strings: set[str] = set()
        self.statement: cst.CSTNode | None = None

    # -- expressions ---------------------------------------------------------------------
    def eval(self, node: cst.BaseExpression) -> Value:
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is not None:
            result: Value = method(node)
            return result
        if isinstance(node, _LITERALS):
            return CLEAN
        return join(*(self.eval(child) for child in _expressions(node)))

    def _eval_Name(self, node: cst.Name) -> Value:
        name = node.value
        if name in self.env:
            return self.env[name]
        if name in self.globals:
            return self.globals[name]
        if name in _BUILTIN_CONSTANTS or self.host.known_name(name) or name in self.types:
            return CLEAN
        _, imported = self.host.names(node)
        if imported:
            return CLEAN
        return unknown(name)

    def kind(self, node: cst.BaseExpression) -> str:
        if isinstance(node, cst.Name):
            return self.types.get(node.value, "")
        if self.host.web_module and dotted(node) == "self.request":
            return "request"
        return ""

    def _eval_Attribute(self, node: cst.Attribute) -> Value:
        names, _ = self.host.names(node)
        flow = attribute_source(names)
        if flow is None and self.kind(node.value) == "request":
            flow = request_attribute(node.attr.value)
            if flow is None:
                return CLEAN
        if flow is not None:
            return (flow.step(self.host.step(node, f"source: {flow.label}")),)
        key = dotted(node)
        if key and key in self.env:
            return self.env[key]
        if self.host.web_module and key in ("self.kwargs", "self.args"):
            flow = source_flow("URL arguments of a class-based view")
            return (flow.step(self.host.step(node, f"source: {flow.label}")),)
        value = self.eval(node.value)
        if value and self.host.option_is_checked(node.attr.value):
            # `args.mode` where `add_argument("--mode", choices=[...])` or `type=int`:
            # argparse refused anything else.
            value = tuple(f for f in value if f.label != "argparse arguments")
        return value

    def _eval_Subscript(self, node: cst.Subscript) -> Value:
        return self.eval(node.value)  # d[key]: what d holds, whoever picks the key

    def _eval_FormattedString(self, node: cst.FormattedString) -> Value:
        head, tail = query.split_fstring(node)
        parts = [self.eval(e) for e in head] + [query.in_query(self.eval(e)) for e in tail]
        first = node.parts[0] if node.parts else None
        prefix = first.value if isinstance(first, cst.FormattedStringText) else ""
        if isinstance(first, cst.FormattedStringExpression) and len(node.parts) > 1:
            prefix = self._configured_base(first.expression, node.parts[1])
        return _located(built(join(*parts)), prefix)

    def _configured_base(self, base: cst.BaseExpression, after: cst.CSTNode) -> str:
        """f"{API_BASE}/users/{uid}": a base URL from code or configuration, then a path, is
        as fixed as a literal host. Returns a stand-in prefix for `_located`."""
        if _local_url(base):
            return "/local"  # f"{reverse('login')}?next={value}": a path on this site
        if not isinstance(after, cst.FormattedStringText) or not after.value.startswith("/"):
            return ""
        # Configuration read from the environment is the operator's choice, not the attacker's.
        if any(f.origin == "source" and f.only is None for f in self.eval(base)):
            return ""
        return "https://configured" + after.value

    def _eval_ConcatenatedString(self, node: cst.ConcatenatedString) -> Value:
        return built(join(self.eval(node.left), self.eval(node.right)))

    def _eval_BinaryOperation(self, node: cst.BinaryOperation) -> Value:
        split = None
        if isinstance(node.operator, cst.Modulo):
            split = query.split_format(node)
        elif isinstance(node.operator, cst.Add):
            split = query.split_concat(node)
        if split is None:
            value = join(self.eval(node.left), self.eval(node.right))
        else:  # `url + "?next=" + value`: the value is only a query parameter
            head, tail = split
            value = join(*(self.eval(e) for e in head),
                         *(query.in_query(self.eval(e)) for e in tail))  # fmt: skip
        if isinstance(node.operator, (cst.Add, cst.Modulo)):
            return _located(built(value), _leftmost_text(node))
        return value

    def _eval_Comparison(self, node: cst.Comparison) -> Value:
        self.eval(node.left)
        for target in node.comparisons:
            self.eval(target.comparator)
        return CLEAN

    def _eval_UnaryOperation(self, node: cst.UnaryOperation) -> Value:
        value = self.eval(node.expression)
        return CLEAN if isinstance(node.operator, cst.Not) else value

    def _eval_Lambda(self, node: cst.Lambda) -> Value:
        return CLEAN

    def _eval_NamedExpr(self, node: cst.NamedExpr) -> Value:
        value = self.eval(node.value)
        self.bind(node.target, value, node)
        return value

    def _comprehension(self, node: cst.BaseComp | cst.DictComp) -> Value:
        saved = dict(self.env)
        for_in: cst.CompFor | None = node.for_in
        while for_in is not None:
            self.bind(for_in.target, self.eval(for_in.iter), for_in)
            for cond in for_in.ifs:  # `for ch in raw if ch.isalnum()` validates ch
                self.eval(cond.test)
                self.apply(guards.facts(cond.test, self.tainted)[0])
            for_in = for_in.inner_for_in
        if isinstance(node, cst.DictComp):
            value = join(self.eval(node.key), self.eval(node.value))
        elif isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            value = self.eval(node.elt)
        else:
            value = CLEAN
        self.env = saved
        return value

    _eval_ListComp = _eval_SetComp = _eval_GeneratorExp = _eval_DictComp = _comprehension

    def _eval_Call(self, node: cst.Call) -> Value:
        func = node.func
        names, imported = self.host.names(func)
        method = func.attr.value if isinstance(func, cst.Attribute) else ""
        text = dotted(func)
        extra = {text} if text else set()
        if isinstance(func, cst.Attribute):
            owner = self.kind(func.value)
            if owner and owner != "request":
                extra.add(f"{owner}.{method}")
        names = names | extra
        args = [(arg, self.eval(arg.value)) for arg in node.args]
        receiver = self.eval(func.value) if isinstance(func, cst.Attribute) else CLEAN
        site = CallSite(node, names, frozenset(self.sequences), frozenset(self.strings))
        outcome = self.host.call(self, node, site, args, receiver)
        if outcome is not None:
            return outcome
        flow = call_source(names, method)
        if (
            flow is None
            and isinstance(func, cst.Attribute)
            and method in REQUEST_METHODS
            and self.kind(func.value) == "request"
        ):
            flow = source_flow(f"request.{method}()", text=False, own_path=method in LOCAL_PATH)
        if (
            flow is None
            and self.host.web_module
            and isinstance(func, cst.Attribute)
            and dotted(func.value) == "self"
            and method in _HANDLER_GETTERS
        ):
            flow = source_flow(f"self.{method}()")
        if flow is not None:
            return (flow.step(self.host.step(node, f"source: {flow.label}")),)
        from_args = join(*(v for _, v in args))
        if isinstance(func, cst.Name) and self.host.is_enum(func.value):
            return CLEAN  # `Color(value)`: one of the enum's members, or a ValueError
        cats = sanitizer_categories(names) or method_sanitizer(method, dotted(func))
        if cats is not None:
            return clear(join(receiver, from_args), cats)
        if returns_clean(names, method):
            return CLEAN
        if not isinstance(func, cst.Attribute):
            return from_args  # a function of its arguments, as far as we know
        if method in BUILDER_METHODS:
            return _located(built(join(receiver, from_args)), const_text(func.value) or "")
        return join(receiver, from_args) if imported else receiver

    # -- statements ----------------------------------------------------------------------
    def bind(self, target: cst.BaseExpression, value: Value, where: cst.CSTNode) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.bind(element.value, value, where)
            return
        if isinstance(target, cst.StarredElement):
            self.bind(target.value, value, where)
            return
        if isinstance(target, cst.Subscript):  # d[k] = v: d now holds v too
            key = dotted(target.value)
            if key:
                self.env[key] = join(self._lookup(key, target.value), value)
            return
        key = dotted(target)
        if not key:
            return
        self.env[key] = add_step(value, self.host.step(where, f"assigned to '{key}'"))
        for prefix in [k for k in self.env if k.startswith(key + ".")]:
            del self.env[prefix]

    def _lookup(self, key: str, node: cst.BaseExpression) -> Value:
        return self.env[key] if key in self.env else self.eval(node)

    def run(self, statements: Sequence[cst.CSTNode]) -> None:
        for statement in statements:
            self.execute(statement)

    def execute(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.SimpleStatementLine):
            self.statement = node
            for small in node.body:
                self.small(small)
            return
        handler = getattr(self, f"_exec_{type(node).__name__}", None)
        if handler is not None:
            handler(node)

    def small(self, node: cst.BaseSmallStatement) -> None:
        if isinstance(node, cst.Assign):
            value = self.eval(node.value)
            names = guards.paths_in(node.value)
            for target in node.targets:
                self.bind(target.target, value, node)
                self.derived[dotted(target.target)] = set(names)
            self._type_of(node.targets[0].target, node.value)
            self.apply(guards.lookup(node.value, self.tainted))
            first = node.targets[0].target
            if isinstance(first, cst.Name):
                if isinstance(node.value, cst.Call) and any(guards.facts(node.value, self.tainted)):
                    self.predicates[first.value] = node.value
                else:
                    self.predicates.pop(first.value, None)
                site = CallSite(cst.Call(cst.Name("_")), frozenset(), frozenset(self.sequences))
                site = CallSite(site.node, frozenset(), site.sequences, frozenset(self.strings))
                if site.is_sequence(node.value):
                    self.sequences.add(first.value)
                else:
                    self.sequences.discard(first.value)
                if site.is_text(node.value):
                    self.strings.add(first.value)
                else:
                    self.strings.discard(first.value)
        elif isinstance(node, cst.AnnAssign) and node.value is not None:
            self.bind(node.target, self.eval(node.value), node)
            self._type_of(node.target, node.value)
        elif isinstance(node, cst.AugAssign):
            key = dotted(node.target)
            value = built(join(self.eval(node.target), self.eval(node.value)))
            if key:
                self.env[key] = add_step(value, self.host.step(node, f"appended to '{key}'"))
        elif isinstance(node, cst.Expr):
            self.eval(node.value)
        elif isinstance(node, cst.Return) and node.value is not None:
            self.host.returned(self, node, self.eval(node.value))
        elif isinstance(node, cst.Raise) and node.exc is not None:
            self.eval(node.exc)
        elif isinstance(node, cst.Assert):
            yes, _ = guards.facts(node.test, self.tainted)
            self.apply(yes)

    def _type_of(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if isinstance(target, cst.Name) and isinstance(value, cst.Call):
            names, _ = self.host.names(value.func)
            if names:
                self.types[target.value] = sorted(names, key=len)[0]

    def predicate(self, test: cst.BaseExpression) -> cst.BaseExpression:
        """The validating expression behind a name that holds its result."""
        if isinstance(test, cst.Name) and test.value in self.predicates:
            return self.predicates[test.value]
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            inner = self.predicate(test.expression)
            if inner is not test.expression:
                return test.with_changes(expression=inner)
        return test

    def _eval_IfExp(self, node: cst.IfExp) -> Value:
        """`url if is_safe(url) else default`: each side under what its test proved."""
        self.eval(node.test)
        yes, no = guards.facts(self.predicate(node.test), self.tainted)
        saved = self.env
        self.env = dict(saved)
        self.apply(yes)
        body = self.eval(node.body)
        self.env = dict(saved)
        self.apply(no)
        orelse = self.eval(node.orelse)
        self.env = saved
        return join(body, orelse)

    def tainted(self, node: cst.BaseExpression) -> bool:
        return any(f.origin != "unknown" for f in self.eval(node))

    def apply(self, facts: guards.Facts) -> None:
        for key, cats in facts.items():
            for name in (key, *self.derived.get(key, ())):
                if name in self.env:
                    self.env[name] = clear(self.env[name], cats)
                elif name in self.globals:
                    self.env[name] = clear(self.globals[name], cats)

    def branch(self, body: Sequence[cst.CSTNode], facts: guards.Facts) -> Env:
        saved = self.env
        self.env = dict(saved)
        self.apply(facts)
        self.run(body)
        result, self.env = self.env, saved
        return result

    def merge(self, *envs: Env) -> None:
        keys = {k for env in envs for k in env}
        self.env = {k: join(*(env[k] for env in envs if k in env)) for k in keys}

    def _exec_If(self, node: cst.If) -> None:
        self.eval(node.test)
        yes, no = guards.facts(self.predicate(node.test), self.tainted)
        then_env = self.branch(_body(node.body), yes)
        orelse = node.orelse
        else_body: Sequence[cst.CSTNode] = ()
        if isinstance(orelse, cst.Else):
            else_body = _body(orelse.body)
        elif isinstance(orelse, cst.If):
            else_body = (orelse,)
        else_env = self.branch(else_body, no)
        then_exits = guards.exits(node.body)
        else_exits = bool(else_body) and guards.exits(else_body)
        if then_exits and not else_exits:
            self.env = else_env
        elif else_exits and not then_exits:
            self.env = then_env
        else:
            self.merge(then_env, else_env)

    def _loop(self, node: cst.For | cst.While) -> None:
        before = dict(self.env)
        for _ in range(2):
            if isinstance(node, cst.For):
                self.bind(node.target, self.eval(node.iter), node)
            else:
                self.eval(node.test)
            self.run(_body(node.body))
        self.merge(before, self.env)
        if node.orelse is not None:
            self.run(_body(node.orelse.body))

    _exec_For = _exec_While = _loop

    def _exec_With(self, node: cst.With) -> None:
        for item in node.items:
            value = self.eval(item.item)
            if item.asname is not None:
                self.bind(item.asname.name, value, item)
                self._type_of(item.asname.name, item.item)
        self.run(_body(node.body))

    def _exec_Try(self, node: cst.Try | cst.TryStar) -> None:
        before = dict(self.env)
        self.run(_body(node.body))
        # `try: app = COMMANDS[name] except KeyError: sys.exit(1)`: when every handler
        # leaves, the code after the try runs only if the whole body did.
        if node.handlers and all(guards.exits(h.body) for h in node.handlers):
            if node.orelse is not None:
                self.run(_body(node.orelse.body))
            if node.finalbody is not None:
                self.run(_body(node.finalbody.body))
            return
        self.merge(before, self.env)
        after = [self.branch(_body(h.body), {}) for h in node.handlers]
        if node.orelse is not None:
            self.run(_body(node.orelse.body))
        self.merge(self.env, *after)
        if node.finalbody is not None:
            self.run(_body(node.finalbody.body))

    _exec_TryStar = _exec_Try

    def _exec_Match(self, node: cst.Match) -> None:
        self.eval(node.subject)
        envs = [self.branch(_body(case.body), {}) for case in node.cases]
        self.merge(self.env, *envs)


def _body(suite: cst.BaseSuite) -> Sequence[cst.CSTNode]:
    return suite.body


def _expressions(node: cst.CSTNode) -> list[cst.BaseExpression]:
    """The sub-expressions a composite expression is made of (containers, await, ...)."""
    out: list[cst.BaseExpression] = []
    for child in node.children:
        if isinstance(child, cst.BaseExpression):
            out.append(child)
        elif isinstance(child, (cst.BaseElement, cst.BaseDictElement, cst.Arg)):
            out.extend(c for c in child.children if isinstance(c, cst.BaseExpression))
    return out


def _local_url(node: cst.BaseExpression) -> bool:
    """`reverse("name")`, `url_for("view")`: a path on this site."""
    return isinstance(node, cst.Call) and dotted(node.func).split(".")[-1] in _LOCAL_URL_CALLS


def _leftmost_text(node: cst.BaseExpression) -> str:
    while isinstance(node, cst.BinaryOperation):
        node = node.left
    if _local_url(node):
        return "/local"  # reverse(...) + "?next=" + value: still a path on this site
    if isinstance(node, cst.FormattedString) and node.parts:
        first = node.parts[0]
        return first.value if isinstance(first, cst.FormattedStringText) else ""
    return const_text(node) or ""


def _located(value: Value, prefix: str) -> Value:
    """A built URL or path with a fixed scheme-and-host or local prefix cannot be redirected."""
    if value and SAFE_LOCATION_PREFIX.match(prefix):
        return clear(value, ("ssrf", "open-redirect"))
    return value


__all__ = ["Env", "Flow", "Host", "Interpreter"]
