"""SC223 and SC224: debug mode and wildcard hosts left on in deployable configuration.

How it detects: SC223 (`option kind = "debug"`) flags `app.run(debug=True)` and
`run_simple(..., use_debugger=True)` in Flask/werkzeug code, `app.debug = True`,
`app.config["DEBUG"] = True`, and a top-level `DEBUG = True` in a Django settings module. SC224
(`kind = "hosts"`) flags a top-level `ALLOWED_HOSTS` holding "*" in a Django settings module. A
settings module is one that mentions django, assigns a Django setting (`INSTALLED_APPS`,
`MIDDLEWARE`, `ROOT_URLCONF`, `DATABASES`) or star-imports a base settings module.

What it deliberately misses: flags read from the environment (`DEBUG = os.environ.get(...)` is
the fix, not a finding), and `DEBUG = True` inside classes (per-environment config classes).
"""

from __future__ import annotations

import ast
import re

from secretcheck.python.astsyntax import const_text, dotted, first_index, is_true, keyword
from secretcheck.python.astvisitor import ResolvingCheck

_DJANGO_SETTINGS = frozenset({"INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "DATABASES"})
_BASE_MODULE = re.compile(r"settings|base|common")


def _is_settings_module(module: ast.Module) -> bool:
    for small in module.body:
        if isinstance(small, ast.ImportFrom):
            name = small.module or ""
            if name.startswith("django") or (
                any(a.name == "*" for a in small.names)
                and (small.level or _BASE_MODULE.search(name))
            ):
                return True
        elif isinstance(small, ast.Import):
            if any(a.name.startswith("django") for a in small.names):
                return True
        elif isinstance(small, ast.Assign) and any(
            dotted(t) in _DJANGO_SETTINGS for t in small.targets
        ):
            return True
    return False


class Check(ResolvingCheck):
    def visit_Module(self, node: ast.Module) -> None:
        self.kind = str(self.rule.options.get("kind", "debug"))
        self.settings = _is_settings_module(node)
        for statement in node.body if self.settings else ():
            if isinstance(statement, (ast.Assign, ast.AnnAssign)):
                self._setting(statement)

    def _setting(self, node: ast.Assign | ast.AnnAssign) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = {dotted(t) for t in targets}
        value = node.value
        if value is None:
            return
        if self.kind == "debug" and "DEBUG" in names and is_true(value):
            self.report(value, detail="Django DEBUG = True")
        if (
            self.kind == "hosts"
            and "ALLOWED_HOSTS" in names
            and isinstance(value, (ast.List, ast.Tuple))
        ) and any(const_text(e) == "*" for e in value.elts):
            self.report(value, detail='ALLOWED_HOSTS = ["*"]')

    @property
    def flask(self) -> bool:
        return any(v.startswith(("flask", "werkzeug")) for v in self.aliases.values())

    def visit_Call(self, node: ast.Call) -> None:
        if self.kind != "debug" or not self.flask:
            return
        name = self.qualify(node.func)
        for key in ("debug", "use_debugger"):
            arg = keyword(node, key)
            if arg is not None and is_true(arg) and (name.endswith((".run", "run_simple"))):
                self.report(arg, detail=f"{name}({key}=True)")

    def visit_Assign(self, node: ast.Assign) -> None:
        if self.kind != "debug" or not self.flask or not is_true(node.value):
            return
        for t in node.targets:
            if isinstance(t, ast.Attribute) and t.attr == "debug":
                self.report(t, detail=".debug = True")
            elif (
                isinstance(t, ast.Subscript)
                and dotted(t.value).endswith("config")
                and const_text(first_index(t)) == "DEBUG"
            ):
                self.report(t, detail='config["DEBUG"] = True')


run_ast = Check.run_ast
