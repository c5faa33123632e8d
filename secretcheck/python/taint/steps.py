"""The calls whose result is still the attacker's own text: the steps the engine follows.

Any other call the engine cannot see into (an imported or unknown function, an unknown method)
yields an *opaque* value, computed from its arguments but not them (`flows.opaque`). Like
CodeQL's models, this list names the steps that carry the text across: str and bytes methods,
mapping and sequence access on request data, path and URL handling, decoders (JSON, base64,
URL quoting, compression), regular expressions, and the containers and wrappers a value is
handed on in (`urllib.request.Request`, `tarfile.open`, `Markup`). String building (`format`,
`join`, `+`, `%`, f-strings), sanitizers and same-file functions are modelled elsewhere.
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import dotted

# Steps that make new characters of their input (percent and entity escapes, base64, hex,
# compression, JSON string escapes): what was checked or escaped before them no longer holds.
_DECODING_CALLS = frozenset(
    {f"{m}.{n}" for m in ("urllib.parse", "urlparse", "urllib") for n in (
        "unquote", "unquote_plus", "unquote_to_bytes", "parse_qs", "parse_qsl")}
    | {f"{m}.{n}" for m in ("json", "simplejson", "ujson", "orjson", "rapidjson")
       for n in ("loads", "load")}
    | {f"base64.{n}" for n in (
        "b64decode", "urlsafe_b64decode", "b32decode", "b16decode", "b85decode", "a85decode",
        "decodebytes", "standard_b64decode")}
    | {f"{m}.{n}" for m in ("zlib", "gzip", "bz2", "lzma") for n in ("decompress", "open")}
    | {"binascii.unhexlify", "binascii.a2b_base64", "binascii.a2b_hex", "codecs.decode",
       "html.unescape", "xml.sax.saxutils.unescape", "werkzeug.urls.url_unquote",
       "werkzeug.urls.url_unquote_plus", "django.utils.encoding.uri_to_iri",
       "django.utils.http.urlsafe_base64_decode", "django.utils.http.url_unquote"}
)  # fmt: skip
# Functions by qualified name whose result holds their arguments' text (the decoders too).
_PRESERVING_CALLS = _DECODING_CALLS | frozenset(
    {f"builtins.{n}" for n in (
        "str", "bytes", "bytearray", "list", "tuple", "set", "frozenset", "dict", "sorted",
        "reversed", "iter", "next", "min", "max", "repr", "ascii", "format", "filter", "map",
        "zip", "enumerate", "compile", "memoryview", "vars")}
    | {f"{m}.{n}" for m in ("os.path", "posixpath", "ntpath") for n in (
        "normpath", "abspath", "realpath", "expanduser", "expandvars", "dirname", "relpath",
        "normcase", "split", "splitext", "splitdrive", "join")}
    | {f"pathlib.{n}" for n in (
        "Path", "PurePath", "PosixPath", "PurePosixPath", "WindowsPath", "PureWindowsPath")}
    | {f"{m}.{n}" for m in ("urllib.parse", "urlparse", "urllib") for n in (
        "urlparse", "urlsplit", "urlunparse", "urlunsplit", "urljoin", "urldefrag")}
    | {f"{m}.dumps" for m in ("json", "simplejson", "ujson", "orjson", "rapidjson")}
    | {f"re.{n}" for n in (
        "sub", "subn", "split", "findall", "finditer", "match", "search", "fullmatch")}
    | {"os.fspath", "os.fsencode", "os.fsdecode", "codecs.encode", "shlex.split",
       "textwrap.dedent", "textwrap.indent", "textwrap.fill", "textwrap.wrap",
       "unicodedata.normalize", "copy.copy", "copy.deepcopy",
       "typing.cast", "string.Template", "itertools.chain", "functools.partial",
       "yaml.safe_load", "yaml.load", "tomllib.loads", "tomli.loads", "toml.loads",
       "ast.literal_eval", "io.TextIOWrapper",
       # Objects that carry the value on to the sink that takes them.
       "urllib.request.Request", "urllib2.Request", "requests.Request", "requests.Session",
       "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "zipfile.ZipFile",
       "markupsafe.Markup", "flask.Markup", "jinja2.Markup", "django.utils.safestring.mark_safe",
       "django.utils.safestring.SafeString", "jinja2.Template", "jinja2.Environment.from_string",
       "werkzeug.urls.url_parse",
       "django.utils.encoding.force_str", "django.utils.encoding.force_bytes",
       "django.utils.encoding.smart_str", "django.utils.encoding.smart_bytes",
       "django.utils.encoding.force_text", "django.utils.encoding.smart_text",
       "django.utils.encoding.iri_to_uri",
       # The URL in the other language, or the URL itself when it resolves to no view.
       "django.urls.translate_url", "django.urls.base.translate_url"}
)  # fmt: skip
# Methods, on a receiver holding attacker data, whose result holds that data: str and bytes
# methods, mapping and sequence access (request.args.get, QueryDict.getlist, MultiDict.to_dict),
# file reads, pathlib, urlparse results and regular-expression matches.
_RECEIVER_METHODS = frozenset(
    {"capitalize", "casefold", "center", "decode", "encode", "expandtabs", "ljust", "lower",
     "lstrip", "partition", "removeprefix", "removesuffix", "rjust", "rpartition", "rsplit",
     "rstrip", "split", "splitlines", "strip", "swapcase", "title", "translate", "upper",
     "zfill", "__str__", "__getitem__",
     "get", "getlist", "getall", "getone", "get_all", "items", "values", "keys", "lists",
     "dict", "to_dict", "copy", "pop", "popitem", "setdefault", "iteritems", "itervalues",
     "read", "readline", "readlines", "getvalue", "getfirst", "readall",
     "resolve", "absolute", "expanduser", "relative_to", "as_posix", "__fspath__", "geturl",
     "_replace", "group", "groups", "groupdict", "expand", "unescape", "striptags"}
)  # fmt: skip
# Methods of a compiled pattern whose result holds the text they are given.
_PATTERN_METHODS = frozenset(
    {"sub", "subn", "split", "findall", "finditer", "match", "search", "fullmatch"}
)  # fmt: skip


_DECODING_METHODS = frozenset({"unescape"})


def decoding_call(names: frozenset[str], imported: bool = False, method: str = "") -> bool:
    """Does this call decode its argument (or, for a method, its receiver), so that text a
    check passed may hold what the check refused? `imported`: see `preserving_call`."""
    if method in _DECODING_METHODS or not names.isdisjoint(_DECODING_CALLS):
        return True
    return imported and any(_decoder(n) for n in names)


def preserving_call(names: frozenset[str], imported: bool = False) -> bool:
    """Does this call (by qualified name) hand on its arguments' text? `imported`: the name
    resolves to an import, so a decoder's name (`_decoder`) counts too."""
    if not names.isdisjoint(_PRESERVING_CALLS):
        return True
    return imported and any(_decoder(n) for n in names)


# An imported function named for decoding (`decode`, `lnurl_decode`, `decode_path`) turns text
# its caller chose into the text that encodes: the caller's own again, as the base64 and URL
# decoders listed above do. A decoder that first verifies a signature, a MAC or a key (JWT and
# JOSE, itsdangerous, Django signing, Fernet, a token or an auth library) returns what the
# server signed instead, so any of those words in the name rules it out. A method of an object
# the file made or was given (`codec.decode(x)`) is not known to be one, and stays opaque.
_VERIFIED = ("jwt", "jose", "jws", "jwe", "sign", "fernet", "paseto", "macaroon", "token",
             "itsdangerous", "crypt", "auth", "session", "cookie")  # fmt: skip


def _decoder(name: str) -> bool:
    module, _, function = name.lower().rpartition(".")
    if not module or not (
        function == "decode" or function.endswith("_decode") or function.startswith("decode_")
    ):
        return False
    return not any(word in name.lower() for word in _VERIFIED)


def receiver_method(method: str) -> bool:
    """Does this method hand on its receiver's text (`value.strip()`, `args.get("q")`)?"""
    return method in _RECEIVER_METHODS


def pattern_method(method: str, receiver: ast.expr, kind: str) -> bool:
    """`PATTERN.sub("", value)`: a compiled regular expression (a name bound to
    `re.compile(...)`, or the call itself) applied to its argument."""
    if method not in _PATTERN_METHODS:
        return False
    if isinstance(receiver, ast.Call):
        return dotted(receiver.func) in ("re.compile", "regex.compile")
    return kind in ("re.compile", "regex.compile")
