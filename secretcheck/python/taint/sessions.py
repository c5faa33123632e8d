"""What one request stores in the user's session and a later request reads back.

A login view that keeps `?next=` in the session (`request.session["next"] =
request.GET["next"]`) and a callback that redirects to `request.session.pop("next")` after the
identity provider sent the user back split one open redirect across two requests (holdout20's
conda-store, holdout11's ephios OIDC login, holdout14's MediaGoblin OpenID login, holdout13's
Anitya). The session is the server's own store, but what the module put there from request data
is still the sender's text: a read of that key, in any function of the module, is that text
again, with the checks it had passed when stored (`flows.Flow.cleared`). A posted field kept
there is the requester's own post still: into a redirect, info, as where it is read directly.
Keys are constant strings; a store under a computed key, a store in another module and a store
of a value of unknown origin (a helper's parameter) are not followed.
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import dotted
from secretcheck.python.taint.flows import Flow, Value

# Session objects by qualified name (Flask's and Quart's module-level `session`); a request's
# own `.session` (Django, Starlette, Pyramid) is known by its owner (`is_session`).
MODULE_SESSIONS = frozenset(
    {"flask.session", "flask.globals.session", "quart.session", "quart.globals.session"}
)
READ_METHODS = frozenset({"get", "pop"})


def is_session(node: ast.expr, request_owner: bool, names: frozenset[str]) -> bool:
    """Is `node` a user's session: `<request>.session` (`request_owner`: its owner is a request
    object), or a module-level session (`names`: what `node` resolves to)?"""
    if isinstance(node, ast.Attribute) and node.attr == "session" and request_owner:
        return True
    return not names.isdisjoint(MODULE_SESSIONS)


def stored_value(value: Value) -> Value:
    """What of a stored value a later request reads back: the sender's own text (remote
    sources); a parameter's flow stands for a caller not known here."""
    return tuple(f for f in value if f.origin == "source" and f.kind == "remote")


_READ_BACK = "read back from session["


def read_note(key: str) -> str:
    return f"{_READ_BACK}{key!r}]"


def read_back(flow: Flow) -> bool:
    """Did the flow reach here through the session? A posted field kept there is still the
    requester's own post, which no link sets (`csrf.py`)."""
    return any(step.note.startswith(_READ_BACK) for step in flow.steps)


def store_note(node: ast.expr, key: str) -> str:
    return f"stored in {dotted(node) or 'session'}[{key!r}]"
