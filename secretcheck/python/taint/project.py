"""Summaries of the functions a file imports from its own project, read on demand.

A view that hands the request's value to `services.perform_lnurlauth(callback)`, whose body
does `client.get(callback)`, is an SSRF the file alone cannot show. When the analyzed file is
on disk as it was read, its project is known from the folders around it: the topmost folder of
its package chain (each holding an `__init__.py`, or a folder without one inside such a
package: a namespace package) is the import root, or its own folder when it is no package. A
call to a name imported from a module under that root, absolute (`from
lnbits.core.services import f`) or relative (`from .services import f`, `from . import
services` then `services.f(...)`), is resolved to that file, which is parsed (never run), and the
function is summarized with the functions of its module it calls, the way a function of the
same file is (`engine.Summary`): which parameters reach which sink. What it returns crosses
too (`Project.returned`), when the call passes it attacker data or the request itself: its
parameters' flows, and what it reads from a request parameter (`get_next_url(request)`
returning `request.query_params.get("next")`). Any other call's result stays opaque
(`flows.opaque`).

Bounds: the imported file must be a regular file inside the import root once symlinks are
resolved, at most `MODULE_LIMIT` bytes of UTF-8; summaries reach `MAX_DEPTH` modules below the
analyzed one (its helper, the helper's helper), which also ends import cycles, and cover at most
`SUMMARY_LINES` lines of a function and its callees. A summary is a
function of the files' contents and its depth alone, so the answer does not depend on which
file a worker process analyzed first; it is kept per process, keyed by the module file's
identity (device, inode, size, modification time).

The findings cache keys a file on its own content; a file whose findings used another module's
summary records that module's hash (`recording`), and the cache checks the module is unchanged
before an entry is used (`cache.py`).
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar, cast

from secretcheck import inputfiles
from secretcheck.lazyre import possessive
from secretcheck.python.astsyntax import dotted, parse_module
from secretcheck.python.taint import urlconf
from secretcheck.python.taint.flows import Flow
from secretcheck.python.taint.predicates import NOTHING, Proof

# Why a flow whose sink is in another module is reported at info (below the default gate), and
# so one whose source is read there (a helper that reads the request and returns it): on
# the nine judged application samples, 3 of the first 14 such flows were real defects (two
# SSRFs, one path traversal); the rest ran into a check the caller made in yet another module,
# or into a feature whose purpose is the flagged capability (an administrator's folder or a
# remote camera's URL), which a helper's code shows less of than a view's.
NOTE = (
    "across modules: the flow runs through a function of another module of the project (see"
    " the trace); listed at"
    " info for review, since checks made elsewhere and the feature's purpose are seen less well"
    " through a helper"
)
MODULE_LIMIT = 1024 * 1024
MAX_DEPTH = 2
ENUM_BASES = ("Enum", "IntEnum", "StrEnum", "Flag", "IntFlag")
_T = TypeVar("_T")
# A function whose code and callees in its module run past this many lines is not summarized
# (its result stays opaque): such closures (chart builders of thousands of lines) cost most of
# a second each, and the flows found through imports ran through a few dozen lines.
SUMMARY_LINES = 1500
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+\.*[\w.]*[ \t]+import\b|import[ \t]+\w)", re.M)


@dataclass(frozen=True, slots=True)
class Imported:
    """What one function of another module does with its parameters."""

    where: str  # the module's file, relative to the import root, for trace notes
    params: tuple[str, ...]
    # parameter index -> (rule code, flow from the parameter to the sink, sink line)
    sinks: dict[int, tuple[tuple[str, Flow, int], ...]]
    # what it returns: flows from its parameters (`Flow.param`) and from what it read of a
    # request parameter; only in an answer to `Project.returned`
    returns: tuple[Flow, ...] = ()


@dataclass(slots=True)
class Module:
    """One module file of the project, as read."""

    identity: tuple[int, int, int, int]
    digest: str
    text: str
    where: str  # its path from the import root, for trace notes
    memo: dict[str, object] = field(default_factory=dict)  # for the `Summarizer`'s own use
    # (question, function, depth, its arguments) -> (the `Summarizer`'s answer, the modules
    # it consulted)
    answers: dict[tuple[object, ...], tuple[object, dict[str, str]]] = field(
        default_factory=dict
    )
    tree: ast.Module | None = None
    unparsable: bool = False

    def parsed(self) -> ast.Module | None:
        """The module's tree, parsed when first asked for: most imported modules are only
        read as text (`Summarizer.may_reach`)."""
        if self.tree is None and not self.unparsable:
            try:
                self.tree = parse_module(self.text)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                self.unparsable = True
        return self.tree


# The `mode` of a proof question: what returning at all proves, not returning true.
RETURNING = ("returning",)


class Summarizer(Protocol):
    """The taint check, as a project asks it about a function of one of its modules."""

    def may_reach(self, module: Module, name: str, inner: Project) -> frozenset[str]:
        """Rule codes whose sink text is in the function or what it calls (cheap, textual)."""

    def summary(self, module: Module, name: str, inner: Project) -> Imported | None:
        """What the function passes to a sink, None when nothing."""

    def reads_request(self, module: Module, name: str, inner: Project) -> bool:
        """Does the function, or a function of its module it calls, read a module-level
        request object (Flask's `request`)? Cheap and textual, like `may_reach`."""

    def returns(self, module: Module, name: str, inner: Project,
                requests: tuple[str, ...]) -> Imported | None:  # fmt: skip
        """What the function returns, called with request objects as the `requests` arguments
        (positions "0", or keywords "request"); None when it is not summarized."""

    def proof(self, module: Module, name: str, inner: Project,
              mode: tuple[str, ...] = ()) -> Proof:  # fmt: skip
        """What the function proves of its arguments when it returns true; with `mode`
        `RETURNING`, when it returns at all."""

    def method_summary(self, module: Module, name: str, inner: Project,
                       method: tuple[str, ...]) -> Imported | None:  # fmt: skip
        """What the method `method[0]` of the class `name` (or of a base class of it in the
        same module) passes to a sink; None when none is found."""

    def form_fields(self, module: Module, name: str,
                    inner: Project) -> Mapping[str, frozenset[str]]:  # fmt: skip
        """What a valid form of the class `name` proves of each of its fields."""

    def method_returns(self, module: Module, name: str, inner: Project,
                       method: tuple[str, ...]) -> Imported | None:  # fmt: skip
        """What the method `method[0]` of the class `name` (or of a base class of it in the
        same module) returns, `self.request` being the request; None when none is found."""


@dataclass(slots=True)
class _Shared:
    """What every file of one import root shares within a process."""

    modules: dict[tuple[str, str], Module | None] = field(default_factory=dict)
    files: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    routes: urlconf.Routes | None = None  # the Django URLconfs under the root, once read


@dataclass(slots=True)
class Project:
    """The import root of one analyzed module, and what was read from it."""

    root: str  # real path of the import root
    package: tuple[str, ...]  # the analyzed module's package, from the root
    summarizer: Summarizer
    rules_key: str  # the rule selection the summaries are for
    depth: int = 0
    shared: _Shared = field(default_factory=_Shared)
    used: dict[str, str] = field(default_factory=dict)  # file -> sha256 of what was read
    module: tuple[str, ...] = ()  # the analyzed module's own dotted name, from the root

    def routed_params(self, function: str, params: list[str]) -> frozenset[str]:
        """Parameters of this module's function view that every Django route to it fills
        with harmless text (`urlconf.py`)."""
        if not self.module:
            return frozenset()
        return self._routes().cleared((*self.module, function), params)

    def unrouted_module(self) -> bool:
        """Do the project's Django URLconfs route views, none in this module (`urlconf.py`)?"""
        return bool(self.module) and self._routes().unrouted(self.module)

    def routed_segments(self, function: str, params: list[str]) -> frozenset[str]:
        """Parameters of this module's function view that every Django route to it fills with
        one path segment at most (`urlconf.py`)."""
        if not self.module:
            return frozenset()
        return self._routes().segments((*self.module, function), params)

    def _routes(self) -> urlconf.Routes:
        """The project's URLconfs, read once per import root (`urlconf.py`)."""
        if self.shared.routes is None:
            self.shared.routes = urlconf.read_routes(self.root)
        return self.shared.routes

    def function(self, qualified: str) -> Imported | None:
        """The summary of `pkg.mod.f` (or `.mod.f`, relative to this module), if that is a
        function of this project that reaches a sink."""
        return self._ask(qualified, "summary", None)

    def returned(self, qualified: str, requests: tuple[str, ...]) -> Imported | None:
        """What `pkg.mod.f` returns, when this project defines it; `requests`: the arguments
        the call passes a request object as (see `Summarizer.returns`)."""
        return self._ask(qualified, "returns", None, requests)

    def inherited(self, qualified: str, method: str) -> Imported | None:
        """What the method `method` of the class `pkg.mod.C` (or of a base of C in that module)
        returns, its `self.request` being the request; None when this project defines none."""
        return self._ask(qualified, "method_returns", None, (method,))

    def method_summary(self, qualified: str, method: str) -> Imported | None:
        """What `method` of the class `pkg.mod.C` (or of a base of C in that module) passes to
        a sink, called on an instance; None when this project defines no such method."""
        return self._ask(qualified, "method_summary", None, (method,))

    def proof(self, qualified: str) -> Proof:
        """What a call of the function `pkg.mod.f` proves of its arguments when it returns
        true (`predicates.py`), NOTHING when this project defines no such function."""
        return self._ask(qualified, "proof", NOTHING)

    def returning_proof(self, qualified: str) -> Proof:
        """What a call of the function `pkg.mod.f` proves of its arguments by returning at all
        (a check that raises to refuse), NOTHING when this project defines no such function."""
        return self._ask(qualified, "proof", NOTHING, RETURNING)

    def form_fields(self, qualified: str) -> Mapping[str, frozenset[str]]:
        """What a valid form of the class `pkg.mod.Form` proves of its fields (`forms.py`)."""
        return self._ask(qualified, "form_fields", _NO_FIELDS)

    def may_reach(self, qualified: str) -> frozenset[str]:
        """Rule codes whose sinks `pkg.mod.f` may reach, from the text of it and of what it
        calls: which calls are worth analyzing, before any is summarized."""
        return self._ask(qualified, "may_reach", frozenset())

    def reads_request(self, qualified: str) -> bool:
        """Does `pkg.mod.f` read a module-level request object itself (a helper such as
        `get_redirect_target()` that reads Flask's `request.args`), or through the functions
        of its module it calls?"""
        return self._ask(qualified, "reads_request", False)

    def imports_request_readers(self, text: str, aliases: dict[str, str] | None = None) -> bool:
        """Does `text` call a function of another module of the project that reads a
        module-level request object (`reads_request`)? Such a call is an entry point of the
        calling module, which may read no request itself. `aliases`: the module's imports,
        when `text` is only a part of it (`import_aliases`)."""
        if aliases is None:
            aliases = import_aliases(import_statements(text))
        for qualified in {name for name, _ in calls_through(aliases, text)}:
            parts = self._absolute(qualified)
            if parts is not None and self.module and tuple(parts[:-1]) == self.module:
                continue
            if self.reads_request(qualified):
                return True
        return False

    def _ask(self, qualified: str, question: str, nothing: _T, *extra: tuple[str, ...]) -> _T:
        """The summarizer's answer to `question` about the function `qualified` names,
        asked once per module, function, depth and `extra` arguments; `nothing` if it names
        none."""
        ask = getattr(self.summarizer, question)
        return self._answer(qualified, question, extra, nothing,
                            lambda module, name, inner: ask(module, name, inner, *extra))

    def _answer(self, qualified: str, question: str, extra: tuple[object, ...], nothing: _T,
                compute: Callable[[Module, str, Project], _T]) -> _T:  # fmt: skip
        """`compute(module, name, inner)` for what `qualified` names, kept per module,
        function, depth, `question` and `extra`; `nothing` if it names nothing of the
        project."""
        found = self._resolve(qualified)
        if found is None:
            return nothing
        path, module, name = found
        key = (question, name, self.depth + 1, *extra)
        if key not in module.answers:
            inner = self._inner(path)
            module.answers[key] = (compute(module, name, inner), inner.used)
        answer, uses = module.answers[key]
        # Whatever the answer, it came from this file's content: a changed module may change
        # the findings of every file that asked about it (`cache.py` checks them all).
        self.used[path] = module.digest
        self.used.update(uses)
        return cast(_T, answer)

    def assigns(self, qualified: str, attribute: str) -> bool:
        """Does a method of the class `pkg.mod.C`, or of a base of C in that module, assign
        `self.<attribute>`?"""
        found = self._tree(qualified)
        if found is None:
            return False
        tree, name = found
        chain, _ = class_chain(classes_of(tree.body), name)
        return any(assigns_attribute(cls, attribute) for cls in chain)

    def base_names(self, qualified: str) -> frozenset[str]:
        """The names of the bases the class `pkg.mod.C` and its bases in that module take from
        elsewhere, as written and as that module's imports qualify them, and so on through the
        project's own classes, `MAX_DEPTH` modules deep. nbviewer's `LocalFileHandler` derives
        from `RenderingHandler` of its `base.py`, which derives from `BaseHandler` there, a
        `web.RequestHandler`: "web.RequestHandler" and "tornado.web.RequestHandler"."""
        return self._answer(qualified, "base_names", (), frozenset(), _base_names)

    def exposes(self, qualified: str) -> bool:
        """Does the class `pkg.mod.C`, or a base of it there or in the project's other modules
        (`MAX_DEPTH` deep), set CherryPy's `exposed = True` in its body? ipsilon's `Page`
        (`util/page.py`) does, and dispatches a request to its subclasses' `GET`/`POST`."""
        return self._answer(qualified, "exposes", (), False, _exposes)

    def is_enum(self, qualified: str) -> bool:
        """Is `pkg.mod.Name` a class of the project that subclasses an `Enum`?"""
        found = self._tree(qualified)
        return found is not None and found[1] in enum_classes(found[0].body)

    def _tree(self, qualified: str) -> tuple[ast.Module, str] | None:
        """The parsed module `pkg.mod.Name` names and Name, recorded as read (`used`)."""
        found = self._resolve(qualified)
        if found is None:
            return None
        path, module, name = found
        tree = module.parsed()
        self.used[path] = module.digest
        return (tree, name) if tree is not None else None

    def imports_sinks(self, text: str) -> frozenset[str]:
        """Rule codes that a call in `text` to a function imported from the project may reach.
        A name the module imports from itself (werkzeug's `response.py` imports its own
        `Response`) is in `text` already, and its own prefilter decides."""
        codes: set[str] = set()
        for qualified in called_imports(text):
            parts = self._absolute(qualified)
            if parts is not None and self.module and tuple(parts[:-1]) == self.module:
                continue
            codes |= self.may_reach(qualified)
        return frozenset(codes)

    def _resolve(self, qualified: str) -> tuple[str, Module, str] | None:
        if self.depth >= MAX_DEPTH:
            return None
        found = self._locate(qualified)
        if found is None:
            return None
        path, name = found
        module = self._module(path)
        return (path, module, name) if module is not None else None

    def _inner(self, path: str) -> Project:
        """The project as the module at `path` sees it, one level deeper."""
        rel = os.path.relpath(os.path.dirname(path), self.root)
        package = () if rel == "." else tuple(rel.split(os.sep))
        return Project(self.root, package, self.summarizer, self.rules_key, self.depth + 1,
                       self.shared)  # fmt: skip

    # -- resolving -------------------------------------------------------------------------
    def _absolute(self, dotted_name: str) -> list[str] | None:
        level = len(dotted_name) - len(dotted_name.lstrip("."))
        rest = [p for p in dotted_name[level:].split(".") if p]
        if level == 0:
            return rest
        if level - 1 > len(self.package):
            return None
        return [*self.package[: len(self.package) - (level - 1)], *rest]

    def _locate(self, qualified: str) -> tuple[str, str] | None:
        parts = self._absolute(qualified)
        if not parts or len(parts) < 2:
            return None
        path = self._module_file(tuple(parts[:-1]))
        return (path, parts[-1]) if path is not None else None

    def _module_file(self, parts: tuple[str, ...]) -> str | None:
        if parts not in self.shared.files:
            self.shared.files[parts] = self._find(parts)
        return self.shared.files[parts]

    def _find(self, parts: tuple[str, ...]) -> str | None:
        if not all(p.isidentifier() for p in parts):
            return None
        base = os.path.join(self.root, *parts)
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            real = os.path.realpath(candidate)
            if real.startswith(self.root + os.sep) and os.path.isfile(real):
                return real
        return None

    def _module(self, path: str) -> Module | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        key = (path, self.rules_key)
        known = self.shared.modules.get(key)
        if known is None or known.identity != identity:
            known = _read(path, identity, os.path.relpath(path, self.root).replace(os.sep, "/"))
            self.shared.modules[key] = known
        return known


def _read(path: str, identity: tuple[int, int, int, int], where: str) -> Module | None:
    try:
        data = inputfiles.read_bytes(path, MODULE_LIMIT)
        text = data.decode("utf-8")
    except (inputfiles.InputFileError, UnicodeDecodeError):
        return None
    return Module(identity, hashlib.sha256(data).hexdigest(), text, where)


def called_imports(text: str) -> set[str]:
    """The qualified names `text` calls through its import statements, read from the text:
    `from .a import f` then `f(...)` gives ".a.f"; `import a.b as m` then `m.g(...)`, "a.b.g"."""
    return {name for name, _ in calls_through(import_aliases(import_statements(text)), text)}


def calls_through(aliases: dict[str, str], text: str) -> Iterator[tuple[str, int]]:
    """(qualified name, offset) of each call in `text` to a name bound by `aliases`, maybe
    through attributes (`m.f(`)."""
    if not aliases:
        return
    for match in named_calls(_CHAINED_CALL, aliases, text):
        rest = "".join(match.group(2).split())
        yield aliases[match.group(1)] + rest, match.start()


# A call of a name, maybe through attributes (`m.f(`), and a call of a plain name (`f(`): one
# pattern each for every set of names, looked up per match (`named_calls`), rather than an
# alternation of the names compiled per module and per set, which was ~1.5% of a
# flask+werkzeug scan. Possessive: a name, a dot and the `(` are never the same character, so
# giving back what a quantifier took can never make a match, and not trying halves the time.
_CHAINED_CALL = re.compile(possessive(r"(?<![.\w])([^\W\d]\w*+)((?:\s*+\.\s*+\w++)*+)\s*+\("))
PLAIN_CALL = re.compile(possessive(r"(?<![.\w])([^\W\d]\w*+)\s*+\("))


def named_calls(pattern: re.Pattern[str], names: Container[str],
                text: str) -> Iterator[re.Match[str]]:  # fmt: skip
    """The matches `finditer` would give if the first group of `pattern` were an alternation
    of `names`: those whose first group is one of them. A match of another name ends the
    search there only at that name's end, as an attribute after a space (`x . f(`) is where
    the alternation could match next."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if match.group(1) in names:
            yield match
            position = match.end()
        else:
            position = match.end(1)


_NO_FIELDS: Mapping[str, frozenset[str]] = {}


def project_name(name: str) -> bool:
    """Can the qualified name a call or base resolves to be one of the project's modules?"""
    return "." in name and not name.startswith("builtins.")


def qualified_call(func: ast.expr, aliases: Mapping[str, str]) -> str:
    """The qualified name a call names through an import (`m.f(...)` -> "a.b.f"), or ""."""
    head, dot, rest = dotted(func).partition(".")
    return aliases[head] + dot + rest if head in aliases else ""


def classes_of(body: Sequence[ast.stmt]) -> dict[str, ast.ClassDef]:
    """The top-level classes of a module, by name."""
    return {n.name: n for n in body if isinstance(n, ast.ClassDef)}


def _base_names(module: Module, name: str, inner: Project) -> frozenset[str]:
    """`Project.base_names` of the class `name` of `module`, `inner` being that module's view."""
    tree = module.parsed()
    if tree is None:
        return frozenset()
    _, foreign = class_chain(classes_of(tree.body), name)
    aliases = import_aliases(tree.body)
    names: set[str] = set()
    for base in foreign:
        written, imported = dotted(base), qualified_call(base, aliases)
        names.update(n for n in (written, imported) if n)
        if imported and project_name(imported):
            names |= inner.base_names(imported)
    return frozenset(names)


def _exposes(module: Module, name: str, inner: Project) -> bool:
    """`Project.exposes` of the class `name` of `module`, `inner` being that module's view."""
    tree = module.parsed()
    if tree is None:
        return False
    chain, foreign = class_chain(classes_of(tree.body), name)
    if any(_exposed_body(cls.body) for cls in chain):
        return True
    aliases = import_aliases(tree.body)
    for base in foreign:
        imported = qualified_call(base, aliases)
        if imported and project_name(imported) and inner.exposes(imported):
            return True
    return False


def _exposed_body(body: Sequence[ast.stmt]) -> bool:
    """Does a class body set CherryPy's `exposed = True` for itself?"""
    return any(
        isinstance(statement, ast.Assign)
        and isinstance(statement.value, ast.Constant)
        and statement.value.value is True
        and any(isinstance(t, ast.Name) and t.id == "exposed" for t in statement.targets)
        for statement in body
    )


_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)


def local_classes(body: Sequence[ast.stmt]) -> dict[str, ast.ClassDef]:
    """The classes a module defines inside its functions, by name: a factory that returns a
    handler class configured by its arguments (holdout29's qr-filetransfer builds its
    `http.server` handler in `FileUploadServerHandlerClass(output_dir, ...)`)."""
    found: dict[str, ast.ClassDef] = {}
    todo: list[ast.AST] = [n for n in body if isinstance(n, _FUNCTION_NODES)]
    while todo:
        for child in ast.iter_child_nodes(todo.pop()):
            if isinstance(child, ast.ClassDef):
                found.setdefault(child.name, child)
            if isinstance(child, (ast.stmt, ast.ExceptHandler)):
                todo.append(child)
    return found


def class_chain(classes: Mapping[str, ast.ClassDef],
                name: str) -> tuple[list[ast.ClassDef], list[ast.expr]]:  # fmt: skip
    """The class `name` and its bases defined beside it, breadth first and left to right
    (Python's order for the usual mixin lists), and the bases they name from elsewhere."""
    chain: list[ast.ClassDef] = []
    foreign: list[ast.expr] = []
    todo = [name]
    while todo:
        current = classes.get(todo.pop(0))
        if current is None or current in chain:
            continue
        chain.append(current)
        for base in current.bases:
            if isinstance(base, ast.Name) and base.id in classes:
                todo.append(base.id)
            else:
                foreign.append(base)
    return chain, foreign


def assigns_attribute(cls: ast.ClassDef, attribute: str) -> bool:
    """Does a method of `cls` assign `self.<attribute>` (`self.kwargs = kwargs`)?"""
    for member in cls.body:
        if not isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(member):
            targets = (node.targets if isinstance(node, ast.Assign)
                       else [node.target] if isinstance(node, ast.AnnAssign) else [])  # fmt: skip
            if any(dotted(t) == f"self.{attribute}" for t in targets):
                return True
    return False


def enum_classes(body: Sequence[ast.stmt]) -> frozenset[str]:
    """Classes of the module that subclass an Enum: `Sort(value)` is a member or an error."""
    return frozenset(
        n.name
        for n in body
        if isinstance(n, ast.ClassDef) and any(dotted(b).endswith(ENUM_BASES) for b in n.bases)
    )


def import_aliases(body: Sequence[ast.stmt]) -> dict[str, str]:
    """Local name -> the qualified name an import binds it to (`from .a import f` binds `f`
    to ".a.f"; `import a.b as m`, `m` to "a.b"; `import a.b`, `a` to "a")."""
    aliases: dict[str, str] = {}
    for node in body:
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            dot = "." if module.rstrip(".") else ""
            for alias in node.names:
                if alias.name != "*":
                    aliases[alias.asname or alias.name] = f"{module}{dot}{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    head = alias.name.split(".")[0]
                    aliases[head] = head
    return aliases


def import_statements(text: str) -> list[ast.stmt]:
    """The import statements of `text`, parsed without the rest of the module: together, or
    one by one when one of them does not parse alone."""
    sources = [_statement_at(text, match.end()).strip() for match in _IMPORT.finditer(text)]
    with contextlib.suppress(SyntaxError, ValueError, RecursionError):
        return ast.parse("\n".join(sources)).body
    statements: list[ast.stmt] = []
    for source in sources:
        with contextlib.suppress(SyntaxError, ValueError, RecursionError):
            statements.extend(ast.parse(source).body)
    return statements


def _statement_at(text: str, inside: int) -> str:
    """The import statement around offset `inside`, with its continuation lines."""
    start = text.rfind("\n", 0, inside) + 1
    end = text.find("\n", inside)
    line = text[start : end if end != -1 else None]
    if "(" in line and ")" not in line:
        close = text.find(")", inside)
        return text[start : close + 1] if close != -1 else line
    while line.endswith("\\") and end != -1:
        end = text.find("\n", end + 1)
        line = text[start : end if end != -1 else None]
    return line


def for_file(path: str, text: str, summarizer: Summarizer, rules_key: str) -> Project | None:
    """The project of the file reported as `path` (or read from the `located` one), when that
    file is on disk holding `text`: a staged or historical version is analyzed alone. A file
    `located` was read from there just now; only another name's disk copy is compared."""
    real = os.path.realpath(_location or path)
    if not real.endswith(".py"):
        return None
    if not _location:
        encoded = text.encode("utf-8", "surrogatepass")
        try:
            on_disk = inputfiles.read_bytes(real, len(encoded))
        except inputfiles.InputFileError:
            return None
        if on_disk != encoded:
            return None
    folder = os.path.dirname(real)
    package: list[str] = []
    while True:
        parent = os.path.dirname(folder)
        # A folder with no `__init__.py` inside a package is a namespace package of it
        # (MobSF's `DynamicAnalyzer/views/common/`, imported as `mobsf.DynamicAnalyzer...`).
        inside = os.path.isfile(os.path.join(folder, "__init__.py")) or os.path.isfile(
            os.path.join(parent, "__init__.py"))  # fmt: skip
        if parent == folder or not inside:
            break
        package.insert(0, os.path.basename(folder))
        folder = parent
    stem = os.path.splitext(os.path.basename(real))[0]
    module = tuple(package) if stem == "__init__" else (*package, stem)
    project = Project(folder, tuple(package), summarizer, rules_key, 0,
                      _SHARED.setdefault(folder, _Shared()), module=module)  # fmt: skip
    if _recording is not None:
        _recording.append(project)
    return project


# What every file of an import root analyzed in this process shares, until `forget`.
_SHARED: dict[str, _Shared] = {}


def forget() -> None:
    """Drop what was read of every project: a new scan may find the files changed."""
    _SHARED.clear()
_recording: list[Project] | None = None
_location = ""


@contextlib.contextmanager
def located(path: str) -> Iterator[None]:
    """The file being scanned is at `path` on disk, whatever name reports give it (a graded
    submission's files are reported relative to its root)."""
    global _location
    saved, _location = _location, path
    try:
        yield
    finally:
        _location = saved


@contextlib.contextmanager
def recording() -> Iterator[dict[str, str]]:
    """The other modules (file -> sha256) whose summaries the analysis inside used."""
    global _recording
    saved, _recording = _recording, []
    used: dict[str, str] = {}
    try:
        yield used
    finally:
        for project in _recording:
            used.update(project.used)
        _recording = saved
