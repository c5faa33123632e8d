"""Names a module binds once to a string literal, and the literal: `KOBO_IMAGEHOST_URL =
"https://kbimages1-a.akamaihd.net"` at module level, `API = "https://api.example.com"` in a
class body (read as `Client.API`, or `self.API` in the class's own methods).

`url_start.UrlStart.fixed_head` folds them into the text a URL starts with, so that
`KOBO_IMAGEHOST_URL + "/{uuid}/image.jpg".format(uuid=value)` starts with a fixed scheme and
host as the literal "https://kbimages1-a.akamaihd.net/{uuid}/image.jpg" would. A name bound a
second time anywhere in the module (another assignment, an import, a loop target, a
`global` statement in a function) is no constant: which binding a read sees would take flow
analysis. Nor is a class attribute stored anywhere in the module under that attribute name
(`self.API = ...`, `client.API = ...`, `Client.API = ...`: the receiver's class is not known),
or bound in another class body too (a subclass's `API = ""` is what `self.API` reads in its
instances). A subclass in another module can still override one.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from secretcheck.python.astsyntax import const_text, dotted

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def text_constants(body: Sequence[ast.stmt]) -> dict[str, str]:
    """Names ("API", "Client.API") -> the literal each is bound to once (see the module doc)."""
    found: dict[str, str] = {}
    bound: Counter[str] = Counter()
    for statement in body:
        for node in _outside_scopes(statement):
            bound.update(_bound_here(node))
    for statement in body:
        text = _literal_binding(statement)
        if text is not None:
            found[text[0]] = text[1]
    declared: set[str] = set()  # names a function declares global
    stored: set[str] = set()  # attribute names stored to, on any receiver
    classes: list[ast.ClassDef] = []
    for statement in body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Global):
                declared.update(node.names)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
                stored.add(node.attr)
            elif isinstance(node, ast.ClassDef):
                classes.append(node)
    out = {n: text for n, text in found.items()
           if bound[_bound_name(n)] == 1 and _bound_name(n) not in declared}  # fmt: skip
    in_classes: Counter[str] = Counter()  # class bodies binding each name
    for node in classes:
        in_classes.update({n for s in node.body for inner in _outside_scopes(s)
                           for n in _bound_here(inner)})  # fmt: skip
    for node in classes:
        for statement in node.body:
            binding = _literal_binding(statement)
            if binding is None:
                continue
            name = _bound_name(binding[0])
            if in_classes[name] != 1 or name in stored:
                continue
            if _bound_once(node.body, name):
                out[f"{node.name}.{binding[0]}"] = binding[1]
    return out


def _bound_name(key: str) -> str:
    """The name a constant's key reads: "MD5" for "MD5.pattern"."""
    return key.removesuffix(".pattern")


def _bound_once(body: Sequence[ast.stmt], name: str) -> bool:
    return sum(n == name for s in body for inner in _outside_scopes(s)
               for n in _bound_here(inner)) == 1  # fmt: skip


def _literal_binding(statement: ast.stmt) -> tuple[str, str] | None:
    """`NAME = "text"` / `NAME: str = "text"`: (NAME, text)."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target, value = statement.target, statement.value
    else:
        return None
    if not isinstance(target, ast.Name):
        return None
    text = const_text(value)
    if text is not None:
        return target.id, text
    text = compiled_text(value)
    # `MD5 = re.compile(r"^[0-9a-f]{32}$")`: read as `MD5.pattern`, which is that literal
    return (f"{target.id}.pattern", text) if text is not None else None


def pattern_text(node: ast.expr, constant: Callable[[str], str | None]) -> str | None:
    """A regular expression's literal as the code gives it: a string literal,
    `re.compile("literal")`, or a name (or attribute) of a constant bound to either
    (`constant` answers "MD5" and "MD5.pattern", see `_literal_binding`)."""
    text = const_text(node)
    if text is None:
        text = compiled_text(node)
    name = dotted(node) if text is None and isinstance(node, (ast.Name, ast.Attribute)) else ""
    return (constant(f"{name}.pattern") or constant(name)) if name else text


# Flags that leave `^` and `$` meaning the start and end of the text (MULTILINE does not, and
# VERBOSE would need its own reading of the pattern).
_PLAIN_FLAGS = frozenset({"re.I", "re.IGNORECASE", "re.A", "re.ASCII", "re.U", "re.UNICODE"})


def compiled_text(node: ast.AST) -> str | None:
    """The literal of `re.compile("literal")`, with no flags or only plain ones, else None."""
    if not (isinstance(node, ast.Call) and dotted(node.func) in ("re.compile", "regex.compile")):
        return None
    if len(node.args) not in (1, 2) or any(k.arg != "flags" for k in node.keywords):
        return None
    flags = [*node.args[1:], *(k.value for k in node.keywords)]
    if any(dotted(flag) not in _PLAIN_FLAGS for flag in flags):
        return None
    return const_text(node.args[0])


def _outside_scopes(node: ast.AST) -> Iterator[ast.AST]:
    """`node` and what it holds, not looking into nested functions and classes (their names
    are their own), though the name a def or class statement binds counts."""
    yield node
    if isinstance(node, _SCOPES):
        return
    for child in ast.iter_child_nodes(node):
        yield from _outside_scopes(child)


def _bound_here(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        yield node.id
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            yield (alias.asname or alias.name).split(".")[0]
    elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
        yield node.name
