"""SC230: `assert` used to enforce authentication or authorization.

How it detects: an `assert` whose condition names a permission concept (authenticated,
authorized, admin, superuser, staff, permission, role, owner, logged-in, privilege, access),
outside test code (functions named `test*` and modules importing pytest or unittest).

What it deliberately misses: authorization asserts under neutral names, and asserts in tests,
where they belong.
"""

from __future__ import annotations

import ast

from secretcheck.analysis.names import split_words
from secretcheck.python.astsyntax import paths_in
from secretcheck.python.astvisitor import ResolvingCheck

_AUTH_WORDS = frozenset(
    {"authenticated", "authorized", "authorised", "admin", "superuser", "staff", "perm",
     "perms", "permission", "permissions", "role", "roles", "owner", "privilege",
     "privileges", "access", "logged", "authorize", "authenticate", "anonymous", "acl"}
)  # fmt: skip


class Check(ResolvingCheck):
    def _test_code(self) -> bool:
        if any(v.split(".")[0] in ("pytest", "unittest") for v in self.aliases.values()):
            return True
        return any(f.startswith(("test", "_test")) for f in self.function_names)

    def visit_Assert(self, node: ast.Assert) -> None:
        if self._test_code():
            return
        words: set[str] = set()
        for path in paths_in(node.test):
            for part in path.split("."):
                words.update(split_words(part))
        hits = words & _AUTH_WORDS
        if hits:
            self.report(node, detail=f"checks {sorted(hits)[0]}")


run_ast = Check.run_ast
