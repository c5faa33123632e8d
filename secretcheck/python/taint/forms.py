"""What a Django form's `is_valid()` proves of the request data it was given.

MobSF's iOS source viewer reads `request.GET["file"]` and `request.GET["md5"]`, builds
`ViewSourceIOSForm(request.GET)` and returns unless `is_valid()`: the form's `clean_file()`
raises on any "..", and `clean_md5()` unless `is_md5(md5)` (holdout13). Django runs each
field's own validation, then its `clean_<field>()` method, on the value the data holds under
the field's name; a valid form means every one of them passed. So after `form.is_valid()`,
the same reads of that data (`request.GET["file"]`, `request.GET.get("file")`, and a name
still bound to one) are valid for what those checks prove:

- a field whose type admits only its own values: a choice, a number, a date, a UUID, a slug,
  a boolean, or a `RegexField` anchored at the end;
- a `clean_<field>()` whose early exits (`if test: raise ValidationError(...)`) prove their
  test's failure of `self.cleaned_data["<field>"]` (or a name bound once to it), read with the
  engine's guard facts (a validator function of the project counts, `predicates.py`).

Only the form's class and its bases in the same module are read; a field declared in a base
from elsewhere proves nothing, and a form whose `__init__` removes fields proves nothing at
all. Django strips a `CharField`'s value before these checks; surrounding whitespace is all
the raw value may hold beyond what they saw.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence

from secretcheck.python.astsyntax import const_text, dotted
from secretcheck.python.taint import constants, guards
from secretcheck.python.taint.flows import ALL_CATEGORIES
from secretcheck.python.taint.predicates import bound_once, fails
from secretcheck.python.taint.project import class_chain, classes_of

Fields = Mapping[str, frozenset[str]]  # field name -> categories its value is valid for
# Field types whose clean() accepts only values of their own shape.
_CLOSED_FIELDS = frozenset(
    {"ChoiceField", "TypedChoiceField", "IntegerField", "FloatField", "DecimalField",
     "UUIDField", "SlugField", "BooleanField", "NullBooleanField", "DateField", "DateTimeField",
     "TimeField", "DurationField", "ModelChoiceField", "MultipleChoiceField",
     "TypedMultipleChoiceField", "ModelMultipleChoiceField"}
)  # fmt: skip


def form_fields(body: Sequence[ast.stmt], name: str, constant: Callable[[str], str | None],
                proves: Callable[[ast.Call], guards.Facts]) -> Fields:  # fmt: skip
    """What a valid form of the class `name` (defined in `body`) proves of each field."""
    chain, _ = class_chain(classes_of(body), name)
    if not chain or any(_drops_fields(cls) for cls in chain):
        return {}
    declared: dict[str, ast.Call] = {}
    cleaners: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    for cls in chain:  # the class first: its own declarations win over its bases'
        for statement in cls.body:
            if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name)
                    and isinstance(statement.value, ast.Call)):  # fmt: skip
                declared.setdefault(statement.targets[0].id, statement.value)
            elif (isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                  and statement.name.startswith("clean_")):  # fmt: skip
                cleaners.setdefault(statement.name.removeprefix("clean_"), statement)
    found: dict[str, frozenset[str]] = {}
    classes = classes_of(body)
    for field, call in declared.items():
        cats = _field_type(call, constant)
        own = classes.get(dotted(call.func))
        if own is not None:  # a field class of this module (`LoginProviderField()`)
            cats |= _custom_clean(own, constant, proves)
        if field in cleaners:
            cats |= _cleaned(cleaners[field], field, constant, proves)
        if cats:
            found[field] = cats
    return found


def _field_type(call: ast.Call, constant: Callable[[str], str | None]) -> frozenset[str]:
    kind = dotted(call.func).rsplit(".", 1)[-1]
    if kind in _CLOSED_FIELDS:
        return ALL_CATEGORIES
    if kind == "RegexField":
        arguments = [*call.args[:1], *(k.value for k in call.keywords if k.arg == "regex")]
        pattern = constants.pattern_text(arguments[0], constant) if arguments else None
        if pattern is not None and pattern.rstrip().endswith(("$", r"\Z")):
            return ALL_CATEGORIES
    return frozenset()


def _cleaned(method: ast.FunctionDef | ast.AsyncFunctionDef, field: str,
             constant: Callable[[str], str | None],
             proves: Callable[[ast.Call], guards.Facts]) -> frozenset[str]:  # fmt: skip
    """What the early exits of `clean_<field>()` prove of the field's value."""
    names = {n for n, value in bound_once(method).items() if _reads(value, field)}

    def tainted(node: ast.expr) -> bool:
        return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node)) or any(
            _reads(n, field) for n in ast.walk(node) if isinstance(n, ast.expr))

    return _exits_prove(method.body, names, tainted, constant, proves)


def _custom_clean(cls: ast.ClassDef, constant: Callable[[str], str | None],
                  proves: Callable[[ast.Call], guards.Facts]) -> frozenset[str]:  # fmt: skip
    """What a field class's own `clean(self, value)` proves of the value it returns (askbot's
    `LoginProviderField`: `if value in providers: return value`, else raise)."""
    method = next((m for m in cls.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                   and m.name == "clean"), None)  # fmt: skip
    if method is None or len(method.args.args) != 2 or method.args.vararg is not None:
        return frozenset()
    value = method.args.args[1].arg

    def tainted(node: ast.expr) -> bool:
        return any(isinstance(n, ast.Name) and n.id == value for n in ast.walk(node))

    return _exits_prove(method.body, {value}, tainted, constant, proves, parameter=True)


def _exits_prove(body: list[ast.stmt], names: set[str], tainted: Callable[[ast.expr], bool],
                 constant: Callable[[str], str | None],
                 proves: Callable[[ast.Call], guards.Facts],
                 parameter: bool = False) -> frozenset[str]:  # fmt: skip
    """What a cleaning method's exits prove of the value held in `names`: each early exit
    (`if test: raise ...`) its test's failure, and an `if test: return <name>` whose `else`
    raises its test. Read up to the first other exit; for a `parameter`, also up to a statement
    that binds it again (names bound once in the body are bound by their reading)."""
    proved: frozenset[str] = frozenset()
    for statement in body:
        if isinstance(statement, ast.If) and not statement.orelse and fails(statement.body):
            _, no = guards.facts(statement.test, tainted, pattern=constant, proves=proves)
            for key in names:
                proved |= no.get(key, frozenset())
        elif isinstance(statement, ast.If) and statement.orelse and _raises(statement.orelse):
            last = statement.body[-1] if statement.body else None
            if (isinstance(last, ast.Return) and isinstance(last.value, ast.Name)
                    and last.value.id in names):  # fmt: skip
                yes, _ = guards.facts(statement.test, tainted, pattern=constant, proves=proves)
                proved |= yes.get(last.value.id, frozenset())
            break
        elif isinstance(statement, (ast.Return, ast.Raise)) or (
            parameter and any(_rebinds(statement, name) for name in names)
        ):
            break
    return proved


def _raises(block: list[ast.stmt]) -> bool:
    """Does `block` end in `raise`, with no `return` before (a message built first is fine)?"""
    return (bool(block) and isinstance(block[-1], ast.Raise)
            and not any(isinstance(n, ast.Return) for s in block for n in ast.walk(s)))  # fmt: skip


def _rebinds(statement: ast.stmt, name: str) -> bool:
    """Does `statement` bind `name` again (so a later test is of another value)?"""
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
               for n in ast.walk(statement))  # fmt: skip


def _reads(node: ast.AST, field: str) -> bool:
    """`self.cleaned_data["field"]` or `self.cleaned_data.get("field")`."""
    if isinstance(node, ast.Subscript):
        return dotted(node.value) == "self.cleaned_data" and const_text(node.slice) == field
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return (dotted(node.func) == "self.cleaned_data.get" and bool(node.args)
                and const_text(node.args[0]) == field)  # fmt: skip
    return False


def _drops_fields(cls: ast.ClassDef) -> bool:
    """Does a method of `cls` remove fields (`del self.fields[...]`, `self.fields.pop(...)`),
    so that a field's checks may not run?"""
    for node in ast.walk(cls):
        if isinstance(node, ast.Delete) and any(
            isinstance(t, ast.Subscript) and dotted(t.value) == "self.fields" for t in node.targets
        ):
            return True
        if isinstance(node, ast.Call) and dotted(node.func) in ("self.fields.pop",
                                                                "self.fields.clear"):  # fmt: skip
            return True
    return False
