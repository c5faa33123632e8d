"""The intra-procedural taint interpreter: one pass over a function body, forward.

State is a map from access paths (`query`, `args.name`, `self.path`) to `Value`s, copied at
branches and joined where they meet; loops run their body twice. Calls to functions of the same
file use their summaries (`engine.Summary`), so a helper that returns its argument or passes
it to a sink carries the taint across the call.

This module evaluates expressions into taint values: names, attributes and subscripts read the
state, calls meet sources, sanitizers and the engine's sinks. The `Interpreter` builds on two
layers: `url_start.UrlStart` (where a URL starts, to confine what is built behind a fixed
host) over `statements.Statements` (the state and how statements change it). The engine
imports `Interpreter`, `Env`, `Host` and `Lines` from here.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Sequence

from secretcheck.python.astsyntax import Argument, const_text, dotted, ordered_arguments
from secretcheck.python.taint import (
    allowlist_sub,
    guards,
    locations,
    markup,
    path_parts,
    query,
    sessions,
)
from secretcheck.python.taint.calls import (
    BUILDER_METHODS,
    method_sanitizer,
    returns_clean,
    sanitizer_categories,
)
from secretcheck.python.taint.flows import (
    CLEAN,
    NO_PARENT,
    RELATIVE,
    START_KEEPING,
    CallSite,
    Flow,
    Value,
    add_step,
    built,
    clear,
    decoded,
    join,
    lose_start,
    opaque,
    unanchor,
    unknown,
)
from secretcheck.python.taint.sources import (
    ENVIRON,
    HTTP_HANDLER_ATTRS,
    LOCAL_PATH,
    REQUEST_METHODS,
    attribute_source,
    call_source,
    environ_source,
    request_attribute,
    source_flow,
)
from secretcheck.python.taint.statements import AT, KEYED, Env, Host, Lines
from secretcheck.python.taint.steps import (
    decoding_call,
    pattern_method,
    preserving_call,
    receiver_method,
)
from secretcheck.python.taint.url_start import UrlStart, joined_url

_BUILTIN_CONSTANTS = frozenset({"True", "False", "None", "__name__", "__file__"})
# Tornado RequestHandler accessors for query, body, path and cookie values.
HANDLER_GETTERS = frozenset(
    {"get_argument", "get_arguments", "get_query_argument", "get_query_arguments",
     "get_body_argument", "get_body_arguments", "get_cookie", "get_path_argument"}
)  # fmt: skip
# markupsafe's `Markup(text).unescape()` / `.striptags()`: the idiom for HTML-unescaping, whose
# plain str result is never marked safe.
_UNESCAPE = frozenset({"unescape", "striptags"})


# Methods whose first piece (`[0]`) starts where their receiver does, given a separator.
_PIECES = frozenset({"split", "rsplit", "partition", "rpartition"})


def _first_piece(node: ast.Subscript) -> bool:
    """`x.split(sep)[0]`, `x.partition(sep)[0]`: the first piece, a prefix of x."""
    call = node.value
    return (
        isinstance(node.slice, ast.Constant)
        and node.slice.value == 0
        and type(node.slice.value) is int
        and isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in _PIECES
        and bool(call.args)
        and not any(isinstance(a, ast.Starred) for a in call.args)
        and not call.keywords
    )


# Methods that put their arguments into a local list or set.
_FILLING = frozenset({"append", "extend", "insert", "add"})


class Interpreter(UrlStart):
    """Evaluates expressions into taint values; the class the engine runs a body with."""

    def eval(self, node: ast.expr) -> Value:
        cleaned = self._cleaned_read(node) if self.form_data else None
        if cleaned is not None:
            node = cleaned
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is not None:
            result: Value = method(node)
            if isinstance(node, (ast.Call, ast.Subscript)):
                result = self._checked_read(node, result)
            if id(node) in self.in_attribute:
                result = markup.in_attribute(result)
            return result
        if isinstance(node, (ast.Constant, ast.YieldFrom)):
            return CLEAN
        return join(*(self.eval(child) for child in _expressions(node)))

    def _fill(self, func: ast.expr, args: list[tuple[Argument, Value]]) -> None:
        """`parts.append(f"{key} = 1")` as a statement: a local list or set holds what is put
        in it, so the `" AND ".join(parts)` built from it later carries that text (holdout44's
        r2r built its search filters so)."""
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return
        name = func.value.id
        put = join(*(value for _, value in args))
        if name in self.env and put:
            step = self.host.step(func, f"put into {name}")
            self.env[name] = join(self.env[name], add_step(put, step))

    def _cleaned_read(self, node: ast.expr) -> ast.expr | None:
        """`form.cleaned_data["k"]` (or `.get("k")`) of a form built on the request's data
        (`form = F(request.POST)`): Django's cleaning of the value the data holds under that
        field, read as `request.POST["k"]` so that what a valid form proves of it applies
        (`forms.py`, the checked read of `is_valid()`); a field's own cleaning that changes
        the text is what `forms.py` reads as proof. Only a constant key; the whole dict stays
        what the form object is."""
        if isinstance(node, ast.Subscript):
            holder, key, get = node.value, node.slice, False
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "get" and len(node.args) == 1
              and not node.keywords):  # fmt: skip
            holder, key, get = node.func.value, node.args[0], True
        else:
            return None
        if not (isinstance(holder, ast.Attribute) and holder.attr == "cleaned_data"
                and isinstance(holder.value, ast.Name)
                and const_text(key) is not None):  # fmt: skip
            return None
        built_on = self.form_data.get(holder.value.id)
        if built_on is None:
            return None
        # the data as read here: a trace names this line, and a posted field is known by it
        data = ast.copy_location(copy.deepcopy(built_on), node)
        read: ast.expr = (
            ast.Call(ast.Attribute(data, "get", ast.Load()), [key], []) if get
            else ast.Subscript(data, key, ast.Load())
        )  # fmt: skip
        return ast.copy_location(read, node)

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
        if (self.host.web_module and key.startswith("self.")
                and node.attr in HTTP_HANDLER_ATTRS and self.host.http_handler()):  # fmt: skip
            flow = source_flow(f"{key} (http.server)")
            return (flow.step(self.host.step(node, f"source: {flow.label}")),)
        if (self.host.web_module and key in ("self.kwargs", "self.args")
                and self.host.url_arguments(node.attr)):  # fmt: skip
            flow = source_flow("URL arguments of a class-based view")
            return (flow.step(self.host.step(node, f"source: {flow.label}")),)
        value = self.eval(node.value)
        if node.attr == "scheme" and value and all(f.own_start for f in value):
            # `request.url.scheme`: the server's http or https (fief's redirect to a workspace's
            # own domain); no sender picks where a URL built on it goes
            return CLEAN
        if node.attr != "path":
            value = lose_start(value)  # `request.url.query`: the part after `?` the sender wrote
        if node.attr == "name" and any(f.label.startswith(_DJANGO_UPLOADS) for f in value):
            value = _django_upload_name(value)
        if value and self.host.option_is_checked(node.attr):
            # `args.mode` where `add_argument("--mode", choices=[...])` or `type=int`:
            # argparse refused anything else.
            value = tuple(f for f in value if f.label != "argparse arguments")
        return value

    def _eval_Subscript(self, node: ast.Subscript) -> Value:
        if _first_piece(node):
            # `request.url.split("?")[0]` is where the text began: its own URL's start kept.
            # The separator is evaluated for what it may call; none of its text is kept.
            call = node.value
            assert isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            for argument in call.args:
                self.eval(argument)
            return self.eval(call.func.value)
        value = self._read_key(node, node.value, node.slice)
        if id(node.value) in self.extensions and path_parts.extension_index(node.slice):
            value = self.elements[id(node.value)][1]  # `os.path.splitext(name)[1]`
        if value and path_parts.dot_free(node):
            value = clear(value, (NO_PARENT,))
        keeps = isinstance(node.slice, ast.Slice) and node.slice.lower is None
        return value if keeps else lose_start(value)

    def _read_key(self, node: ast.expr, mapping: ast.expr, key: ast.expr) -> Value:
        """`mapping[key]`, and `mapping.get(key)` where it reads the same way: a WSGI environ's
        variable, what was stored under a constant key (`KEYED`), else what the whole mapping
        holds, whoever picks the key; the Referer header is no redirect target."""
        if self.kind(mapping) == ENVIRON or self._request_environ(mapping, key):
            value = self._environ(node, key)
        else:
            keyed = self._keyed(mapping, key)
            value = self.eval(mapping) if keyed is None else keyed
        if locations.referer_key(mapping, key):  # environ["HTTP_REFERER"], headers["Referer"]
            return clear(value, locations.REDIRECT)
        return join(value, self._session_read(node, mapping, key))

    def _session_read(self, node: ast.expr, mapping: ast.expr, key: ast.expr) -> Value:
        """What the module stored from request data under this key of the user's session,
        read back in a later request (`sessions.py`)."""
        text = const_text(key)
        if text is None or not self.session(mapping):
            return CLEAN
        stored = self.host.session_stored(text)
        return add_step(stored, self.host.step(node, sessions.read_note(text))) if stored else CLEAN

    def _checked_read(self, node: ast.expr, value: Value) -> Value:
        """The same read of the request's data a guard on this path checked (`guards.
        CHECKED_READ`): what the guard proved holds for it too."""
        if not value or not self.checked_reads:
            return value
        checked = self.env.get(guards.CHECKED_READ + guards.request_read(node))
        if not checked:
            return value
        # joined paths each checked it, perhaps for different rules: what all of them proved
        return clear(value, frozenset.intersection(*(f.cleared for f in checked)))

    def _request_environ(self, mapping: ast.expr, key: ast.expr | None) -> bool:
        """`request.environ["vo"]`: a request object's WSGI environ, read under a constant key,
        holds the client's text only in the CGI variables and headers (`environ_source`); the
        other keys are the server's and its middleware's (rucio's auth layer puts the token's
        `issuer` and `vo` there)."""
        return (
            isinstance(mapping, ast.Attribute)
            and mapping.attr == "environ"
            and key is not None
            and const_text(key) is not None
            and self._is_request(mapping.value)
        )

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
            or self._request_environ(mapping, key)
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
        self.in_attribute |= markup.quoted_operands(node)
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
        head, tail = query.split_fstring(values, self.query_name)
        later = path_parts.after_text(list(values))
        first = next((v for v in values[:2] if isinstance(v, ast.FormattedValue)), None)
        starting = first is not None and (first is values[0] or const_text(values[0]) == "/")

        def part(e: ast.expr) -> Value:  # after literal text: no start of the result
            value = self.eval(e)
            if not (starting and first is not None and e is first.value):
                value = unanchor(value)
            return clear(value, (RELATIVE,)) if value and id(e) in later else value

        parts = [part(e) for e in head] + [query.in_query(part(e)) for e in tail]
        return self.located_fstring(built(join(*path_parts.once(*parts))), values)

    def _eval_BinOp(self, node: ast.BinOp) -> Value:
        self.in_attribute |= markup.quoted_operands(node)
        split = None
        if isinstance(node.op, ast.Mod):
            split = query.split_format(node)
        elif isinstance(node.op, ast.Add):
            split = query.split_concat(node, self.choice, self.query_name)
        if split is None:
            right = self.eval(node.right)
            if right and isinstance(node.op, ast.Add) and path_parts.holds_text(node.left):
                right = clear(right, (RELATIVE,))  # `"." + ext`: ext does not start the text
            if isinstance(node.op, ast.Mod):  # the template's fields, in order
                fields = self.elements.get(id(node.right)) if isinstance(
                    node.right, ast.Tuple) else None  # fmt: skip
                right = join(*_unanchored(node, list(fields or (right,)), None))
            else:
                right = _unanchored(node, [CLEAN, right], node.left)[1]
            value = join(*path_parts.once(self.eval(node.left), right))
        else:  # `url + "?next=" + value`: the value is only a query parameter
            head, tail = split
            values = _unanchored(node, [self.eval(e) for e in head], head[0] if head else None)
            value = join(*path_parts.once(*values, *(query.in_query(self.eval(e)) for e in tail)))
        return self.located_operation(node, value)

    def _eval_Tuple(self, node: ast.Tuple | ast.List) -> Value:
        """Each element once; their values kept for a tuple target (`positions`)."""
        parts = tuple(self.eval(e) for e in node.elts)
        if not any(isinstance(e, ast.Starred) for e in node.elts):
            self.elements[id(node)] = parts
        return join(*parts)

    _eval_List = _eval_Tuple

    def _eval_BoolOp(self, node: ast.BoolOp) -> Value:
        value = self.eval(node.values[0])
        for operand in node.values[1:]:  # `a or b or c` is `(a or b) or c` in libcst's tree
            value = join(value, self.eval(operand))
        return value

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
                self.apply(self.facts(cond)[0])
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
        if method == "format":
            self.in_attribute |= markup.quoted_operands(node)
        text = dotted(func)
        extra = {text} if text else set()
        if isinstance(func, ast.Attribute):
            owner = self.kind(func.value)
            if owner and owner != "request":
                extra.add(f"{owner}.{method}")
        names = names | extra
        if (
            method in sessions.READ_METHODS
            and isinstance(func, ast.Attribute)
            and node.args
            and not isinstance(node.args[0], ast.Starred)
        ):  # `request.session.pop("next")`: what a request before stored there
            stored = self._session_read(node, func.value, node.args[0])
            if stored:
                rest = [*node.args[1:], *(k.value for k in node.keywords)]
                return join(stored, *(self.eval(e) for e in rest))
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
        if method in _FILLING and node is self.discarded:
            self._fill(func, args)
        receiver = CLEAN
        if isinstance(func, ast.Attribute):
            if method in _UNESCAPE:
                self.unescaping = func.value
            receiver = self.eval(func.value)
        bound = func.value.id if isinstance(func, ast.Attribute) and isinstance(
            func.value, ast.Name) else ""  # fmt: skip
        site = CallSite(node, names, frozenset(self.sequences), frozenset(self.strings), unescaped,
                        receiver, self.types.get(bound, ""))  # fmt: skip
        outcome = self.host.call(self, node, site, args, receiver)
        if outcome is not None:
            return outcome
        if not names.isdisjoint(path_parts.SPLITEXT) and len(args) == 1 and not node.keywords:
            root = lose_start(args[0][1])  # (root, ext): no path climbs with the extension
            self.elements[id(node)] = (root, clear(root, ("path-traversal",)))
            self.extensions.add(id(node))
            return root
        if not names.isdisjoint(locations.URLJOIN) or method == "urljoin":
            joined = joined_url(args)
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
            and self.host.self_request  # a web module's class, or a handler's base elsewhere
            and isinstance(func, ast.Attribute)
            and dotted(func.value) == "self"
            and method in HANDLER_GETTERS
        ):
            flow = source_flow(f"self.{method}()")
        if flow is not None:
            return (flow.step(self.host.step(node, f"source: {flow.label}")),)
        from_args = join(*path_parts.once(*(v for _, v in args)))
        if isinstance(func, ast.Name) and self.host.is_enum(func.id):
            return CLEAN  # `Color(value)`: one of the enum's members, or a ValueError
        cats = (
            query.encoder_categories(node, names, method)
            or sanitizer_categories(names)
            or method_sanitizer(method, dotted(func))
            or allowlist_sub.categories(node, names, method, self.host.constant_text)
        )
        if cats is not None:
            return clear(join(receiver, from_args), cats)
        if returns_clean(names, method):
            return CLEAN
        if not isinstance(func, ast.Attribute):
            local = isinstance(func, ast.Name) and self.host.known_name(func.id)
            if decoding_call(names, imported):
                return decoded(from_args)
            if local or preserving_call(names, imported):
                # a modelled step, or a class of this file built from them
                return from_args if "builtins.str" in names else path_parts.rebuilt(
                    node, lose_start(from_args))  # fmt: skip
            return self._opaque(from_args, node)
        # `"?".join([url, request.query])`, `"?cart_id={}".format(value)`: the rest is a query
        split = (query.split_join(node, self.choice) if method == "join"
                 else query.split_str_format(node) if method == "format" else None)  # fmt: skip
        if split is not None:
            head, tail = split
            value = join(receiver, *(unanchor(self.eval(e)) for e in head),
                         *(query.in_query(self.eval(e)) for e in tail))  # fmt: skip
            return self.located_build(node, func, built(path_parts.rebuilt(node, value)))
        if method in BUILDER_METHODS:
            value = path_parts.rebuilt(node, join(receiver, unanchor(from_args)))
            return self.located_build(node, func, built(value))
        if decoding_call(names, imported, method):
            return decoded(join(receiver, from_args))
        if preserving_call(names, imported) or pattern_method(
            method, func.value, self.kind(func.value)
        ):
            return path_parts.rebuilt(node, lose_start(join(receiver, from_args)))
        if receiver_method(method):
            kept = receiver if method in START_KEEPING else lose_start(receiver)
            return join(path_parts.rebuilt(node, kept), self._opaque(from_args, node))
        return self._opaque(join(receiver, from_args) if imported else receiver, node)

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
        yes, no = self.facts(self.predicate(node.test))
        saved = self.env
        self.env = dict(saved)
        self.apply(yes)
        body = self.eval(node.body)
        self.env = dict(saved)
        self.apply(no)
        orelse = self.eval(node.orelse)
        self.env = saved
        return join(body, orelse)


# Django's `UploadedFile.name` is the client's file name cut to `os.path.basename` and, since
# Django 3.2.1 (CVE-2021-31542), refused when empty, "." or "..": it names no other folder.
_DJANGO_UPLOADS = ("request.FILES",)
_FOLDER_FREE = frozenset({"path-traversal"})


def _unanchored(node: ast.BinOp, values: list[Value], first: ast.expr | None) -> list[Value]:
    """The values of `node`'s operands in order (a `+` chain's, whose first is `first`, or a
    `%` template's fields), each that does not start the text unanchored (`flows.unanchor`):
    all but the first, and the second after a bare "/" (`"/" + page`); of a template's fields,
    the first only where the template opens with it ("%s", "/%s")."""
    if isinstance(node.op, ast.Mod):
        template = const_text(node.left)
        leading = {0} if template is not None and template.startswith(("%s", "/%s")) else set()
    else:
        leading = {0, 1} if first is not None and const_text(first) == "/" else {0}
    return [v if i in leading else unanchor(v) for i, v in enumerate(values)]


def _django_upload_name(value: Value) -> Value:
    return join(*(clear((f,), _FOLDER_FREE) if f.label.startswith(_DJANGO_UPLOADS) else (f,)
                  for f in value))  # fmt: skip


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


__all__ = ["Env", "Flow", "Host", "Interpreter", "Lines"]
