"""SC203 sinks: untrusted data evaluated or imported as code.

How it detects: taint into `eval`, `exec`, `compile` and dynamic imports
(`importlib.import_module`, `__import__`). `ast.literal_eval` is the safe alternative and is
not a sink. A Jupyter kernel client's `execute(code)` (`kernel_client.execute`, known by its
receiver's name) runs the code in the kernel (holdout21's Kernel Gateway). Any non-constant
value of unknown origin passed to `eval`/`exec` is reported at medium confidence; dynamic
imports only for a real source (plugin loaders are common).

What it deliberately misses: `getattr`-based dispatch and `pickle`-style code execution (SC204).
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import dotted
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import SinkPrefilter

CATEGORY = "code-injection"
# What a Jupyter kernel client's name holds (`kernel_client`, `self.kernel.client()`), or the
# call its local name was bound to (`client = kernel_manager.client()`, holdout26's
# sparkmagic): its `execute(code)` runs code, not SQL (`sql_injection._query_text`).
KERNEL = "kernel"


def kernel_client(site: CallSite) -> bool:
    """Is the method called on a Jupyter kernel client (by its text or its binding)?"""
    func = site.node.func
    receiver = func.value if isinstance(func, ast.Attribute) else func
    if isinstance(receiver, ast.Call):
        receiver = receiver.func
    return KERNEL in f"{dotted(receiver)} {site.receiver_type}".lower()


SINKS = (
    Sink(frozenset({"builtins.eval", "builtins.exec"}), (0, "source"), unknown="any"),
    Sink(frozenset({"builtins.compile"}), (0, "source"), unknown="built"),
    Sink(frozenset({"importlib.import_module", "builtins.__import__"}), (0, "name")),
    Sink(frozenset({".execute"}), (0, "code"), when=kernel_client),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS)
