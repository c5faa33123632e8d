"""The package keeps to what the oldest Python `pyproject.toml` allows (3.10).

CI runs one interpreter, newer than that, so a 3.11-only construct passes every other test and
breaks the oldest supported one: `ast.TryStar`, `re._parser` and possessive quantifiers once
made every taint scan an internal error on 3.10. Read statically, on every module:
- the syntax, by the oldest grammar;
- no import of a module the oldest Python lacks outside an `if sys.version_info >= ...:`
  block, and no attribute of `ast` it lacks unless guarded by `hasattr` (annotations, never
  evaluated under `from __future__ import annotations`, may name anything);
- no pattern literal with a possessive quantifier or an atomic group unless written through
  `lazyre.possessive` (which drops them where `re` cannot read them).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "secretcheck"
OLDEST = (3, 10)
# Added after 3.10, by name as code reaches them.
NEWER_MODULES = frozenset({"tomllib", "re._parser", "re._constants", "re._casefix"})
NEWER_AST = frozenset({"TryStar", "ParamSpec", "TypeVar", "TypeAlias", "TypeVarTuple"})
_POSSESSIVE = re.compile(r"(?<!\\)(?:[*+?}]\+|\(\?>)")
MODULES = sorted(PACKAGE.rglob("*.py"))


def _guarded_names(tree: ast.AST) -> set[str]:
    """`ast` attributes the module asks `hasattr(ast, "X")` about."""
    return {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "hasattr"
        and len(node.args) == 2
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == "ast"
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    }


def _exempt(tree: ast.AST) -> set[int]:
    """The ids of nodes never run on the oldest Python: annotations (postponed) and the body
    of `if sys.version_info >= (...):`."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            roots.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            roots.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            roots.append(node.annotation)
        elif isinstance(node, ast.If) and "version_info" in ast.unparse(node.test):
            roots.extend(node.body)
    return {id(n) for root in roots for n in ast.walk(root)}


def _wrapped(tree: ast.AST) -> set[int]:
    """The ids of literals passed to `possessive(...)`."""
    return {
        id(argument)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "possessive"
        for argument in node.args
    }


def problems(source: str) -> list[str]:
    """What in `source` the oldest supported Python cannot run."""
    try:
        ast.parse(source, feature_version=OLDEST)
    except SyntaxError as error:
        return [f"syntax newer than {OLDEST}: line {error.lineno}: {error.msg}"]
    tree = ast.parse(source)
    found = []
    guarded, wrapped, exempt = _guarded_names(tree), _wrapped(tree), _exempt(tree)
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if a.name in NEWER_MODULES]  # fmt: skip
        elif isinstance(node, ast.ImportFrom) and node.module in NEWER_MODULES:
            found.append(f"line {node.lineno}: from {node.module} import ...")
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
              and node.value.id == "ast" and node.attr in NEWER_AST
              and node.attr not in guarded):  # fmt: skip
            found.append(f"line {node.lineno}: ast.{node.attr} without hasattr(ast, ...)")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str) and id(node.args[0]) not in wrapped
              and _POSSESSIVE.search(node.args[0].value)):  # fmt: skip
            found.append(f"line {node.lineno}: possessive or atomic pattern outside possessive()")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_runs_on_the_oldest_supported_python(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "try:\n    pass\nexcept* ValueError:\n    pass\n",
        "import tomllib\n",
        "import sys\nif sys.platform:\n    import tomllib\n",
        "import re._parser as p\n",
        "import ast\nNODES = (ast.Try, ast.TryStar)\n",
        'import re\nCALL = re.compile(r"(\\w++)\\(")\n',
        'import re\nATOM = re.compile(r"(?>a|ab)c")\n',
    ],
    ids=["except-star", "tomllib", "tomllib-unguarded", "re-parser", "trystar", "possessive",
         "atomic"],
)
def test_each_newer_construct_is_caught(source: str) -> None:
    assert problems(source)


def test_guarded_and_wrapped_forms_pass() -> None:
    source = (
        "import ast\nimport re\nfrom secretcheck.lazyre import possessive\n"
        'NODES = (ast.Try, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))\n'
        'CALL = re.compile(possessive(r"(\\w++)\\("))\n'
        'PLUS = re.compile(r"\\d+\\+\\d+")\n'
        "def run(node: ast.TryStar) -> None:\n    pass\n"
        "if sys.version_info >= (3, 11):\n    import tomllib\n"
    )
    assert problems(source) == []


def test_the_package_says_which_python_is_oldest() -> None:
    text = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert f'requires-python = ">={OLDEST[0]}.{OLDEST[1]}"' in text
    assert sys.version_info >= OLDEST
