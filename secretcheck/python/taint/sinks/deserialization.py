"""SC204 sinks: untrusted bytes deserialized by a format that can run code.

How it detects: taint (or, at medium confidence, any non-constant value of unknown origin) into
`pickle`/`cPickle`/`dill`/`joblib`/`marshal` loaders, `jsonpickle.decode`, `shelve.open`,
`pandas.read_pickle`, `yaml.load`/`load_all` without a safe `Loader`, `yaml.unsafe_load`,
`torch.load` without `weights_only=True` and `numpy.load(allow_pickle=True)`. A file opened from
a constant path is trusted.

What it deliberately misses: pickle-based formats hidden behind other libraries' loaders.
"""

from __future__ import annotations

from secretcheck.python.astsyntax import dotted, is_true
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import SinkPrefilter

CATEGORY = "deserialization"
_SAFE_LOADERS = ("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader")


def _unsafe_yaml(site: CallSite) -> bool:
    loader = site.argument(1, "Loader")
    return dotted(loader).split(".")[-1] not in _SAFE_LOADERS


def _torch_unsafe(site: CallSite) -> bool:
    return not is_true(site.keyword("weights_only"))


def _numpy_pickle(site: CallSite) -> bool:
    return is_true(site.keyword("allow_pickle"))


_PICKLE = frozenset(
    f"{m}.{f}"
    for m in ("pickle", "_pickle", "cPickle", "dill", "marshal", "joblib")
    for f in ("load", "loads", "Unpickler")
) | {
    "jsonpickle.decode",
    "jsonpickle.loads",
    "pandas.read_pickle",
    "shelve.open",
    "yaml.unsafe_load",
    "yaml.unsafe_load_all",
    "yaml.full_load",
    "yaml.full_load_all",
}
SINKS = (
    Sink(_PICKLE, (0, "data", "file", "filename", "stream", "string", "s"), unknown="any"),
    Sink(
        frozenset({"yaml.load", "yaml.load_all"}),
        (0, "stream"),
        unknown="any",
        when=_unsafe_yaml,
        note="yaml.load without a safe Loader",
    ),
    Sink(
        frozenset({"torch.load"}),
        (0, "f"),
        unknown="any",
        when=_torch_unsafe,
        note="torch.load without weights_only=True",
    ),
    Sink(
        frozenset({"numpy.load"}),
        (0, "file"),
        unknown="any",
        when=_numpy_pickle,
        note="numpy.load(allow_pickle=True)",
    ),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS)
