"""Parts of a path that cannot climb out of the folder it is joined to.

A containment check has two halves (`flows.CONTAINED`): the path holds no ".." segment
(`flows.NO_PARENT`) and it is not absolute (`flows.RELATIVE`). Guards prove them by testing
(`guards.path_halves`); some expressions have them by how they are built:

- a piece of `name.split(".")` (or the last of `name.rsplit(".", 1)`) holds no "." at all, so
  it adds no ".." (Zou's `"." + upload.filename.split(".")[-1]` file extension);
- the extension `os.path.splitext()` splits off holds no separator (it follows the last one)
  and is never ".." (a dot, then no dot), so no path built with it climbs anywhere (convertit's
  `_, ext = os.path.splitext(url)`, then `uuid4() + ext`);
- text that follows a non-empty literal in `+` or an f-string does not start the result, so it
  cannot make it absolute (`f"{row_id}.{extension}"`), unless that literal is the root itself
  (`"/" + name` is any absolute path; a folder of its own is needed for the text to stay in).

One URL path segment (`flows.SEGMENT`: Flask's `<name>`, FastAPI's `{name}`, Django's
`<str:name>`) holds no "/": joined to a folder, it names a file or folder in it, or, as "..",
the folder's parent itself, which no file read or write opens. So into a file sink it is
reported at info (the threat model, `SEGMENT_NOTE`) while it is the path's only text of a
caller or client, and used once; into a folder operation (`rmtree`, `listdir`, `rename`),
beside other such text, or built into a path twice (`f"{name}/{name}"`), it is a finding as
before. A Windows host also splits at "\\", which a segment may hold: that is the threat
model's stated limit.
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import replace

from secretcheck.python.astsyntax import const_text, dotted
from secretcheck.python.taint import query
from secretcheck.python.taint.flows import RELATIVE, SEGMENT, Flow, Value

SEGMENT_NOTE = (
    "threat model: one URL path segment, which holds no '/', names a path in its folder or, as"
    " '..', the folder's parent, which a file read or write cannot open (a folder that serves a"
    " safely joined name reaches one level up at most); a defect on a Windows host, where '\\'"
    " also separates"
)

SPLITEXT = frozenset({"os.path.splitext", "posixpath.splitext", "ntpath.splitext"})


def extension_index(node: ast.expr) -> bool:
    """Does this subscript pick the extension of `splitext()`'s (root, ext) pair?"""
    return _index(node) in (1, -1)


def dot_free(node: ast.Subscript) -> bool:
    """`x.split(".")[i]`, or `x.rsplit(".", 1)[-1]` / `[1]`: a piece with no "." in it."""
    call = node.value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return False
    method, args = call.func.attr, call.args
    if call.keywords or not args or const_text(args[0]) != ".":
        return False
    if isinstance(node.slice, ast.Slice):  # a list of pieces: ".".join() puts dots back
        return False
    if method == "split":
        return len(args) == 1  # with a maxsplit, the last piece keeps the rest
    if method != "rsplit" or len(args) != 2:
        return False
    once = isinstance(args[1], ast.Constant) and args[1].value == 1
    return once and _index(node.slice) in (-1, 1)


def _index(node: ast.expr) -> int | None:
    """A constant integer subscript (`1`, `-1`), else None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _index(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def holds_text(node: ast.expr) -> bool:
    """Does the text `node` builds hold a non-empty literal (so what follows it is no start),
    and is it more than the filesystem's root (`"/" + name` is any absolute path)?"""
    return not _root(const_text(node)) and query.holds_literal(node, bool)


def after_text(values: list[ast.expr]) -> set[int]:
    """The ids of an f-string's replacement values that follow non-empty literal text, other
    than a root alone (`f"/{name}"`)."""
    _, after = query.split_fstring_at(values, bool)
    rooted: set[int] = set()  # values that only the root's separators precede
    text = ""
    for part in values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            text += part.value
        elif isinstance(part, ast.FormattedValue):
            if not _root(text) or not text:
                break
            rooted.add(id(part.value))
    return {id(value) for value in after} - rooted


def _root(text: str | None) -> bool:
    """Literal text that is only separators: what follows it starts at the filesystem's root."""
    return text is not None and not text.strip("/\\")


def _key(flow: Flow) -> tuple[str, str, int]:
    return (flow.origin, flow.label, flow.param)


def once(*values: Value) -> list[Value]:
    """`values` put together into one text: a segment's flow that more than one of them holds
    is no longer one segment (`f"{name}/{name}"` climbs two levels)."""
    held = [{_key(f) for f in v if SEGMENT in f.cleared} for v in values if v]
    if len(held) < 2:  # the common case, first: at most one operand holds anything
        return list(values)
    counts = Counter(k for keys in held for k in keys)
    repeated = {k for k, n in counts.items() if n > 1}
    if not repeated:
        return list(values)
    return [tuple(replace(f, cleared=f.cleared - {SEGMENT}) if _key(f) in repeated else f
                  for f in v) for v in values]  # fmt: skip


def unsegmented(value: Value) -> Value:
    """What `replace()`, `format()` or `sep.join()` makes of a segment may hold a "/"."""
    return tuple(replace(f, cleared=f.cleared - {SEGMENT}) if SEGMENT in f.cleared else f
                 for f in value)  # fmt: skip


def exposed(value: Value, folder: bool) -> Value:
    """A path at a path sink: its flows are `exposed` (their `SEGMENT` does not bound the
    path) when the sink acts on folders, where ".." alone names the parent, or when text of
    more than one origin builds the path (two segments climb two levels). A parameter's flow
    keeps the mark, for the caller's argument it will stand for (`engine._chain`)."""
    # A value computed by a call not followed (`subject.get_data_export_dir()` of a record
    # looked up by an id) is no text of the client's: as elsewhere, opaque flows are not
    # reported by default (`engine.OPAQUE_REPORTED`), and they do not count here.
    keys = {_key(f) for f in value if not f.opaque}
    if not folder and len(keys) <= 1:
        return value
    if folder:
        return tuple(f if f.exposed else replace(f, exposed=True) for f in value)

    def beside_other_text(flow: Flow) -> bool:
        # Only the client's text beside it climbs further. A parameter stands for its caller's
        # text, weighed where the call passes it (the parameter's flow is exposed by the text
        # beside it, `engine._chain`), and a value of unknown origin is no client's text: they
        # expose no other flow here (changedetection's view joins the URL's segment to a folder
        # its app factory's argument holds, a free name in the view).
        own = _key(flow)
        return any(k != own and (k[0] == "source" or flow.origin == "param") for k in keys)

    return tuple(f if f.exposed or not beside_other_text(f) else replace(f, exposed=True)
                 for f in value)  # fmt: skip


_PATH_MODULES = frozenset({"os.path", "posixpath", "ntpath"})


def rebuilt(node: ast.Call, value: Value) -> Value:
    """What a call that rewrites text makes of a segment: `sep.join(pieces)` puts `sep` between
    its pieces, `replace(old, new)` puts `new` in, `re.sub()` its replacement, `translate()`
    any character. A segment no longer, unless that literal holds no separator. And the
    other way: `name.replace("/", "")` (or any text with no separator in its place) leaves no
    "/" in what it returns, one path segment (holdout28's servefile strips every slash from
    the name it is PUT)."""
    func = node.func
    if strips_separator(node):
        return tuple(replace(f, cleared=f.cleared | {SEGMENT, RELATIVE}) for f in value)
    if not any(SEGMENT in f.cleared for f in value):
        return value
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    args = node.args
    inserted: str | None
    if name == "join" and isinstance(func, ast.Attribute):
        if dotted(func.value) in _PATH_MODULES:
            return value  # a path join: `once` saw each part
        inserted = const_text(func.value)
    elif name == "replace" and isinstance(func, ast.Attribute):
        inserted = const_text(args[1]) if len(args) > 1 else None
    elif name in ("sub", "subn"):
        # `re.sub(pattern, repl, text)`, or `compiled.sub(repl, text)`
        at = 1 if dotted(func).split(".")[0] in ("re", "regex") or isinstance(func, ast.Name) else 0
        inserted = const_text(args[at]) if len(args) > at else None
    elif name == "translate":
        inserted = None
    else:
        return value
    if inserted is not None and "/" not in inserted and "\\" not in inserted:
        return value
    return unsegmented(value)


def strips_separator(node: ast.Call) -> bool:
    """`text.replace("/", "")`, or `"_"` in its place: no "/" is left in what it returns."""
    func, args = node.func, node.args
    if not (isinstance(func, ast.Attribute) and func.attr == "replace") or node.keywords:
        return False
    if len(args) != 2 or const_text(args[0]) != "/":
        return False
    inserted = const_text(args[1])
    return inserted is not None and "/" not in inserted and "\\" not in inserted
