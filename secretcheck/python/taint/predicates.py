"""Functions that validate an argument: what a call to one proves when it returns true.

MobSF's `is_md5(user_input)` returns `MD5_REGEX.match(user_input)`, with `MD5_REGEX =
re.compile(r"^[0-9a-f]{32}$")` in its module; after `if not is_md5(h): return ...`, `h` is 32
hex digits, whatever its name says. The function's own body is read with the facts the engine
uses for an inline test (`guards.facts`), in this module or in another of the project:

- every `return` that may give a true value must prove it (a falsy literal never does);
- `return stat` reads the expression `stat` was bound to, when the function binds it once,
  and a pattern it compiles once (`pat = re.compile(r"^...$")`) is read by its literal;
- an early exit at the top of the body (`if not ok: return False`, or a `raise`) proves its
  test's failure for the returns after it, so `... return True` proves what the exits checked.

A parameter the function rebinds proves nothing of the caller's value. A prefix test of a name
the function binds once to a normalized path confines the parameters that path was built from
(nbviewer's `can_show(path)` tests `realpath(join(base, path))`), but not those the prefix is
built from. A method of the class being analyzed (or of its bases in the module) is read as a
function of its other parameters when called on `self` (`if not self.can_show(path): raise
HTTPError(404)`). A validator's own calls of other validators are taken by their names only
(no recursion).
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import reduce

from secretcheck.python.taint import constants, guards

Facts = guards.Facts


@dataclass(frozen=True, slots=True)
class Proof:
    """What a call proves when true: parameter name -> categories its argument is valid for.
    `normalized`: what it proves of a parameter only when the caller passes a normalized path
    (`assert_inside(root, path)` testing `path.relative_to(root)`: containment once ".." is
    resolved, which is the caller's doing: `assert_inside(ROOT, (ROOT / name).resolve())`)."""

    params: tuple[str, ...]
    proved: Mapping[str, frozenset[str]] = field(default_factory=dict)
    normalized: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def proves(self) -> bool:
        return bool(self.proved or self.normalized)

    def facts_for(self, call: ast.Call,
                  normalized: Callable[[ast.expr], bool] | None = None) -> Facts:  # fmt: skip
        """The facts about this call's own arguments (`guards.mark` of each); `normalized`:
        which arguments are normalized paths here (none when not given)."""
        found: Facts = {}
        given = [(self.params[i], a) for i, a in enumerate(call.args[: len(self.params)])]
        starred = next((i for i, a in enumerate(call.args) if isinstance(a, ast.Starred)), None)
        if starred is not None:  # which parameter each later argument fills is not known
            given = given[:starred]
        given += [(k.arg, k.value) for k in call.keywords if k.arg is not None]
        for param, argument in given:
            cats = self.proved.get(param, frozenset())
            if param in self.normalized and normalized is not None and normalized(argument):
                cats |= self.normalized[param]
            if cats:
                found = guards.merge(found, guards.mark(argument, cats))
        return found

    def body_facts(self, call: ast.Call,
                   normalized: Callable[[ast.expr], bool] | None = None) -> Facts:  # fmt: skip
        """`facts_for(call)`, marked as read from the callee's own body (`guards.BODY_READ`):
        its name then vouches for nothing more."""
        return {**(self.facts_for(call, normalized) if self.proves() else {}),
                guards.BODY_READ: frozenset()}  # fmt: skip

    def without_first(self) -> Proof:
        """The proof of a method called on its instance: its first parameter (`self`) is
        given by the call's receiver."""
        first = self.params[0]
        return Proof(self.params[1:], {k: v for k, v in self.proved.items() if k != first},
                     {k: v for k, v in self.normalized.items() if k != first})  # fmt: skip


NOTHING = Proof(())


def call_facts(call: ast.Call, local: Callable[[str], Proof | None],
               imported: Callable[[ast.expr], list[str]], ask: Callable[[str], Proof],
               given: Callable[[], bool] = lambda: True,
               normalized: Callable[[ast.expr], bool] | None = None) -> Facts:  # fmt: skip
    """What `call` proves of its arguments when true. A plain name asks `local` first (None:
    no function of this module by that name); otherwise the project's names the callee
    resolves to (`imported`) are asked in turn (`ask`), only once `given` says the call is
    given attacker data, since another module is parsed to be read. `normalized`: which
    arguments are normalized paths (`Proof.facts_for`)."""
    func = call.func
    proof = local(func.id) if isinstance(func, ast.Name) else None
    if proof is not None and proof.params:  # a function of this module, read
        return proof.body_facts(call, normalized)
    if proof is None:
        names = imported(func)
        if not names or not given():
            return {}
        proof = next((found for name in names for found in (ask(name),) if found.proves()),
                     NOTHING)  # fmt: skip
    return proof.facts_for(call, normalized) if proof.proves() else {}


def proof_of(function: ast.FunctionDef | ast.AsyncFunctionDef,
             constant: Callable[[str], str | None], *,
             returning: bool = False) -> Proof:  # fmt: skip
    """What `function` proves of its parameters when it returns a true value (see above).
    `constant`: the literal a name of its module is bound to (`MD5.pattern`). `returning`:
    what it proves by returning at all, whatever the value (`check_path(p)` as a statement,
    which raises to refuse): only a `raise` (or `abort()`) refuses then, and every `return`,
    and the end of the body, must come after the checks."""
    arguments = function.args
    params = tuple(a.arg for a in (*arguments.posonlyargs, *arguments.args))
    rebound = _stored(function)
    checked = frozenset(p for p in params if rebound[p] == 0)
    if not checked:
        return Proof(params)

    def tainted(node: ast.expr) -> bool:
        return any(isinstance(n, ast.Name) and n.id in checked for n in ast.walk(node))

    once = bound_once(function, rebound)
    # `pat = re.compile(r"^...$")` in the function itself (MobSF's `strict_package_check`)
    compiled = {f"{name}.pattern": text for name, value in once.items()
                if (text := constants.compiled_text(value)) is not None}  # fmt: skip

    def pattern(name: str) -> str | None:
        return compiled[name] if name in compiled else constant(name)

    # A name bound once to a normalized path (`full = realpath(join(base, path))`), so that its
    # prefix test confines it; that containment is proved of the parameters its value was
    # built from too (nbviewer's `can_show(path)`).
    normalized = {name for name, value in once.items() if guards.normalizes(value)}
    folders = {name for name, value in once.items()
               if guards.ends_with_separator(value, constant=pattern)}  # fmt: skip
    # So is the containment of a name bound once to a path whose normalized form was tested
    # (`joined = join(BASE, name)`, then `Path(joined).resolve().relative_to(BASE)`: esphome's
    # `rel_path()`): the test confines only once ".." is resolved (`guards._confines`).
    built_from = {name: {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} & checked
                  for name, value in once.items() if name not in checked}  # fmt: skip

    def assumed(name: str) -> bool:  # a parameter, as if the caller normalized it
        return name in normalized or name in checked

    def test_facts(test: ast.expr) -> tuple[Facts, Facts]:
        yes, no = guards.facts(test, tainted, normalized.__contains__, pattern=pattern,
                               folders=folders.__contains__)  # fmt: skip
        if any(isinstance(n, ast.Attribute) and n.attr in _PATH_TESTS for n in ast.walk(test)):
            # what a containment test of a parameter proves once the caller's path is
            # normalized: kept apart, under `_IF_NORMALIZED`, for `Proof.normalized`
            yes_n, no_n = guards.facts(test, tainted, assumed, pattern=pattern,
                                       folders=folders.__contains__)  # fmt: skip
            yes, no = _conditional(yes, yes_n, checked), _conditional(no, no_n, checked)
        if not built_from:
            return yes, no
        # the folder a prefix test names is the policy, not what it confines
        policy = {n.id for c in ast.walk(test) if isinstance(c, ast.Call) for a in c.args
                  for n in ast.walk(a) if isinstance(n, ast.Name)}  # fmt: skip
        into = {name: params - policy for name, params in built_from.items()}
        return _onto_params(yes, into), _onto_params(no, into)
    refuses = raises if returning else fails
    proofs: list[Facts] = []
    before: Facts = {}  # what the early exits so far proved
    for statement in function.body:
        if isinstance(statement, ast.If) and not statement.orelse and refuses(statement.body):
            before = guards.merge(before, test_facts(statement.test)[1])
            continue
        for test in _asserting(statement, refuses):
            before = guards.merge(before, test_facts(test)[0])
        for node in _returns(statement):
            proved = {} if returning else _returned(node.value, once, test_facts)
            if proved is not None:
                proofs.append(guards.merge(proved, before))
        if isinstance(statement, (ast.Return, ast.Raise)):
            break
    else:
        if returning:  # the end of the body returns None
            proofs.append(before)
    if not proofs:
        return Proof(params)
    common = reduce(guards.common, proofs)
    proved = {p: common[p] for p in checked if p in common}
    conditional = {p: common[_IF_NORMALIZED + p] for p in checked
                   if _IF_NORMALIZED + p in common}  # fmt: skip
    return Proof(params, proved, conditional)


# Tests whose facts may depend on a path being normalized (`guards._confines`).
_PATH_TESTS = frozenset({"startswith", "is_relative_to", "relative_to", "parents"})
_IF_NORMALIZED = "\0if-normalized:"


def _conditional(found: Facts, assumed: Facts, params: frozenset[str]) -> Facts:
    """`found`, plus the path containment `assumed` (the same test read with the parameters
    normalized) proves of a parameter and `found` does not, under `_IF_NORMALIZED`."""
    extra = {_IF_NORMALIZED + p: frozenset({_PATH}) for p, cats in assumed.items()
             if p in params and _PATH in cats and _PATH not in found.get(p, frozenset())}
    return guards.merge(found, extra) if extra else found


def _onto_params(found: Facts, built_from: Mapping[str, set[str]]) -> Facts:
    """`found`, with the containment it proves of a normalized path proved of the parameters
    the path was built from."""
    for name, cats in list(found.items()):
        for param in built_from.get(name, ()) if _PATH in cats else ():
            found = guards.merge(found, {param: frozenset({_PATH})})
    return found


_PATH = "path-traversal"


def _returned(value: ast.expr | None, once: Mapping[str, ast.expr],
              test_facts: Callable[[ast.expr], tuple[Facts, Facts]]) -> Facts | None:  # fmt: skip
    """What a `return value` proves when the value is true; None when it never is."""
    if value is None or (isinstance(value, ast.Constant) and not value.value):
        return None
    if isinstance(value, ast.Constant):
        return {}
    if isinstance(value, ast.Name) and value.id in once:
        value = once[value.id]
    if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id == "bool" and len(value.args) == 1):  # fmt: skip
        value = value.args[0]
    if (isinstance(value, ast.Compare) and len(value.ops) == 1
            and isinstance(value.ops[0], ast.IsNot)
            and isinstance(value.comparators[0], ast.Constant)
            and value.comparators[0].value is None):  # fmt: skip
        value = value.left  # `re.match(...) is not None`
    return test_facts(value)[0]


def _asserting(statement: ast.stmt,
               refuses: Callable[[list[ast.stmt]], bool]) -> list[ast.Call]:  # fmt: skip
    """The predicates a statement proves by running to its end (`guards.asserted`): a call such
    as `path.resolve().relative_to(BASE)`, alone or bound, or such calls at the start of a
    `try` whose every handler refuses (`except ValueError: return False`, or `raise`)."""
    if isinstance(statement, (ast.Expr, ast.Assign, ast.AnnAssign)):
        test = guards.asserted(statement.value) if statement.value is not None else None
        return [test] if test is not None else []
    if not isinstance(statement, ast.Try) or not statement.handlers:
        return []
    if not all(refuses(handler.body) for handler in statement.handlers):
        return []
    found: list[ast.Call] = []
    for inner in statement.body:  # up to the first that is no such call: no return before
        tests = _asserting(inner, refuses) if not isinstance(inner, ast.Try) else []
        if not tests:
            break
        found.extend(tests)
    return found


def _last_after_logging(body: list[ast.stmt]) -> ast.stmt | None:
    """The last statement of a block whose others are expressions (logging), else None."""
    if not body or not all(isinstance(s, ast.Expr) for s in body[:-1]):
        return None
    return body[-1]


def raises(body: list[ast.stmt]) -> bool:
    """A block that leaves by an exception: logging, then `raise` or `abort(...)`."""
    last = _last_after_logging(body)
    return isinstance(last, ast.Raise) or (isinstance(last, ast.Expr) and guards.exits([last]))


def fails(body: list[ast.stmt]) -> bool:
    """A block that leaves the function with no true value: logging, then `return`,
    `return False`/`None`/"", or `raise`."""
    last = _last_after_logging(body)
    if isinstance(last, ast.Raise):
        return True
    return isinstance(last, ast.Return) and (
        last.value is None or (isinstance(last.value, ast.Constant) and not last.value.value)
    )


def _returns(statement: ast.stmt) -> list[ast.Return]:
    """The return statements in `statement`, not those of functions or classes inside it."""
    found: list[ast.Return] = []
    stack: list[ast.AST] = [statement]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return):
            found.append(node)
        elif node is statement or not isinstance(node, _SCOPES):
            stack.extend(ast.iter_child_nodes(node))
    return found


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def bound_once(function: ast.FunctionDef | ast.AsyncFunctionDef,
               stored: Counter[str] | None = None) -> dict[str, ast.expr]:  # fmt: skip
    """The names `function` binds exactly once, by a plain `name = value`, and each value:
    what such a name holds wherever it is read after that statement."""
    counts = _stored(function) if stored is None else stored
    return {
        target.id: node.value
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and len(node.targets) == 1
        for target in node.targets
        if isinstance(target, ast.Name) and counts[target.id] == 1
    }


def _stored(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Counter[str]:
    """How many times each name is bound in the function's body (its parameters once more
    each, by the call)."""
    counts: Counter[str] = Counter()
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            counts[node.id] += 1
    return counts
