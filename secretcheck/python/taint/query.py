"""Where a value lands inside a built URL: before or after its query string starts.

Text placed after a literal `?` or `#` is a query or fragment: it can add parameters, never
change the scheme, host or path, so it cannot send a redirect or a request elsewhere
(`"%s?%s" % (url, request.META["QUERY_STRING"])`, `reverse("login") + "?next=" + path`).
The same holds for text encoded as a query (`urlencode()`, `quote_plus()`), which escapes `/`
and `:`. This is the barrier CodeQL's URL-redirect query calls "string concatenation with a
prefix ending in ?" (`py/url-redirection`, `ConcatenationWithSafePrefix`).
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Sequence

from secretcheck.python.astsyntax import added, const_text, dotted
from secretcheck.python.taint.flows import Value, clear

# The categories a query-positioned value cannot reach: where the URL points.
LOCATION = frozenset({"open-redirect", "ssrf"})
# Encoders whose output holds no unescaped `/`, `:` or `@`: always a query, never a location;
# each with how many positional arguments it takes before `safe` (characters it leaves as they
# are): `urlencode(query, doseq, safe)`, `quote_plus(string, safe)`.
QUERY_ENCODERS = {
    "urllib.parse.urlencode": 2, "urllib.urlencode": 2, "urllib.parse.quote_plus": 1,
    "urllib.quote_plus": 1, "django.utils.http.urlencode": 2, "requests.utils.urlencode": 2,
}  # fmt: skip
# Django's `QueryDict.urlencode(safe=None)`.
QUERY_ENCODER_METHODS = frozenset({"urlencode"})
_XSS = frozenset({"xss"})
Split = tuple[list[ast.expr], list[ast.expr]]  # (before, after) the `?`
Resolve = Callable[[ast.expr], ast.expr]
# A `%` conversion: `%s`, `%(key)s`, `%-10.2f`, `%%`. Read in linear time on any text: a key
# stops at the next `%` or `(` (a tuple-filled template has no keys), and a width cannot start
# with the `0` flag, so no run of zeros or of `%(` is tried two ways.
CONVERSION = re.compile(r"%(?:\([^()%]*\))?[#0\- +]*(?:\*|[1-9]\d*)?(?:\.(?:\*|\d+))?[a-zA-Z%]")


def encoder_categories(node: ast.Call, names: frozenset[str], method: str) -> frozenset[str]:
    """What a query encoder's result cannot carry, or nothing when `node` is no encoder: a
    location (`LOCATION`), and, with no `safe` characters given, markup too. Percent-encoding
    then leaves only letters, digits and `_.-~+%=&` (`/` under `quote_via=quote`): nothing that
    opens a tag or closes a quoted attribute (`mark_safe(request.GET.urlencode())`)."""
    encoder = next((n for n in names if n in QUERY_ENCODERS), None)
    if encoder is not None:
        before_safe = QUERY_ENCODERS[encoder]
    elif method in QUERY_ENCODER_METHODS and isinstance(node.func, ast.Attribute):
        before_safe = 0
    else:
        return frozenset()
    safe_given = len(node.args) > before_safe or any(
        k.arg in ("safe", None) for k in node.keywords
    )
    return LOCATION if safe_given else LOCATION | _XSS


def in_query(value: Value) -> Value:
    """A value placed in a URL's query string or fragment."""
    return clear(value, LOCATION)


def _starts_query(text: str) -> bool:
    return "?" in text or "#" in text


def split_format(node: ast.BinOp) -> Split | None:
    """`"%s?%s" % (a, b)` -> ([a], [b]): the operands before and after the query starts."""
    fmt = const_text(node.left)
    if fmt is None or not isinstance(node.right, ast.Tuple):
        return None
    operands = [e.value if isinstance(e, ast.Starred) else e for e in node.right.elts]
    head = fmt.split("?")[0].split("#")[0]
    before = sum(1 for m in CONVERSION.finditer(head) if m.group() != "%%")
    if before >= len(operands) or not _starts_query(fmt):
        return None
    return operands[:before], operands[before:]


def split_str_format(node: ast.Call) -> Split | None:
    """`"?cart={}&q={q}".format(a, q=b)` -> ([], [a, b]): the arguments whose replacement
    fields come after the literal text starts a query or fragment; None unless the receiver is
    a literal and every argument is matched to its field (no `*args`/`**kwargs`)."""
    if not isinstance(node.func, ast.Attribute):
        return None
    fmt = const_text(node.func.value)
    if fmt is None or not _starts_query(fmt):
        return None
    if any(isinstance(a, ast.Starred) for a in node.args) or any(
        k.arg is None for k in node.keywords
    ):
        return None
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return None
    in_query, auto = False, 0
    after: set[int | str] = set()
    for literal, name, _, _ in fields:
        in_query = in_query or _starts_query(literal)
        if name is None:
            continue
        head = re.split(r"[.\[]", name, maxsplit=1)[0]
        if head == "":
            key: int | str = auto
            auto += 1
        else:
            key = int(head) if head.isdigit() else head
        if in_query:
            after.add(key)
    before_args: list[ast.expr] = []
    after_args: list[ast.expr] = []
    for index, arg in enumerate(node.args):
        (after_args if index in after else before_args).append(arg)
    for keyword in node.keywords:
        (after_args if keyword.arg in after else before_args).append(keyword.value)
    return (before_args, after_args) if after_args else None


def separates_query(sep: ast.expr, base: ast.expr | None) -> bool:
    """Does `sep`, written right after `base`, start a query string or fragment? A literal
    holding `?` or `#`, or the idiom that adds a parameter to a URL that may have some already:
    `"&" if "?" in base else "?"` (either way round). A bare `&` does not: after a host,
    `https://site.example&@evil.example` is a user name and another host."""
    text = const_text(sep)
    if text is not None:
        return _starts_query(text)
    if not isinstance(sep, ast.IfExp) or base is None or not dotted(base):
        return False
    test = sep.test
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and const_text(test.left) == "?"
        and dotted(test.comparators[0]) == dotted(base)
    ):
        return False
    yes, no = const_text(sep.body), const_text(sep.orelse)
    if yes is None or no is None or not isinstance(test.ops[0], (ast.In, ast.NotIn)):
        return False
    has_query, no_query = (yes, no) if isinstance(test.ops[0], ast.In) else (no, yes)
    return _starts_query(no_query) and (has_query.startswith("&") or _starts_query(has_query))


def _unmarked(node: ast.expr) -> bool:
    return False


def holds_query(node: ast.expr, marked: Callable[[ast.expr], bool]) -> bool:
    """Does the text `node` builds hold a literal `?` or `#`, so that whatever follows it is in
    a query or fragment? Names `marked` as holding one (`guards.HAS_QUERY`) count too."""
    return holds_literal(node, _starts_query, marked)


def holds_literal(node: ast.expr, test: Callable[[str], bool],
                  marked: Callable[[ast.expr], bool] = _unmarked) -> bool:  # fmt: skip
    """Does the text `node` builds surely hold a literal piece that passes `test`? Literals,
    names `marked` as holding one, and `+`, f-strings, `%` and `str.format` templates, which
    keep every literal part and every operand's text. A field with a format spec
    (`f"{url:.20}"`) may cut it off; a choice (`a if c else b`) holds one only if both sides
    do."""
    text = const_text(node)
    if text is not None:
        return test(text)
    if marked(node):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return holds_literal(node.left, test, marked) or holds_literal(node.right, test, marked)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        fmt = const_text(node.left)
        return fmt is not None and test(CONVERSION.sub("", fmt))
    if isinstance(node, ast.JoinedStr):
        return any(
            test(part.value)
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
            else isinstance(part, ast.FormattedValue)
            and part.format_spec is None
            and holds_literal(part.value, test, marked)
            for part in node.values
        )
    if isinstance(node, ast.IfExp):
        return holds_literal(node.body, test, marked) and holds_literal(node.orelse, test, marked)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        fmt = const_text(node.func.value)
        if node.func.attr != "format" or fmt is None:
            return False
        try:
            return any(test(literal) for literal, *_ in string.Formatter().parse(fmt))
        except ValueError:  # not a valid template: str.format would raise
            return False
    return False


def split_concat(
    node: ast.BinOp, resolve: Resolve = lambda e: e, marked: Callable[[ast.expr], bool] = _unmarked
) -> Split | None:
    """`base + "?next=" + value` -> ([base, "?next="], [value]). `resolve` gives the
    expression a name was bound to (`sep = "&" if "?" in url else "?"`); `marked` says whether a
    name holds a `?` already (`holds_query`): `url + "&next=" + value`."""
    operands = added(node)
    for index, operand in enumerate(operands):
        before = operands[index - 1] if index else None
        if separates_query(resolve(operand), before) or holds_query(operand, marked):
            if index + 1 >= len(operands):
                return None
            return operands[: index + 1], operands[index + 1 :]
    return None


def split_join(node: ast.Call, resolve: Resolve = lambda e: e) -> Split | None:
    """`"?".join([base, query])` -> ([base], [query]): every element after the first follows
    the separator, so where it starts a query, they are all in the query."""
    func, args = node.func, node.args
    if not (isinstance(func, ast.Attribute) and len(args) == 1 and not node.keywords):
        return None
    elements = args[0]
    if not isinstance(elements, (ast.List, ast.Tuple)) or len(elements.elts) < 2:
        return None
    first, *rest = elements.elts
    if any(isinstance(e, ast.Starred) for e in elements.elts):
        return None
    if not separates_query(resolve(func.value), first):
        return None
    return [first], rest


def split_fstring(
    values: Sequence[ast.expr], marked: Callable[[ast.expr], bool] = _unmarked
) -> Split:
    """f"{url}?next={value}" (its parts) -> ([url], [value]); also f"{url}&next={value}" where
    `url` holds a `?` already (`holds_query`)."""
    return split_fstring_at(values, _starts_query, marked)


def split_fstring_at(values: Sequence[ast.expr], test: Callable[[str], bool],
                     marked: Callable[[ast.expr], bool] = _unmarked) -> Split:  # fmt: skip
    """An f-string's replacement values before and after its first literal piece that passes
    `test` (or a value that holds one, `holds_literal`)."""
    before: list[ast.expr] = []
    after: list[ast.expr] = []
    seen = False
    for part in values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            seen = seen or test(part.value)
        elif isinstance(part, ast.FormattedValue):
            (after if seen else before).append(part.value)
            seen = seen or (
                part.format_spec is None and holds_literal(part.value, test, marked)
            )
    return before, after
