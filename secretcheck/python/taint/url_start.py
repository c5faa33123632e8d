"""Where a URL starts, as far as the code fixes it: the interpreter's layer for URL locations.

A URL whose scheme and host (or local path) are fixed before any attacker text cannot be sent
elsewhere: no SSRF, no open redirect (the shapes are in `locations.py`). `UrlStart` reads that
start from the syntax and the state: literal and constant heads through `+`, `%`, f-strings and
`str.format` / `str.join` / `str.replace` (`fixed_head`), names bound to such text or to this
request's own root (`fixed_start`, `own_site`, marked in the env by `statements.py`), and a
base URL from code or configuration (`_configured_base`). The `located_*` methods confine the
value an expression built accordingly. Apart from `interp.py` because it asks a different
question than "what taint does this hold"; it sits between the statement layer it reads and
the expression layer (`interp.Interpreter`) that calls it.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from secretcheck.python.astsyntax import Argument, const_text, dotted
from secretcheck.python.taint import locations
from secretcheck.python.taint.calls import SAFE_LOCATION_PREFIX
from secretcheck.python.taint.flows import Value, anchor, built, clear, join
from secretcheck.python.taint.sources import MODULE_REQUESTS
from secretcheck.python.taint.statements import (
    FIXED_START_KEY,
    OWN_SITE_KEY,
    STRIPPED_ROOT_KEY,
    Statements,
)

_LOCAL_URL_CALLS = frozenset({"reverse", "reverse_lazy", "url_for", "resolve_url"})
# Where a template's replacement fields start, by how it is filled (`_template_head`).
_FIELD = {"%": "%", "format": "{", "format_map": "{"}
_LEADING_FIELD = {"%": ("%s",), "format": ("{}", "{0}")}
_CONFIGURED = "https://configured"  # a stand-in host for a base URL from code or configuration
_CONFIGURED_HOST_ONLY = "https://configured-host-only/"  # ... of a URL fetched, not redirected to


class UrlStart(Statements):
    """Reads where a URL starts and confines what is built behind a fixed start."""

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
        return self.marked(OWN_SITE_KEY, node)

    def _is_request(self, node: ast.expr) -> bool:
        if self.kind(node) == "request":
            return True
        names, _ = self.host.names(node)
        return any(n in MODULE_REQUESTS for n in names)

    def _fixed_name(self, node: ast.expr) -> bool:
        return self.marked(FIXED_START_KEY, node)

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
            return self._method_head(node.func.attr, self._literal(node.func.value), node.args)
        return "", False

    def _literal(self, node: ast.expr) -> str | None:
        """A template's text: a literal, or a module or class constant holding one
        (`SFS_API_URL % {...}`, `TEMPLATE.format(...)`)."""
        if not isinstance(node, (ast.Name, ast.Attribute)):
            return const_text(node)
        text, whole = self.fixed_head(node)
        return text if whole else None

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
            return self._template_head(self._literal(node.left), "%", args)
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

    def located_fstring(self, value: Value, values: Sequence[ast.expr]) -> Value:
        """The `value` an f-string of `values` built, confined where its start pins the site."""
        first = values[0] if values else None
        fixed, _ = self._values_head(values)
        if _anchors(fixed):  # f"{IMAGE_HOST}/{uuid}" with IMAGE_HOST = "https://img.example.com"
            return _located(value, fixed)
        if isinstance(first, ast.FormattedValue) and len(values) > 1:
            prefix = self._configured_base(first.value, values[1])
            return self._behind_base(value, first.value, prefix)
        return _located(value, _text(first))

    def located_operation(self, node: ast.BinOp, value: Value) -> Value:
        """The `value` of `a + b` or a `%` template, confined where its start pins the site."""
        if isinstance(node.op, (ast.Add, ast.Mod)):
            fixed, _ = self.fixed_head(node)
            if _anchors(fixed):  # IMAGE_HOST + "/{uuid}".format(uuid=value)
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

    def located_build(self, node: ast.Call, func: ast.Attribute, value: Value) -> Value:
        """The `value` of a builder method (`str.format`, `str.join`, ...), confined where its
        start pins the site."""
        method = func.attr
        fixed, _ = self.fixed_head(node)
        if _anchors(fixed):  # "/u/{}".format(v), "/".join(["", "u", v])
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
        if self.stripped_root(base):
            # str(request.base_url).rstrip("/") + "/home": the root without its slash, then a
            # path; without that "/" a value would go on naming the host (".evil.example")
            return locations.OWN_SITE
        # Configuration read from the environment is the operator's choice, not the attacker's.
        if any(f.origin == "source" and f.only is None for f in self.eval(base)):
            return ""
        if not locations.PATH_SEGMENT.match(_text(after)):
            # f"{root}/{value}": a root of "" or "/" makes "//evil" (a host) of a redirect.
            # A request to "//evil" fails (no scheme), so this is still no SSRF.
            return _CONFIGURED_HOST_ONLY
        return _CONFIGURED + _text(after)

    def stripped_root(self, node: ast.expr) -> bool:
        """`x.rstrip("/")` (or `.rstrip()`) of this site's own root URL, or a name bound to
        one (`STRIPPED_ROOT_KEY`)."""
        if self.marked(STRIPPED_ROOT_KEY, node):
            return True
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            return False
        if node.func.attr != "rstrip" or node.keywords or len(node.args) > 1:
            return False
        if node.args and const_text(node.args[0]) != "/":
            return False
        return self.own_site(node.func.value)

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


def _pins(text: str) -> bool:
    """Does text fixed before any replacement field pin the site (`SAFE_LOCATION_PREFIX`)?"""
    return bool(SAFE_LOCATION_PREFIX.match(text))


def _anchors(text: str) -> bool:
    """Does this fixed start confine a URL, for a fetch and a redirect or a redirect only?"""
    return _pins(text) or locations.relative_start(text)


def _located(value: Value, prefix: str) -> Value:
    """A built URL or path with a fixed scheme-and-host or local prefix cannot be redirected
    or fetched elsewhere; one with a relative start ("edit/" + page) cannot be redirected."""
    if value and SAFE_LOCATION_PREFIX.match(prefix):
        return clear(value, ("ssrf", "open-redirect"))
    if value and locations.relative_start(prefix):
        return anchor(value)
    return value


def _text(node: ast.expr | None) -> str:
    """The text of an f-string's literal part ('' for a replacement field)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ""


def _local_url(node: ast.expr) -> bool:
    """`reverse("name")`, `url_for("view")`: a path on this site."""
    return isinstance(node, ast.Call) and dotted(node.func).split(".")[-1] in _LOCAL_URL_CALLS


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


def joined_url(args: list[tuple[Argument, Value]]) -> Value | None:
    """urljoin(base, "v1/items/" + value): a relative reference keeps the base's scheme and
    host (see `locations.py`); one that may be absolute is as tainted as the base."""
    if len(args) < 2 or any(a.keyword is not None or a.star for a, _ in args[:2]):
        return None
    (_, base), (ref, joined) = args[0], args[1]
    if locations.relative_reference(ref.value):
        joined = clear(joined, ("ssrf", "open-redirect"))
    return built(join(base, joined, *(v for _, v in args[2:])))
