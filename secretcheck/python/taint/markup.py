"""A percent-encoded request path written inside a double-quoted HTML attribute.

Django builds `request.get_full_path()` with `escape_uri_path()` and `iri_to_uri()`: the text
starts with `/` and holds no `"`, `<`, `>`, space or backslash (each becomes `%XX`). Written
between the quotes of a double-quoted attribute of a literal template (`'<a
href="/login/?next=%s">' % request.get_full_path()`), it can neither close the value nor open
a tag, and it cannot choose a `javascript:` scheme. It keeps `'`, so a single-quoted attribute,
an unquoted one or a script's string is still a sink, as is any template this module cannot
read (a name, a translation looked up by a variable).

Templates read: `%` with one operand or a tuple, `str.format` by position or keyword, f-strings
and `+` chains, each with its literal possibly wrapped in a gettext call (`_("...") % path`).
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Sequence

from secretcheck.python.astsyntax import added, const_text
from secretcheck.python.taint.flows import Value, clear, join
from secretcheck.python.taint.query import CONVERSION

# The source labels (`interp.py`, `sources.py`) of Django's percent-encoded request paths.
ENCODED = frozenset({"request.get_full_path()", "request.get_full_path_info()"})
_GETTEXT = frozenset(
    {"_", "gettext", "gettext_lazy", "ugettext", "ugettext_lazy", "pgettext", "gettext_noop"}
)
_FILLER = "x"  # what another placeholder stands for while one is placed
_ATTRIBUTE = re.compile(r"[\w:.-]+\Z")  # the attribute name before `="`
_CODE_ATTRIBUTES = ("on", "style")
# A tag longer than this before a placeholder is not read (the work stays linear in the text).
_MAX_TAG = 1024


def template(node: ast.expr | None) -> str | None:
    """A literal, or a literal in a gettext call (`_("...")`)."""
    text = const_text(node)
    if text is not None or not isinstance(node, ast.Call):
        return text
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(
        func, ast.Attribute) else ""  # fmt: skip
    if name in _GETTEXT and len(node.args) == 1 and not node.keywords:
        return const_text(node.args[0])
    return None


def _quoted(pieces: Sequence[str], operands: Sequence[ast.expr]) -> frozenset[int]:
    """`pieces`: the literal text around the placeholders (one more than `operands`). An
    operand written twice counts only if every place it is written is quoted."""
    closes = _closing(pieces)
    places: dict[int, bool] = {}
    tag: str | None = None  # the text since the last "<" while inside a tag
    for index, operand in enumerate(operands):
        piece = pieces[index]
        start = piece.rfind("<")
        if start >= 0:
            tag = piece[start:]
        elif tag is not None:
            tag = f"{tag}{_FILLER}{piece}"
        if tag is not None and (">" in tag or len(tag) > _MAX_TAG):
            tag = None
        quoted = tag is not None and _value_open(tag) and closes[index + 1]
        places[id(operand)] = places.get(id(operand), True) and quoted
    return frozenset(key for key, quoted in places.items() if quoted)


def _closing(pieces: Sequence[str]) -> list[bool]:
    """For each piece: does the text from its start on (other fields standing for plain
    text) reach a `"` before any tag delimiter? Read right to left, once."""
    out = [False] * len(pieces)
    later = False
    for index in range(len(pieces) - 1, -1, -1):
        piece = pieces[index]
        marks = [i for i in (piece.find('"'), piece.find("<"), piece.find(">")) if i >= 0]
        later = later if not marks else piece[min(marks)] == '"'
        out[index] = later
    return out


def _value_open(tag: str) -> bool:
    """Inside a tag, is the text after `name="` with no quote since, of an attribute whose
    value is text or a URL? A `'` anywhere gives up (a single-quoted value may hold a `"`), and
    so do event handlers and `style`, whose values are script and CSS: `onclick="go(%s)"`
    needs no quote to run code."""
    if "'" in tag or tag.count('"') % 2 == 0:
        return False
    head = tag[: tag.rindex('"')].rstrip()
    if not head.endswith("="):
        return False
    name = _ATTRIBUTE.search(head[:-1].rstrip())
    return name is not None and not name.group().lower().startswith(_CODE_ATTRIBUTES)


def quoted_operands(node: ast.expr) -> frozenset[int]:
    """The ids of the operands `node` writes inside a double-quoted attribute value."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _percent(node)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _split(added(node))
    if isinstance(node, ast.JoinedStr):
        return _fstring(node)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _format(node)
    return frozenset()


def _percent(node: ast.BinOp) -> frozenset[int]:
    fmt = template(node.left)
    if fmt is None or '="' not in fmt.replace(" ", ""):
        return frozenset()
    operands = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
    conversions = [m for m in CONVERSION.finditer(fmt) if m.group() != "%%"]
    if len(conversions) != len(operands) or any(
        "(" in m.group() or not m.group().endswith("s") for m in conversions
    ):
        return frozenset()  # `%r` and `%a` add quotes of their own
    pieces, start = [], 0
    for match in conversions:
        pieces.append(fmt[start : match.start()])
        start = match.end()
    pieces.append(fmt[start:])
    return _quoted(pieces, operands)


def _fstring(node: ast.JoinedStr) -> frozenset[int]:
    # a field with no format spec and no conversion (`{x!r}` adds quotes) writes its value
    parts = [p.value if isinstance(p, ast.FormattedValue) and p.format_spec is None
             and p.conversion == -1 else p for p in node.values]  # fmt: skip
    return _split(parts)


def _split(parts: Sequence[ast.expr]) -> frozenset[int]:
    """Literal pieces and operands of a `+` chain or an f-string (adjacent operands are
    separated by empty pieces)."""
    pieces, operands, current = [], [], ""
    for part in parts:
        text = template(part)
        if text is not None:
            current += text
        elif isinstance(part, ast.FormattedValue):
            return frozenset()  # a format spec or conversion may change the text
        else:
            pieces.append(current)
            operands.append(part)
            current = ""
    pieces.append(current)
    if not operands or not any('="' in p.replace(" ", "") for p in pieces):
        return frozenset()
    return _quoted(pieces, operands)


def _format(node: ast.Call) -> frozenset[int]:
    func = node.func
    assert isinstance(func, ast.Attribute)
    fmt = template(func.value)
    if func.attr != "format" or fmt is None or '="' not in fmt.replace(" ", ""):
        return frozenset()
    if any(isinstance(a, ast.Starred) for a in node.args) or any(
        k.arg is None for k in node.keywords
    ):
        return frozenset()
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return frozenset()
    keywords = {k.arg: k.value for k in node.keywords}
    pieces, operands, current, auto = [], [], "", 0
    for literal, name, spec, conversion in fields:
        current += literal
        if name is None:
            continue
        if spec or conversion or not re.fullmatch(r"\w*", name):
            return frozenset()  # `{x!r}`, `{x:>10}`, `{x.attr}` change or pick the text
        if name == "":
            key: int | str = auto
            auto += 1
        else:
            key = int(name) if name.isdigit() else name
        operand = (node.args[key] if isinstance(key, int) and key < len(node.args)
                   else keywords.get(key) if isinstance(key, str) else None)  # fmt: skip
        if operand is None:
            return frozenset()
        pieces.append(current)
        operands.append(operand)
        current = ""
    pieces.append(current)
    return _quoted(pieces, operands)


def in_attribute(value: Value) -> Value:
    """`value` written inside a double-quoted attribute: Django's encoded paths are no XSS."""
    if not any(f.label in ENCODED for f in value):
        return value
    encoded = tuple(f for f in value if f.label in ENCODED)
    rest = tuple(f for f in value if f.label not in ENCODED)
    return join(rest, clear(encoded, ("xss",)))
