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

from secretcheck.python.taint.flows import Sink
from secretcheck.python.taint.prefilter import SinkPrefilter

CATEGORY = "code-injection"
# What a Jupyter kernel client's name holds (`kernel_client`, `self.kernel.client()`): its
# `execute(code)` runs code, not SQL (`sql_injection._query_text`).
KERNEL = "kernel"
SINKS = (
    Sink(frozenset({"builtins.eval", "builtins.exec"}), (0, "source"), unknown="any"),
    Sink(frozenset({"builtins.compile"}), (0, "source"), unknown="built"),
    Sink(frozenset({"importlib.import_module", "builtins.__import__"}), (0, "name")),
    Sink(frozenset({".execute"}), (0, "code"), receiver_hint=KERNEL),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS)
