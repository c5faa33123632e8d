"""The calls each dangerous-API check looks for, and each check's prefilter derived from them.

Kept apart from the checks: the registry reads every prefilter before any file is parsed, and
importing the checks (libcst visitors then) for that cost a one-file scan ~0.12 s of CPU even
when the file needs no parse; a prefilter needs none of a check's code. Derivation matters
here as in the taint sinks: a call added to a table is covered by its check's prefilter the
moment it is written (`prefilter_for`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from secretcheck.python.textgate import GatedPattern


def prefilter_for(
    qualified: Iterable[str], extra: Iterable[str] = (), gate_extra: Iterable[str] | None = None
) -> GatedPattern:
    """A text test for files that may call one of `qualified`, or hold one of the `extra`
    regexes. The last dotted part is what source text must contain however the module was
    imported or aliased (`pkg.mod.f` -> `f`); for a generic last part (`MD5.new`,
    `RSA.generate`) the part before it is used instead. `gate_extra`: the `extra` regexes
    without lookarounds, for the RE2 gate (see `textgate`)."""
    tails = sorted({_distinctive(name) for name in qualified})
    calls = r"\b(?:" + "|".join(map(re.escape, tails)) + r")\b"
    extra = list(extra)
    gate = None if gate_extra is None else "|".join([calls, *gate_extra])
    return GatedPattern("|".join([calls, *extra]), gate)


_GENERIC = frozenset({"new", "generate", "load", "loads", "open", "decode", "parse"})


def _distinctive(name: str) -> str:
    parts = name.split(".")
    return parts[-2] if parts[-1] in _GENERIC and len(parts) > 1 else parts[-1]


# Cleartext transport (SC242, `cleartext.py`).
_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")
HTTP_CLIENTS = frozenset(
    {f"{m}.{v}" for m in ("requests", "httpx") for v in _VERBS}
    | {"urllib.request.urlopen", "urllib.request.Request", "urllib3.request"}
)
# Methods on a client object (`session.get(...)`): any receiver, a URL literal decides.
METHODS = frozenset(_VERBS) | {"urlopen"}
PLAIN_PROTOCOLS = frozenset({"ftplib.FTP", "telnetlib.Telnet"})
SMTP = frozenset({"smtplib.SMTP"})
CLEARTEXT = prefilter_for(
    PLAIN_PROTOCOLS | SMTP,
    (r"""['"]http://(?!localhost|127\.|0\.0\.0\.0|\[::1\]|example\.)""",),
    gate_extra=(r"""['"]http://""",),
)

# Unsafe deserialization (`deserialization.py`).
PICKLE_LIKE = frozenset(
    f"{m}.{f}"
    for m in ("pickle", "_pickle", "cPickle", "dill", "marshal")
    for f in ("load", "loads", "Unpickler")
) | {
    "shelve.open", "jsonpickle.decode", "joblib.load", "pandas.read_pickle",
    "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all",
}  # fmt: skip
YAML_LOAD = frozenset({"yaml.load", "yaml.load_all"})
TORCH = frozenset({"torch.load"})
NUMPY = frozenset({"numpy.load"})
ALL_CALLS = PICKLE_LIKE | YAML_LOAD | TORCH | NUMPY
# `load`/`loads`/`open`/`decode` say too little; the module (`pickle`, `yaml`) must be named.
# pandas, torch and numpy are named by files that never unpickle: their calls stand alone.
DESERIALIZATION = prefilter_for(
    PICKLE_LIKE - {"pandas.read_pickle"} | YAML_LOAD,
    (r"\bread_pickle\b", r"\btorch\.load\b", r"allow_pickle\s*=\s*True"),
)

# Weak cryptography (`weak_crypto.py`).
_PKGS = ("Crypto", "Cryptodome")
HASHES = frozenset({"hashlib.md5", "hashlib.sha1"}) | {
    f"{p}.Hash.{h}.new" for p in _PKGS for h in ("MD5", "SHA1", "SHA", "MD4", "MD2")
} | {f"cryptography.hazmat.primitives.hashes.{h}" for h in ("MD5", "SHA1")}  # fmt: skip
_BROKEN = ("DES", "DES3", "ARC2", "ARC4", "Blowfish", "CAST", "XOR")
CIPHERS = frozenset(f"{p}.Cipher.{c}.new" for p in _PKGS for c in _BROKEN) | {
    f"cryptography.hazmat.primitives.ciphers.algorithms.{a}"
    for a in ("TripleDES", "ARC4", "Blowfish", "CAST5", "IDEA", "SEED")
}  # fmt: skip
ECB = frozenset({"cryptography.hazmat.primitives.ciphers.modes.ECB"})
KEYGEN = frozenset(
    {f"cryptography.hazmat.primitives.asymmetric.{a}.generate_private_key" for a in ("rsa", "dsa")}
    | {f"{p}.PublicKey.{a}.generate" for p in _PKGS for a in ("RSA", "DSA")}
)
IV_MODES = frozenset(
    f"cryptography.hazmat.primitives.ciphers.modes.{m}"
    for m in ("CBC", "CTR", "GCM", "OFB", "CFB", "CFB8", "XTS")
)
AES_NEW = frozenset(f"{p}.Cipher.{c}.new" for p in _PKGS for c in ("AES", *_BROKEN))
WEAK_CRYPTO = prefilter_for(
    HASHES | CIPHERS | ECB | KEYGEN | IV_MODES,
    (r"hashlib\.new\(", r"MODE_ECB", r"generate_key\(", r"\b(?:iv|nonce)\s*=\s*[rbu]{0,2}['\"]"),
)

# XML external entities (`xxe.py`).
LXML_PARSER = frozenset({"lxml.etree.XMLParser"})
LXML_PARSE = frozenset(f"lxml.etree.{f}" for f in ("fromstring", "XML", "parse", "iterparse"))
STDLIB = frozenset(
    f"{m}.{f}"
    for m in ("xml.etree.ElementTree", "xml.etree.cElementTree", "xml.dom.minidom",
              "xml.dom.pulldom", "xml.sax")
    for f in ("fromstring", "XML", "parse", "parseString", "iterparse", "fromstringlist")
) | {"xml.parsers.expat.ParserCreate", "xml.sax.make_parser"}  # fmt: skip
# Every call above lives in a module under `lxml` or `xml`: a file that imports neither (the
# word XML is in countless docstrings) has nothing to parse with.
_TOPS = sorted({n.split(".")[0] for n in LXML_PARSER | LXML_PARSE | STDLIB})
XXE = GatedPattern(rf"(?m)^[ \t]*(?:from|import)[ \t]+(?:{'|'.join(_TOPS)})\b")
