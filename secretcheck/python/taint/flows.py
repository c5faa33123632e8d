"""The values of the taint analysis: flows, sinks and the small pure operations on them.

A `Value` is a tuple of `Flow`s, one per distinct origin the runtime value may come from. An
empty tuple means a constant, or a value that cannot carry attacker data (an `int()`, a length,
a digest). Flows remember the steps they took, so a finding can show its trace, and which
categories they were sanitized for (`shlex.quote` clears `command` but not `sql`).

A flow is `opaque` once it went through a call the analysis cannot see into (an imported or
unknown function, an unknown method): the result was computed from the attacker's text but is
not that text (`get_book(book_id).path`, `render_books_list(term)`). The mark is kept through
every later step and never cleared; which sinks still report such a flow is the engine's call
(`engine.OPAQUE_REPORTED`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from secretcheck.findings import Confidence, TraceStep
from secretcheck.python.astsyntax import argument, dotted, keyword

Origin = Literal["source", "param", "unknown"]
# Who controls a source's value (the threat model; `sources.py` says which source is which):
# "remote" for whoever sends a request or message, "local" for the program's own operator.
SourceKind = Literal["remote", "local"]
# When a sink fed only by values of unknown origin (parameters, opaque calls) is reported:
# "any" non-constant value, only a string "built" from one (f-string, %, +, format, join),
# or "never" (paths, URLs and the like are too often legitimately variable).
UnknownPolicy = Literal["any", "built", "never"]
# The finding categories of the taint rules (`category` in rules/input-handling/*.toml): one
# vocabulary for rules, sinks, sanitizers and reports.
ALL_CATEGORIES = frozenset(
    {"sql-injection", "command-injection", "code-injection", "deserialization", "path-traversal",
     "ssrf", "xss", "template-injection", "xxe", "open-redirect"}
)  # fmt: skip
MAX_STEPS = 10
MAX_FLOWS = 4
# Each half of a containment check (`guards.path_halves`): no ".." segment, not absolute. A
# path with both stays under the folder it is joined to; either alone does not (`/etc/passwd`
# holds no "..", `a/../../b` is relative).
NO_PARENT = "path has no .. segment"
RELATIVE = "path is relative"
CONTAINED = frozenset({NO_PARENT, RELATIVE})
# Kept with "open-redirect" in `cleared` by a literal relative start ("edit/" + page,
# `url_start.py`): true only while the value starts the URL. Text put before it may turn it
# into a host or a query of another URL (`unanchor`).
RELATIVE_START = "starts as a relative reference"
# Kept in `cleared` by the text of one URL path segment (`<name>`, `{name}`, Django's
# `<str:name>`): it holds no "/", so it moves a path at most one level (`path_parts.py`).
SEGMENT = "one path segment"


@dataclass(frozen=True, slots=True)
class Flow:
    origin: Origin
    label: str  # what the value is, from code identifiers only: "request.args (Flask)"
    steps: tuple[TraceStep, ...] = ()
    confidence: Confidence = Confidence.HIGH
    cleared: frozenset[str] = frozenset()  # categories this flow was sanitized for
    built: bool = False  # went through string building
    text: bool = True  # holds text (a query string value) rather than a parsed document
    param: int = -1  # for origin "param": the parameter's index
    only: frozenset[str] | None = None  # categories it may be reported for (None: all)
    kind: SourceKind = "remote"  # for origin "source": who controls the value
    opaque: bool = False  # went through a call not followed (see the module docstring)
    # Starts with the current request's own URL or path, which is why "open-redirect" is in
    # `cleared`: true only while the value keeps that start (see `lose_start`).
    own_start: bool = False
    # Reached its sink inside a function of another module of the project (`project.py`).
    crossed: bool = False
    # For a parameter's flow: text was put before it on its way (`unanchor`), so a relative
    # start the caller's argument had no longer leads the URL (`engine._chain`).
    prefixed: bool = False
    # Reached a path sink that acts on folders, or beside other text of a caller or a client,
    # where its `SEGMENT` does not bound the path (`path_parts.exposed`).
    exposed: bool = False

    def step(self, step: TraceStep) -> Flow:
        steps = (*self.steps, step)
        if len(steps) > MAX_STEPS:  # keep where it came from and where it went
            steps = (*steps[:3], *steps[-(MAX_STEPS - 3) :])
        return replace(self, steps=steps)

    def applies_to(self, category: str) -> bool:
        if category in self.cleared or (self.only is not None and category not in self.only):
            return False
        return not (category == "path-traversal" and self.cleared >= CONTAINED)


Value = tuple[Flow, ...]
CLEAN: Value = ()


def _rank(flow: Flow) -> tuple[int, bool, int, int]:
    order = {"source": 0, "param": 1, "unknown": 2}[flow.origin]
    return (order, flow.opaque, -int(flow.confidence), len(flow.steps))


def join(*values: Value) -> Value:
    """The union of several values, the strongest flows first, bounded in size. The attacker's
    own text and a result computed from it are kept apart: the first outranks the second."""
    seen: dict[tuple[str, str, int, frozenset[str], bool, bool], Flow] = {}
    for value in values:
        for flow in value:
            key = (flow.origin, flow.label, flow.param, flow.cleared, flow.opaque, flow.prefixed)
            if key not in seen or len(flow.steps) < len(seen[key].steps):
                seen[key] = flow
    return tuple(sorted(seen.values(), key=_rank)[:MAX_FLOWS])


def built(value: Value) -> Value:
    return tuple(replace(f, built=True, text=True) for f in value)


def clear(value: Value, categories: Iterable[str]) -> Value:
    cats = frozenset(categories)
    own = "open-redirect" not in cats  # a redirect check earns the clearance outright
    # ... and so does a check after a relative start (`RELATIVE_START`)
    kept = frozenset() if own or RELATIVE_START in cats else frozenset({RELATIVE_START})
    out = tuple(replace(f, cleared=(f.cleared | cats) - kept, own_start=f.own_start and own)
                for f in value)  # fmt: skip
    return tuple(f for f in out if not f.cleared >= ALL_CATEGORIES)


def anchor(value: Value) -> Value:
    """`value` behind a literal relative start: cleared for redirects while it stays the
    URL's start (`RELATIVE_START`); a flow already cleared for them keeps that outright."""
    cleared = tuple(f for f in value if "open-redirect" in f.cleared)
    return join(cleared, clear(tuple(f for f in value if f not in cleared),
                               ("open-redirect", RELATIVE_START)))  # fmt: skip


# Methods whose result starts as their receiver does, so the request's own URL stays this
# site's: `str(request.url).replace("/logout", "/")`. Any other way of taking part of it
# (`split`, `partition`, a slice, `urlparse(...).query`, `parse_qs`) may keep only the part
# the sender wrote: `request.full_path.split("next=")[1]`.
START_KEEPING = frozenset(
    {"replace", "lower", "upper", "casefold", "rstrip", "removesuffix", "encode", "decode",
     "__str__", "format"}
)  # fmt: skip


def lose_start(value: Value) -> Value:
    """The request's own URL or path, cut so that its start may be gone: no longer cleared
    for open redirects (see `sources.LOCAL_PATH`)."""
    if not any(f.own_start for f in value):
        return value
    return tuple(
        replace(f, cleared=f.cleared - {"open-redirect"}, own_start=False) if f.own_start else f
        for f in value
    )


def unanchor(value: Value) -> Value:
    """`value` put after other text: a relative start no longer starts the URL, so a
    redirect clearance it earned is gone (see `RELATIVE_START`); a parameter's flow remembers
    it, for the relative start a caller's argument may have (`prefixed`)."""
    if not any(RELATIVE_START in f.cleared or (f.origin == "param" and not f.prefixed)
               for f in value):  # fmt: skip
        return value
    lost = frozenset({RELATIVE_START, "open-redirect"})
    out = []
    for f in value:
        if RELATIVE_START in f.cleared:
            f = replace(f, cleared=f.cleared - lost)
        if f.origin == "param" and not f.prefixed:
            f = replace(f, prefixed=True)
        out.append(f)
    return tuple(out)


def decoded(value: Value) -> Value:
    """The text a decoder (`unquote`, `html.unescape`, `b64decode`) makes of `value`: no check
    or escaping done before still holds (`%2e%2e%2f` passed the ".." test and is "../" now)."""
    return tuple(replace(f, cleared=frozenset(), own_start=False) if f.cleared else f
                 for f in value)  # fmt: skip


def add_step(value: Value, step: TraceStep) -> Value:
    return tuple(f.step(step) for f in value)


def opaque(value: Value, step: TraceStep) -> Value:
    """`value` passed through a call not followed; `step` names it on the flows it turns."""
    return tuple(f if f.opaque else replace(f.step(step), opaque=True) for f in value)


def unknown(label: str) -> Value:
    return (Flow("unknown", label, confidence=Confidence.MEDIUM),)


@dataclass(frozen=True, slots=True)
class CallSite:
    """What a sink's `when` predicate may look at: the call and how it was named."""

    node: ast.Call
    names: frozenset[str]
    sequences: frozenset[str] = frozenset()  # local names known to hold a list or tuple
    strings: frozenset[str] = frozenset()  # local names bound to a string built in the code
    # The call's result is only unescaped back to text (`Markup(value).unescape()`).
    unescaped: bool = False
    receiver: Value = CLEAN  # what the called object may hold, for a method call
    # For a method called on a local name: what that name was bound to (`client =
    # kernel_manager.client()` gives "...kernel_manager.client"), as `Interpreter.types` has it.
    receiver_type: str = ""

    def is_text(self, node: ast.expr | None) -> bool:
        """Is this argument evidently one string (a literal, f-string, concatenation, format,
        join, or a name bound to one)? An argv list in a variable or attribute is not."""
        if isinstance(node, ast.Constant):
            return isinstance(node.value, (str, bytes))
        if isinstance(node, ast.JoinedStr):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            return self.is_text(node.left) or (
                isinstance(node.op, ast.Add) and self.is_text(node.right)
            )
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return node.func.attr in ("format", "join", "strip") and not self.is_sequence(node)
        if isinstance(node, ast.Name):
            return node.id in self.strings
        return False

    def is_sequence(self, node: ast.expr | None) -> bool:
        """Is this argument an argv list (a literal, a name bound to one, a split string)?"""
        if isinstance(node, (ast.List, ast.Tuple, ast.ListComp)):
            return True
        if isinstance(node, ast.Name):
            return node.id in self.sequences
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.is_sequence(node.left) or self.is_sequence(node.right)
        if isinstance(node, ast.Call):
            return dotted(node.func).split(".")[-1] in ("split", "list", "tuple")
        return False

    def argument(self, index: int, keyword: str) -> ast.expr | None:
        return argument(self.node, index, keyword)

    def keyword(self, name: str) -> ast.expr | None:
        return keyword(self.node, name)

    def positional(self, index: int) -> ast.expr | None:
        args = [a for a in self.node.args if not isinstance(a, ast.Starred)]
        return args[index] if index < len(args) else None


@dataclass(frozen=True, slots=True)
class Sink:
    """A call whose `args` (positions or keywords) must not receive attacker data.

    `names` holds qualified names (`os.system`) and method names (`.execute`, any receiver).
    `receiver` makes the called object the dangerous input (`tar.extractall()`); `when` can
    restrict the sink to some call shapes (`shell=True`, no safe `Loader`).
    """

    names: frozenset[str]
    args: tuple[int | str, ...] = (0,)
    unknown: UnknownPolicy = "never"
    receiver: bool = False
    when: Callable[[CallSite], bool] | None = None
    receiver_hint: str = ""  # a method sink only when the receiver's text contains this
    note: str = ""
    consumes: bool = True  # the call's result no longer carries the flow (it was reported)
    reflects: bool = False  # writes into the response to the request being handled
    folder: bool = False  # may act on a folder the path names (`path_parts.exposed`)
    # builds a response or an exception, which acts only when returned or raised: as a statement
    # of its own (`HTTPFound(location=url)`, the object dropped) it does nothing
    inert_alone: bool = False

    def matches(self, names: frozenset[str], method: str, receiver_text: str) -> bool:
        if names & self.names:
            return True
        if not method or f".{method}" not in self.names:
            return False
        return not self.receiver_hint or self.receiver_hint in receiver_text


@dataclass(frozen=True, slots=True)
class SinkSet:
    """The sinks of one enabled rule, as a check module declares them."""

    code: str
    category: str
    sinks: tuple[Sink, ...]
    extra: dict[str, object] = field(default_factory=dict)
