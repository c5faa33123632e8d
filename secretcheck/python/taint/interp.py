"""The intra-procedural taint interpreter: one pass over a function body, forward.

State is a map from access paths (`query`, `args.name`, `self.path`) to `Value`s, copied at
branches and joined where they meet; loops run their body twice. Calls to functions of the same
file use their summaries (`engine.Summary`), so a helper that returns its argument or passes
it to a sink carries the taint across the call.

This module evaluates expressions into taint values: names, attributes and subscripts read the
state, calls meet sources, sanitizers and the engine's sinks. The `Interpreter` builds on
`statements.Statements` (the state and how statements change it); the engine imports
`Interpreter`, `Env`, `Host` and `Lines` from here.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from secretcheck.python.astsyntax import Argument, const_text, dotted, ordered_arguments
from secretcheck.python.taint import guards, locations, query
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
    built,
    clear,
    join,
    opaque,
    unknown,
)
from secretcheck.python.taint.sources import (
    ENVIRON,
    LOCAL_PATH,
    REQUEST_METHODS,
    attribute_source,
    call_source,
    environ_source,
    request_attribute,
    source_flow,
)
from secretcheck.python.taint.statements import (
    AT,
    FIXED_START_KEY,
    KEYED,
    OWN_SITE_KEY,
    Env,
    Host,
    Lines,
    Statements,
)
from secretcheck.python.taint.steps import pattern_method, preserving_call, receiver_method

_BUILTIN_CONSTANTS = frozenset({"True", "False", "None", "__name__", "__file__"})
# Tornado RequestHandler accessors for query, body, path and cookie values.
_LOCAL_URL_CALLS = frozenset({"reverse", "reverse_lazy", "url_for", "resolve_url"})
_HANDLER_GETTERS = frozenset(
    {"get_argument", "get_arguments", "get_query_argument", "get_query_arguments",
     "get_body_argument", "get_body_arguments", "get_cookie", "get_path_argument"}
)  # fmt: skip
# markupsafe's `Markup(text).unescape()` / `.striptags()`: the idiom for HTML-unescaping, whose
# plain str result is never marked safe.
_UNESCAPE = frozenset({"unescape", "striptags"})
# Where a template's replacement fields start, by how it is filled (`_template_head`).
_FIELD = {"%": "%", "format": "{", "format_map": "{"}
_LEADING_FIELD = {"%": ("%s",), "format": ("{}", "{0}")}
_CONFIGURED = "https://configured"  # a stand-in host for a base URL from code or configuration
_CONFIGURED_HOST_ONLY = "https://configured-host-only/"  # ... of a URL fetched, not redirected to


class Interpreter(Statements):
    """Evaluates expressions into taint values, over the statement execution it builds on."""

    def eval(self, node: ast.expr) -> Value:
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is not None:
            result: Value = method(node)
            return result
        if isinstance(node, (ast.Constant, ast.YieldFrom)):
            return CLEAN
        return join(*(self.eval(child) for child in _expressions(node)))

    def _eval_Name(self, node: ast.Name) -> Value:
        name = node.id
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

    def _eval_Attribute(self, node: ast.Attribute) -> Value:
        names, _ = self.host.names(node)
        flow = attribute_source(names)
        if flow is None and self.kind(node.value) == "request":
            flow = request_attribute(node.attr)
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
        if value and self.host.option_is_checked(node.attr):
            # `args.mode` where `add_argument("--mode", choices=[...])` or `type=int`:
            # argparse refused anything else.
            value = tuple(f for f in value if f.label != "argparse arguments")
        return value

    def _eval_Subscript(self, node: ast.Subscript) -> Value:
        return self._read_key(node, node.value, node.slice)

    def _read_key(self, node: ast.expr, mapping: ast.expr, key: ast.expr) -> Value:
        """`mapping[key]`, and `mapping.get(key)` where it reads the same way: a WSGI environ's
        variable, what was stored under a constant key (`KEYED`), else what the whole mapping
        holds, whoever picks the key; the Referer header is no redirect target."""
        if self.kind(mapping) == ENVIRON:
            value = self._environ(node, key)
        else:
            keyed = self._keyed(mapping, key)
            value = self.eval(mapping) if keyed is None else keyed
        if locations.referer_key(mapping, key):  # environ["HTTP_REFERER"], headers["Referer"]
            return clear(value, locations.REDIRECT)
        return value

    def _environ(self, node: ast.expr, key: ast.expr | None) -> Value:
        """`environ["HTTP_REFERER"]`, `environ.get("QUERY_STRING", "")` in a WSGI app."""
        flow = environ_source(const_text(key) if key is not None else None)
        if flow is None:
            return CLEAN
        return (flow.step(self.host.step(node, f"source: {flow.label}")),)

    def _reads_like_subscript(self, mapping: ast.expr, key: ast.expr) -> bool:
        """Does `mapping.get(key)` read as `mapping[key]` does? Any other `.get` (a request's
        query arguments, a client's fetch) is a call like others."""
        return (
            self.kind(mapping) == ENVIRON
            or locations.referer_key(mapping, key)
            or self._keyed(mapping, key) is not None
        )

    def _keyed(self, mapping: ast.expr, key: ast.expr | None) -> Value | None:
        """What `mapping[key]` holds for a constant key, when the mapping had stores under
        constant keys (see `KEYED`); None when only the whole mapping is known."""
        name, text = dotted(mapping), const_text(key)
        if not name or text is None or KEYED + name not in self.env:
            return None
        return join(self.env[KEYED + name], self.env.get(KEYED + name + AT + text, CLEAN))

    def _eval_JoinedStr(self, node: ast.JoinedStr) -> Value:
        pieces = self.host.pieces(node)
        if pieces is None:
            return self._fstring(node.values)
        # `"https://x/" f"{v}"`: libcst read each literal apart (no prefix or query seen across
        # them), joined right to left; kept so findings stay as they were.
        values = [CLEAN if piece is None else self._fstring(piece) for piece in pieces]
        value = values[-1]
        for left in reversed(values[:-1]):
            value = built(join(left, value))
        return value

    def _fstring(self, values: Sequence[ast.expr]) -> Value:
        head, tail = query.split_fstring(values)
        parts = [self.eval(e) for e in head] + [query.in_query(self.eval(e)) for e in tail]
        return self.located_fstring(built(join(*parts)), values)

    def located_fstring(self, value: Value, values: Sequence[ast.expr]) -> Value:
        """The `value` an f-string of `values` built, confined where its start pins the site."""
        first = values[0] if values else None
        fixed, _ = self._values_head(values)
        if _pins(fixed):  # f"{IMAGE_HOST}/{uuid}" with IMAGE_HOST = "https://img.example.com"
            return _located(value, fixed)
        if isinstance(first, ast.FormattedValue) and len(values) > 1:
            prefix = self._configured_base(first.value, values[1])
            return self._behind_base(value, first.value, prefix)
        return _located(value, _text(first))

    def _behind_base(self, value: Value, base: ast.expr, prefix: str) -> Value:
        """`value` confined behind `prefix`; a configured base's own flows stay as they are
        (a caller's argument there still picks the host: `fetch(request.args["base"], p)`)."""
        if prefix == locations.OWN_SITE:
            return clear(value, locations.REDIRECT)
        if prefix == _CONFIGURED_HOST_ONLY:
            located = clear(value, ("ssrf",))
        elif prefix.startswith(_CONFIGURED):
            located = _located(value, prefix)
        else:
            return _located(value, prefix)
        return join(located, built(self.eval(base)))

    def _configured_base(self, base: ast.expr, after: ast.expr) -> str:
        """f"{API_BASE}/users/{uid}": a base URL from code or configuration, then a path, is
        as fixed as a literal host. Returns a stand-in prefix for `_located`."""
        if _local_url(base) or self._fixed_name(base):
            return "/local"  # f"{reverse('login')}?next={value}": a path on this site
        if self.own_site(base):
            return locations.OWN_SITE  # f"{request.host_url}{value}"
        if not _text(after).startswith("/"):
            return ""
        # Configuration read from the environment is the operator's choice, not the attacker's.
        if any(f.origin == "source" and f.only is None for f in self.eval(base)):
            return ""
        if not locations.PATH_SEGMENT.match(_text(after)):
            # f"{root}/{value}": a root of "" or "/" makes "//evil" (a host) of a redirect.
            # A request to "//evil" fails (no scheme), so this is still no SSRF.
            return _CONFIGURED_HOST_ONLY
        return _CONFIGURED + _text(after)

    def _eval_BinOp(self, node: ast.BinOp) -> Value:
        split = None
        if isinstance(node.op, ast.Mod):
            split = query.split_format(node)
        elif isinstance(node.op, ast.Add):
            split = query.split_concat(node)
        if split is None:
            value = join(self.eval(node.left), self.eval(node.right))
        else:  # `url + "?next=" + value`: the value is only a query parameter
            head, tail = split
            value = join(*(self.eval(e) for e in head),
                         *(query.in_query(self.eval(e)) for e in tail))  # fmt: skip
        return self.located_operation(node, value)

    def located_operation(self, node: ast.BinOp, value: Value) -> Value:
        """The `value` of `a + b` or a `%` template, confined where its start pins the site."""
        if isinstance(node.op, (ast.Add, ast.Mod)):
            fixed, _ = self.fixed_head(node)
            if _pins(fixed):  # IMAGE_HOST + "/{uuid}".format(uuid=value)
                return _located(built(value), fixed)
        rest = locations.after_leading_field(const_text(node.left) or "", "%")
        if isinstance(node.op, ast.Mod) and rest is not None:
            right = node.right
            base = right.elts[0] if isinstance(right, ast.Tuple) and right.elts else right
            if not isinstance(base, ast.Starred):  # "%s/users/%s" % (API_BASE, uid)
                prefix = self._configured_base(base, ast.Constant(rest))
                return self._behind_base(built(value), base, prefix)
        if isinstance(node.op, (ast.Add, ast.Mod)):
            leftmost: ast.expr = node
            while isinstance(leftmost, ast.BinOp):
                leftmost = leftmost.left
            return self._behind_base(built(value), leftmost, self._leftmost_text(node))
        return value

    def _eval_BoolOp(self, node: ast.BoolOp) -> Value:
        value = self.eval(node.values[0])
        for operand in node.values[1:]:  # `a or b or c` is `(a or b) or c` in libcst's tree
            value = join(value, self.eval(operand))
        return value

    def _leftmost_text(self, node: ast.expr) -> str:
        after: ast.expr | None = None  # the operand right after the leftmost one, in a `+` chain
        while isinstance(node, ast.BinOp):
            after = node.right if isinstance(node.op, ast.Add) else None
            node = node.left
        if _local_url(node):
            return "/local"  # reverse(...) + "?next=" + value: still a path on this site
        if self.own_site(node):
            return locations.OWN_SITE  # request.host_url + value
        if isinstance(node, ast.JoinedStr) and node.values and self.host.pieces(node) is None:
            return _text(node.values[0])
        text = const_text(node)
        if text is None and after is not None:
            # STORE_API + "/" + path: as fixed as f"{STORE_API}/{path}"
            return self._configured_base(node, after)
        return text or ""

    def own_site(self, node: ast.expr) -> bool:
        """Does this expression start with this request's own scheme and host (see
        `locations.py`): `request.host_url`, a name bound to one, a prefix cut of one, one
        followed by more text?"""
        if isinstance(node, ast.Subscript):
            return locations.prefix_slice(node) and self.own_site(node.value)
        if isinstance(node, ast.BinOp):
            return isinstance(node.op, ast.Add) and self.own_site(node.left)
        if isinstance(node, ast.JoinedStr):
            first = node.values[0] if node.values else None
            return isinstance(first, ast.FormattedValue) and self.own_site(first.value)
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "str" and len(node.args) == 1:
                return self.own_site(node.args[0])  # str(request.url) (Starlette's URL)
            if node.args or node.keywords or not isinstance(func, ast.Attribute):
                return False
            return func.attr in locations.OWN_ROOT_METHODS and self._is_request(func.value)
        if (
            isinstance(node, ast.Attribute)
            and node.attr in locations.OWN_ROOT_ATTRS
            and self._is_request(node.value)
        ):
            return True
        key = dotted(node)
        return bool(key) and OWN_SITE_KEY + key in self.env

    def _fixed_name(self, node: ast.expr) -> bool:
        key = dotted(node)
        return bool(key) and FIXED_START_KEY + key in self.env

    def fixed_start(self, node: ast.expr) -> bool:
        """Does this text start with a fixed scheme and host or a local path
        (`calls.SAFE_LOCATION_PREFIX` on `fixed_head`), or with a name bound to such text?
        Through `+`, `%`, `str.format` and f-strings, by their leftmost part."""
        if _pins(self.fixed_head(node)[0]):
            return True
        while isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            node = node.left
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            template = const_text(node.func.value)
            if node.func.attr != "format" or template is None:
                return False
            if locations.after_leading_field(template, "format") is not None:  # "{}/x".format(r)
                return bool(node.args) and self.fixed_start(node.args[0])
            return False
        if isinstance(node, ast.JoinedStr):
            first = node.values[0] if node.values else None
            if self.host.pieces(node) is not None or first is None:
                return False
            if isinstance(first, ast.FormattedValue):  # f"{route}/x", not f"{route!r}"
                plain = first.conversion == -1 and first.format_spec is None
                return plain and self.fixed_start(first.value)
            return False
        return self._fixed_name(node)

    def fixed_head(self, node: ast.expr) -> tuple[str, bool]:
        """The text this expression's value starts with, as far as the code fixes it, and
        whether that is all of it: string literals, module and class constants (`constants.py`)
        not rebound here, and `+`, f-strings, `str.join`, `str.replace` and `%` / `str.format`
        templates of them, up to the first replacement field or value not fixed.
        `IMAGE_HOST + "/{uuid}/image.jpg".format(uuid=v)` -> ("https://img.example.com/", False)
        for IMAGE_HOST = "https://img.example.com"; "/{}".format(v) -> ("/", False)."""
        text = const_text(node)
        if text is not None:
            return text, True
        if isinstance(node, (ast.Name, ast.Attribute)):
            key = dotted(node)
            constant = self.host.constant_text(key) if key and key not in self.env else None
            return (constant, True) if constant is not None else ("", False)
        if isinstance(node, ast.BinOp):
            head = self.heads.get(id(node))
            if head is None:
                head = self.heads[id(node)] = self._operation_head(node)
            return head
        if isinstance(node, ast.JoinedStr):
            if self.host.pieces(node) is not None:
                return "", False
            return self._values_head(node.values)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return self._method_head(node.func.attr, const_text(node.func.value), node.args)
        return "", False

    def _operation_head(self, node: ast.BinOp) -> tuple[str, bool]:
        """`fixed_head` of `a + b` and of a `%` template."""
        if isinstance(node.op, ast.Add):
            left, whole = self.fixed_head(node.left)
            if not whole:
                return left, False
            right, whole = self.fixed_head(node.right)
            return left + right, whole
        if isinstance(node.op, ast.Mod):
            args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
            return self._template_head(const_text(node.left), "%", args)
        return "", False

    def _values_head(self, values: Sequence[ast.expr]) -> tuple[str, bool]:
        """`fixed_head` of an f-string's parts."""
        out = ""
        for part in values:
            if isinstance(part, ast.FormattedValue):
                if part.conversion != -1 or part.format_spec is not None:
                    return out, False
                text, whole = self.fixed_head(part.value)
                out += text
                if not whole:
                    return out, False
            else:
                out += _text(part)
        return out, True

    def _method_head(self, method: str, receiver: str | None,
                     args: list[ast.expr]) -> tuple[str, bool]:  # fmt: skip
        """`fixed_head` of `receiver.method(*args)` for a literal receiver."""
        if receiver is None or any(isinstance(a, ast.Starred) for a in args):
            return "", False
        if method in _FIELD:  # "/u/{}".format(v)
            return self._template_head(receiver, method, args)
        if method == "replace" and args:  # "/users/ID".replace("ID", v): up to the first "ID"
            old = const_text(args[0])
            if old is None:
                return "", False
            cut = receiver.find(old) if old else 0
            return (receiver, True) if cut < 0 else (receiver[:cut], False)
        if method == "join" and len(args) == 1 and isinstance(args[0], (ast.List, ast.Tuple)):
            out = ""  # "/".join(["", "u", v]) -> "/u/"
            for index, element in enumerate(args[0].elts):
                if isinstance(element, ast.Starred):
                    return out, False
                text, whole = self.fixed_head(element)
                out += (receiver if index else "") + text
                if not whole:
                    return out, False
            return out, True
        return "", False

    def _template_head(self, template: str | None, method: str,
                       args: list[ast.expr]) -> tuple[str, bool]:  # fmt: skip
        """`fixed_head` of a `%` or `str.format` template: its text up to the first field,
        a leading positional field ("{}/x", "%s/x") filled from a fixed first argument."""
        if template is None:
            return "", False
        for leading in _LEADING_FIELD.get(method, ()):
            if template.startswith(leading) and args:
                text, whole = self.fixed_head(args[0])
                if not whole:
                    return text, False
                rest, _ = _template_head(template[len(leading) :], _FIELD[method])
                return text + rest, False
        return _template_head(template, _FIELD[method])

    def _is_request(self, node: ast.expr) -> bool:
        if self.kind(node) == "request":
            return True
        names, _ = self.host.names(node)
        return any(n in ("flask.request", "flask.globals.request") for n in names)

    def _eval_Compare(self, node: ast.Compare) -> Value:
        self.eval(node.left)
        for comparator in node.comparators:
            self.eval(comparator)
        return CLEAN

    def _eval_UnaryOp(self, node: ast.UnaryOp) -> Value:
        value = self.eval(node.operand)
        return CLEAN if isinstance(node.op, ast.Not) else value

    def _eval_Lambda(self, node: ast.Lambda) -> Value:
        return CLEAN

    def _eval_NamedExpr(self, node: ast.NamedExpr) -> Value:
        value = self.eval(node.value)
        self.bind(node.target, value, node)
        return value

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp
                       ) -> Value:  # fmt: skip
        saved = dict(self.env)
        for generator in node.generators:
            self.bind(generator.target, self.eval(generator.iter), generator)
            for cond in generator.ifs:  # `for ch in raw if ch.isalnum()` validates ch
                self.eval(cond)
                self.apply(guards.facts(cond, self.tainted)[0])
        if isinstance(node, ast.DictComp):
            value = join(self.eval(node.key), self.eval(node.value))
        else:
            value = self.eval(node.elt)
        self.env = saved
        return value

    _eval_ListComp = _eval_SetComp = _eval_GeneratorExp = _eval_DictComp = _comprehension

    def _eval_Call(self, node: ast.Call) -> Value:
        func = node.func
        names, imported = self.host.names(func)
        method = func.attr if isinstance(func, ast.Attribute) else ""
        text = dotted(func)
        extra = {text} if text else set()
        if isinstance(func, ast.Attribute):
            owner = self.kind(func.value)
            if owner and owner != "request":
                extra.add(f"{owner}.{method}")
        names = names | extra
        if (
            method == "get"
            and isinstance(func, ast.Attribute)
            and node.args
            and not isinstance(node.args[0], ast.Starred)
            and self._reads_like_subscript(func.value, node.args[0])
        ):  # environ.get("QUERY_STRING", ""), d.get("k", default), headers.get("Referer")
            rest = [*node.args[1:], *(k.value for k in node.keywords)]  # the default as it is
            return join(self._read_key(node, func.value, node.args[0]),
                        *(self.eval(e) for e in rest))  # fmt: skip
        unescaped = node is self.unescaping
        args = [(arg, self.eval(arg.value)) for arg in ordered_arguments(node)]
        receiver = CLEAN
        if isinstance(func, ast.Attribute):
            if method in _UNESCAPE:
                self.unescaping = func.value
            receiver = self.eval(func.value)
        site = CallSite(node, names, frozenset(self.sequences), frozenset(self.strings), unescaped,
                        receiver)  # fmt: skip
        outcome = self.host.call(self, node, site, args, receiver)
        if outcome is not None:
            return outcome
        if not names.isdisjoint(locations.URLJOIN) or method == "urljoin":
            joined = _urljoin(args)
            if joined is not None:
                return joined
        flow = call_source(names, method)
        if (
            flow is None
            and isinstance(func, ast.Attribute)
            and method in REQUEST_METHODS
            and self.kind(func.value) == "request"
        ):
            flow = source_flow(f"request.{method}()", text=False, own_path=method in LOCAL_PATH)
        if (
            flow is None
            and self.host.web_module
            and isinstance(func, ast.Attribute)
            and dotted(func.value) == "self"
            and method in _HANDLER_GETTERS
        ):
            flow = source_flow(f"self.{method}()")
        if flow is not None:
            return (flow.step(self.host.step(node, f"source: {flow.label}")),)
        from_args = join(*(v for _, v in args))
        if isinstance(func, ast.Name) and self.host.is_enum(func.id):
            return CLEAN  # `Color(value)`: one of the enum's members, or a ValueError
        cats = sanitizer_categories(names) or method_sanitizer(method, dotted(func))
        if cats is not None:
            return clear(join(receiver, from_args), cats)
        if returns_clean(names, method):
            return CLEAN
        if not isinstance(func, ast.Attribute):
            local = isinstance(func, ast.Name) and self.host.known_name(func.id)
            if local or preserving_call(names):
                return from_args  # a modelled step, or a class of this file built from them
            return self._opaque(from_args, node)
        if method in BUILDER_METHODS:
            return self.located_build(node, func, built(join(receiver, from_args)))
        if preserving_call(names) or pattern_method(method, func.value, self.kind(func.value)):
            return join(receiver, from_args)
        if receiver_method(method):
            return join(receiver, self._opaque(from_args, node))
        return self._opaque(join(receiver, from_args) if imported else receiver, node)

    def located_build(self, node: ast.Call, func: ast.Attribute, value: Value) -> Value:
        """The `value` of a builder method (`str.format`, `str.join`, ...), confined where its
        start pins the site."""
        method = func.attr
        fixed, _ = self.fixed_head(node)
        if _pins(fixed):  # "/u/{}".format(v), "/".join(["", "u", v])
            return _located(value, fixed)
        after_field = locations.after_leading_field(const_text(func.value) or "", method)
        if (
            method == "format"
            and after_field is not None
            and node.args
            and not isinstance(node.args[0], ast.Starred)
        ):  # "{}/users/{}".format(API_BASE, uid), as f"{API_BASE}/users/{uid}"
            base = node.args[0]
            return self._behind_base(
                value, base, self._configured_base(base, ast.Constant(after_field))
            )
        return value

    def _opaque(self, value: Value, node: ast.Call) -> Value:
        """The result of a call not followed: computed from `value`, not `value` itself."""
        if not value:
            return value
        called = dotted(node.func) or "call"
        return opaque(value, self.host.step(node, f"through {called}(), not followed"))

    def _eval_IfExp(self, node: ast.IfExp) -> Value:
        """`url if is_safe(url) else default`: each side under what its test proved."""
        self.eval(node.test)
        decided = self.decided(node.test)
        if decided is not None:
            return self.eval(node.body if decided else node.orelse)
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


def _pins(text: str) -> bool:
    """Does text fixed before any replacement field pin the site (`SAFE_LOCATION_PREFIX`)?"""
    return bool(SAFE_LOCATION_PREFIX.match(text))


def _template_head(template: str, field: str) -> tuple[str, bool]:
    """A template's literal text before its first replacement field ("{" or "%"; a doubled
    one is the character itself), and whether it has no field."""
    out: list[str] = []
    i = 0
    while i < len(template):
        char = template[i]
        if char == field:
            if template[i + 1 : i + 2] != field:
                return "".join(out), False
            i += 1
        elif char == "}" and field == "{" and template[i + 1 : i + 2] == "}":
            i += 1
        out.append(char)
        i += 1
    return "".join(out), True


def _expressions(node: ast.expr) -> list[ast.expr]:
    """The sub-expressions a composite expression is made of (containers, await, ...)."""
    if isinstance(node, ast.Dict):
        out: list[ast.expr] = []
        for key, value in zip(node.keys, node.values, strict=True):
            if key is not None:
                out.append(key)
            out.append(value)
        return out
    return [c for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)]


def _text(node: ast.expr | None) -> str:
    """The text of an f-string's literal part ('' for a replacement field)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ""


def _local_url(node: ast.expr) -> bool:
    """`reverse("name")`, `url_for("view")`: a path on this site."""
    return isinstance(node, ast.Call) and dotted(node.func).split(".")[-1] in _LOCAL_URL_CALLS


def _urljoin(args: list[tuple[Argument, Value]]) -> Value | None:
    """urljoin(base, "v1/items/" + value): a relative reference keeps the base's scheme and
    host (see `locations.py`); one that may be absolute is as tainted as the base."""
    if len(args) < 2 or any(a.keyword is not None or a.star for a, _ in args[:2]):
        return None
    (_, base), (ref, joined) = args[0], args[1]
    if locations.relative_reference(ref.value):
        joined = clear(joined, ("ssrf", "open-redirect"))
    return built(join(base, joined, *(v for _, v in args[2:])))


def _located(value: Value, prefix: str) -> Value:
    """A built URL or path with a fixed scheme-and-host or local prefix cannot be redirected."""
    if value and SAFE_LOCATION_PREFIX.match(prefix):
        return clear(value, ("ssrf", "open-redirect"))
    return value


__all__ = ["Env", "Flow", "Host", "Interpreter", "Lines"]
