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

import re

import libcst as cst

from secretcheck.python.syntax import const_text, dotted, is_true
from secretcheck.python.visitor import ResolvingCheck

_DJANGO_SETTINGS = frozenset({"INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "DATABASES"})
_BASE_MODULE = re.compile(r"settings|base|common")


def _is_settings_module(module: cst.Module) -> bool:
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.ImportFrom):
                name = dotted(small.module) if small.module is not None else ""
                if name.startswith("django") or (
                    isinstance(small.names, cst.ImportStar)
                    and (small.relative or _BASE_MODULE.search(name))
                ):
                    return True
            elif isinstance(small, cst.Import):
                if any(dotted(a.name).startswith("django") for a in small.names):
                    return True
            elif isinstance(small, cst.Assign) and any(
                dotted(t.target) in _DJANGO_SETTINGS for t in small.targets
            ):
                return True
    return False


class Check(ResolvingCheck):
    def visit_Module(self, node: cst.Module) -> None:
        self.kind = str(self.rule.options.get("kind", "debug"))
        self.settings = _is_settings_module(node)
        for statement in node.body if self.settings else ():
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, (cst.Assign, cst.AnnAssign)):
                        self._setting(small)

    def _setting(self, node: cst.Assign | cst.AnnAssign) -> None:
        targets = (
            [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
        )
        names = {dotted(t) for t in targets}
        value = node.value
        if value is None:
            return
        if self.kind == "debug" and "DEBUG" in names and is_true(value):
            self.report(value, detail="Django DEBUG = True")
        if (
            self.kind == "hosts"
            and "ALLOWED_HOSTS" in names
            and isinstance(value, (cst.List, cst.Tuple))
        ) and any(const_text(e.value) == "*" for e in value.elements):
            self.report(value, detail='ALLOWED_HOSTS = ["*"]')

    @property
    def flask(self) -> bool:
        return any(v.startswith(("flask", "werkzeug")) for v in self.aliases.values())

    def visit_Call(self, node: cst.Call) -> None:
        if self.kind != "debug" or not self.flask:
            return
        name = self.qualify(node.func)
        for key in ("debug", "use_debugger"):
            arg = self.keyword(node, key)
            if arg is not None and is_true(arg) and (name.endswith((".run", "run_simple"))):
                self.report(arg, detail=f"{name}({key}=True)")

    def visit_Assign(self, node: cst.Assign) -> None:
        if self.kind != "debug" or not self.flask or not is_true(node.value):
            return
        for target in node.targets:
            t = target.target
            if isinstance(t, cst.Attribute) and t.attr.value == "debug":
                self.report(t, detail=".debug = True")
            elif isinstance(t, cst.Subscript) and dotted(t.value).endswith("config"):
                key = t.slice[0].slice
                if isinstance(key, cst.Index) and const_text(key.value) == "DEBUG":
                    self.report(t, detail='config["DEBUG"] = True')
