"""SC243: a deserialization API that can run code, whatever the input.

How it detects: calls to `pickle`/`cPickle`/`_pickle`/`dill` `load`/`loads`/`Unpickler`,
`marshal.load(s)`, `shelve.open`, `jsonpickle.decode`, `joblib.load`, `pandas.read_pickle`,
`yaml.load`/`load_all` with no `Loader` or one of PyYAML's unsafe ones (`Loader`,
`UnsafeLoader`, `FullLoader` and their C forms; a project's own Loader class is not judged),
`yaml.unsafe_load`/`full_load`, `torch.load` without `weights_only=True` and
`numpy.load(allow_pickle=True)`, resolved through the file's imports. Confidence follows the
data: high when the argument names network or upload data (`request`, `recv`, `body`,
`payload`, `upload`, `message`), low when it is a constant path, medium otherwise.

What it deliberately misses: pickle hidden behind other libraries' loaders, calls through
objects (`self.serializer.loads`), reads of the program's own caches (a class, function or
assigned name about `cache`/`memo`: writing there already takes the attacker inside), and
`pickle.loads(pickle.dumps(x))` deep copies. When SC204 (the taint rule) proves untrusted
input reaches the same call, SC204 leads the merged finding (this rule's specificity is lower).
"""

from __future__ import annotations

import ast

from secretcheck.findings import Confidence
from secretcheck.python.astsyntax import dotted, is_true, keyword
from secretcheck.python.dangerous_api.calls import (
    ALL_CALLS,
    DESERIALIZATION,
    NUMPY,
    PICKLE_LIKE,
    TORCH,
    YAML_LOAD,
)
from secretcheck.python.dangerous_api.common import ApiCheck

# PyYAML's own loaders that build arbitrary objects (the default, before 6.0, was FullLoader).
# A project's own Loader subclass (`AnsibleLoader`) is not judged: its base is elsewhere.
_UNSAFE_LOADERS = frozenset(
    {"Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader"}
)
_UNTRUSTED = frozenset({"request", "recv", "body", "payload", "upload", "uploaded", "message",
                        "msg", "socket", "conn", "received"})  # fmt: skip
PREFILTER = DESERIALIZATION


# Stores the program fills itself: a cache (Django's cache backends, functools-style memos).
# Reading one back is not reading someone else's bytes.
_OWN_STORE = frozenset({"cache", "cached", "memo", "memoize", "memoized"})


def _self_made(data: ast.expr | None) -> bool:
    """`pickle.loads(pickle.dumps(x))`: a deep copy of an object the program already holds."""
    return isinstance(data, ast.Call) and dotted(data.func).split(".")[-1] in ("dumps", "dump")


class Check(ApiCheck):
    def _why(self, name: str, node: ast.Call) -> str | None:
        if name in PICKLE_LIKE:
            return name
        if name in YAML_LOAD:
            loader_node = self.argument(node, 1, "Loader")
            loader = dotted(loader_node).split(".")[-1]
            if loader_node is None or loader in _UNSAFE_LOADERS:
                return f"{name} with {loader or 'the default'} Loader"
            return None
        if name in TORCH:
            safe = is_true(keyword(node, "weights_only"))
            return None if safe else "torch.load without weights_only=True"
        if name in NUMPY:
            pickled = is_true(keyword(node, "allow_pickle"))
            return f"{name}(allow_pickle=True)" if pickled else None
        return None

    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualify(node.func)
        if name.startswith("pd."):
            name = "pandas." + name[3:]
        elif name.startswith("np."):
            name = "numpy." + name[3:]
        if name not in ALL_CALLS:
            return
        why = self._why(name, node)
        if why is None:
            return
        data = self.argument(node, 0, "file") or self.argument(node, 0, "data")
        if _self_made(data) or _OWN_STORE & self.context_words():
            return
        confidence = Confidence.MEDIUM
        if data is not None and self.string_value(self.resolve_constant(data)) is not None:
            confidence = Confidence.LOW
        elif data is not None and _UNTRUSTED & self.context_words(data):
            confidence = Confidence.HIGH
        signal = f"data: {confidence.label} trust signal"
        self.report(node, detail=why, signals=(signal,), confidence=confidence)


run_ast = Check.run_ast
