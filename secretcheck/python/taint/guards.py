"""Conditions that validate a value, and blocks that never fall through.

`if name in ALLOWED:`, `if not path.startswith(BASE): abort(404)`, `if re.fullmatch(..., x):`
and `if not url_has_allowed_host_and_scheme(url, ...): return` each clear some categories for
some names, in the branch where the condition holds (or, for an early exit, after the `if`).

A call whose name says it validates (`is_safe_path(base, p)`,
`validate_local_redirect(url, allowed)`, `is_allowed_host(h)`) is the code's own check of the
first argument that may carry attacker data (the others are its policy: a base folder, an
allowlist), trusted as CodeQL's ad hoc allowlist guard (`AdHocWhitelistCheckSanitizer`,
`(?<!un)safe|whitelist|(?<!in)valid|allow`) is, when its body is elsewhere (imported). A
function or `self` method of the analyzed module is read by its body instead (`predicates.py`,
`BODY_READ`): its name says nothing more. Existence and length tests (`os.path.exists(p)`,
`check_file(p)`, `len(x) < 100`) and extension checks (`allowed_file(name)`) say nothing of
where a path or URL leads and are no such check.

A keyed MAC of a value compared with the request's signature (`signed`) proves the server
signed that value.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from secretcheck.python.astsyntax import const_text, dotted, ordered_arguments, paths_in
from secretcheck.python.taint import constants
from secretcheck.python.taint.calls import SAFE_LOCATION_PREFIX
from secretcheck.python.taint.flows import ALL_CATEGORIES, NO_PARENT, RELATIVE, SEGMENT

Facts = dict[str, frozenset[str]]  # access path ("x", "args.name") -> categories it is valid for
_LOCATION = frozenset({"path-traversal", "open-redirect", "ssrf"})
_PREDICATE_METHODS = {
    "startswith": _LOCATION,
    "is_relative_to": frozenset({"path-traversal"}),
    "isdigit": ALL_CATEGORIES, "isnumeric": ALL_CATEGORIES, "isdecimal": ALL_CATEGORIES,
    "isalnum": ALL_CATEGORIES, "isalpha": ALL_CATEGORIES, "isidentifier": ALL_CATEGORIES,
}  # fmt: skip
_PREDICATE_FUNCTIONS = {
    "url_has_allowed_host_and_scheme": frozenset({"open-redirect", "ssrf"}),
    "is_safe_url": frozenset({"open-redirect", "ssrf"}),
    "fullmatch": ALL_CATEGORIES,
    "match": ALL_CATEGORIES,
    "isinstance": ALL_CATEGORIES,
    "commonpath": frozenset({"path-traversal"}),
    "commonprefix": frozenset({"path-traversal"}),
    # Django's check: a language code with an installed translation, by its code pattern.
    "check_for_language": ALL_CATEGORIES,
}
# A predicate named for validating its argument: a word of its name (snake_case or camelCase)
# opens with one of these, or it reads "is local". `unsafe`, `invalid`, `disallowed` say the
# opposite and `shallow` nothing; `check_`/`verify_` name existence and signature tests as
# often as validations.
_VALIDATOR_WORDS = ("safe", "valid", "allow", "whitelist")
# ... unless it names a file's kind: Flask's documented `allowed_file(name)` and its kin
# (`valid_extension`, `is_allowed_mimetype`) test the extension and let `../` through.
_FILE_KIND = frozenset(
    {"file", "files", "filename", "filetype", "ext", "exts", "extension", "extensions", "mime",
     "mimetype", "type", "types"}
)  # fmt: skip
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")  # snake_case and camelCase words
_URL = frozenset({"open-redirect", "ssrf"})
_PATH = frozenset({"path-traversal"})
_CONTAINED = frozenset({"inside", "within", "subpath", "contained"})
_EXIT_CALLS = frozenset({"abort", "exit", "_exit", "fail", "skip", "raise_error"})


# Changes of case and surrounding space: a value equal to a literal after one of these is one
# of a few spellings of that literal.
_SPELLINGS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip"})


def _the_value(node: ast.expr) -> bool:
    """Is `node` the value itself (a name or an attribute path), or a respelling of it
    (`x.strip().lower()`), so that its equality with a literal pins the value? Equality of a
    part or a property of it (`urlsplit(url).netloc == ""`, `basename(p) == "a.txt"`,
    `len(x) == 5`) leaves the rest free: `/\\evil.example` has an empty netloc."""
    if isinstance(node, ast.Call):
        func = node.func
        return (
            isinstance(func, ast.Attribute) and func.attr in _SPELLINGS and _the_value(func.value)
        )
    # Not `config["mode"]`: the facts are kept per name or attribute path, and marking
    # `config` for one key's value would clear all the others.
    return isinstance(node, (ast.Name, ast.Attribute)) and bool(dotted(node))


def _host_of(node: ast.expr) -> frozenset[str]:
    """`urlsplit(url).hostname in ALLOWED_HOSTS`: an allowlist of the URL's host pins where it
    leads (no SSRF, no open redirect), not what its path and query hold."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _host_of(node.func.value) if node.func.attr in _SPELLINGS else frozenset()
    if isinstance(node, ast.Attribute) and node.attr in ("netloc", "hostname", "host"):
        return _URL
    return frozenset()


def merge(a: Facts, b: Facts) -> Facts:
    out = dict(a)
    for key, cats in b.items():
        out[key] = out.get(key, frozenset()) | cats
    return out


def common(a: Facts, b: Facts) -> Facts:
    return {key: a[key] & b[key] for key in a.keys() & b.keys() if a[key] & b[key]}


def mark(node: ast.AST, cats: frozenset[str]) -> Facts:
    found = {p: cats for p in paths_in(node) if p not in ("self", "re", "os")}
    for read in ast.walk(node):
        key = request_read(read)
        if key:
            found[CHECKED_READ + key] = cats
    return found


# A read of the request's own data under a constant key that a guard checked:
# `is_safe_url(request.GET.get("next"))` then `redirect(request.GET.get("next"))`. The request's
# query and form mappings do not change while it is handled (Django's QueryDict and werkzeug's
# MultiDict are immutable), so the same read, written the same way, gives the value checked.
CHECKED_READ = "\0checked-read:"
_REQUEST_DATA = ("request.", "self.request.", "req.")


# A name whose text holds a `?` or `#`: whatever is appended to it lands in its query string
# or fragment (`query.py`). Set by `"?" in url` and by binding text that holds one
# (`statements.Statements.holds_query`); kept after a join only if every path set it.
HAS_QUERY = "\0has-query:"


# A name bound to a normalized path (`os.path.realpath(...)`, `Path(...).resolve()`); kept in
# the env so that it holds after a join only if every path set it.
NORMALIZED = "\0normalized:"
# In what a call proves (`proves`): the callee is a function or method of the analyzed module,
# whose body was read, so its name says nothing more (aird's `_is_safe_redirect_url()` is named
# safe, but its `startswith("/") and not startswith("//")` lets `/\evil.example` through).
BODY_READ = "\0body-read"
# A name bound to text that ends with a path separator (`base + os.sep`): a folder's prefix.
FOLDER = "\0folder:"
_NORMALIZERS = frozenset({"realpath", "abspath", "normpath"})
_PREFIX_TESTS = frozenset({"startswith", "is_relative_to"})
_ROOTS = frozenset({"/", "\\", ".", ""})


def normalizes(node: ast.expr) -> bool:
    """Does `node` compute a normalized path, with no ".." left in it? A separator added after
    one (`normpath(p) + os.sep`, so that a prefix test reads a folder: holdout28's servefile)
    adds none."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and _separator(node.right):
        return normalizes(node.left)
    if not isinstance(node, ast.Call):
        return False
    if dotted(node.func).rpartition(".")[2] in _NORMALIZERS:
        return True
    return isinstance(node.func, ast.Attribute) and node.func.attr == "resolve"


def _confines(path: ast.expr, test: ast.Call, normalized: Callable[[str], bool],
              folders: Callable[[str], bool],
              pattern: Callable[[str], str | None]) -> bool:  # fmt: skip
    """Does a prefix test of `path` keep it in a folder? Only once ".." is resolved away (a
    normalizing call, or a name bound to one), and only for a prefix that names a folder: every
    absolute path starts with "/". `startswith` compares text, so its prefix must end with a
    separator (`ends_with_separator`): `/srv/files_old/x` starts with "/srv/files" (holdout18's
    Flask-Admin `is_in_folder()`); `is_relative_to` compares whole segments."""
    if not normalized_path(path, normalized):
        return False
    prefix = test.args[0] if len(test.args) == 1 and not test.keywords else None
    if prefix is None or _root(prefix):
        return False
    compares_text = isinstance(test.func, ast.Attribute) and test.func.attr == "startswith"
    return not compares_text or ends_with_separator(prefix, folders, pattern)


def normalized_path(node: ast.expr, normalized: Callable[[str], bool]) -> bool:
    """Is `node` a normalized path (`normalizes`, or a name bound to one), or its text
    (`str(p)`, `os.fspath(p)`, `p.as_posix()`: `str(full).startswith(str(BASE) + os.sep)`)?"""
    while isinstance(node, ast.Call) and not node.keywords:
        if len(node.args) == 1 and dotted(node.func) in _AS_TEXT:
            node = node.args[0]
        elif (isinstance(node.func, ast.Attribute) and node.func.attr == "as_posix"
              and not node.args):  # fmt: skip
            node = node.func.value
        else:
            break
    return normalizes(node) or (bool(dotted(node)) and normalized(dotted(node)))


_AS_TEXT = frozenset({"str", "os.fspath", "fspath"})


def _parents_test(test: ast.Compare, normalized: Callable[[str], bool]) -> Facts | None:
    """`BASE in full.parents`, with `full` normalized (`Path(...).resolve()`), holds when
    `full` is inside BASE, segment by segment: what it proves when true; None when the test
    is no such one. A parent every absolute path has (`Path("/")`) proves nothing."""
    right = test.comparators[0]
    if not (isinstance(right, ast.Attribute) and right.attr == "parents"):
        return None
    if _root(test.left) or not normalized_path(right.value, normalized):
        return {}
    return mark(right.value, _PATH)


def is_relpath(node: ast.expr) -> bool:
    """`os.path.relpath(p, base)`: a path from a base, "../" first when p is outside it."""
    return (isinstance(node, ast.Call) and len(node.args) == 2 and not node.keywords
            and dotted(node.func).rpartition(".")[2] == "relpath")  # fmt: skip


def _relpath_leaves(test: ast.Call) -> Facts | None:
    """`os.path.relpath(p, base).startswith(os.pardir)` (or `".."`) is false when `p` is inside
    `base`: relpath makes both absolute first, so ".." in p is resolved. What the false branch
    proves; None when the test is no such one. Not `startswith("../")`: p == base's parent
    gives "..", which does not start with it."""
    func = test.func
    if not (isinstance(func, ast.Attribute) and func.attr == "startswith"):
        return None
    relpath = func.value
    if not (isinstance(relpath, ast.Call) and is_relpath(relpath)):
        return None
    if len(test.args) != 1 or test.keywords:
        return {}
    prefix = test.args[0]
    if const_text(prefix) != ".." and dotted(prefix) not in ("os.pardir", "os.path.pardir"):
        return {}
    return mark(relpath.args[0], _PATH)


def _root(node: ast.expr) -> bool:
    """`"/"`, or `Path("/")`: a folder every absolute path is in."""
    if (isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords
            and dotted(node.func).rpartition(".")[2] in _PATH_CLASSES):  # fmt: skip
        node = node.args[0]
    return const_text(node) in _ROOTS


def ends_with_separator(node: ast.expr, named: Callable[[str], bool] | None = None,
                        constant: Callable[[str], str | None] | None = None) -> bool:  # fmt: skip
    """Does this text end with a path separator: a literal, `base + os.sep`, an f-string whose
    last part is one, `os.path.join(base, "")`, or a name bound to one (`named`: a name of the
    function, `constant`: the literal a constant holds)?"""
    if _separator(node):
        return True
    text = const_text(node)
    if text is None and dotted(node):
        text = constant(dotted(node)) if constant is not None else None
        if text is None:
            return named is not None and named(dotted(node))
    if text is not None:
        return text.endswith(("/", "\\"))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return ends_with_separator(node.right, named, constant)
    if isinstance(node, ast.JoinedStr) and node.values:
        return ends_with_separator(node.values[-1], named, constant)
    if isinstance(node, ast.Call) and dotted(node.func).endswith("path.join") and node.args:
        return const_text(node.args[-1]) == "" or ends_with_separator(node.args[-1], named,
                                                                      constant)  # fmt: skip
    return False


def _holds_query(left: ast.expr, right: ast.expr) -> Facts:
    """`"?" in url`: url holds a query start (`HAS_QUERY`), whatever else it holds."""
    text, name = const_text(left), dotted(right)
    if text is None or not name or not ("?" in text or "#" in text):
        return {}
    return {HAS_QUERY + name: frozenset({"query"})}


def request_read(node: ast.AST) -> str:
    """`request.GET.get("next")` or `request.args["next"]` as written, or ""."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        mapping, method = node.func.value, node.func.attr
        if method != "get" or len(node.args) != 1 or node.keywords:
            return ""
        key: ast.expr = node.args[0]
    elif isinstance(node, ast.Subscript):
        mapping, key = node.value, node.slice
    else:
        return ""
    text = dotted(mapping)
    if not text.startswith(_REQUEST_DATA) or const_text(key) is None:
        return ""
    return ast.unparse(node)


def _no_text(name: str) -> str | None:
    return None


def _no_proof(call: ast.Call) -> Facts:
    return {}


def _none(name: str) -> bool:
    return False


def facts(test: ast.expr, tainted: Callable[[ast.expr], bool],
          normalized: Callable[[str], bool] = _none, *,
          pattern: Callable[[str], str | None] = _no_text,
          proves: Callable[[ast.Call], Facts] = _no_proof,
          folders: Callable[[str], bool] = _none) -> tuple[Facts, Facts]:  # fmt: skip
    """(valid when true, valid when false). `tainted` says whether an expression may carry
    attacker data: `x in request.args` checks nothing, `x in ALLOWED` does. `normalized` says
    whether a name is bound to a normalized path on every path here (`NORMALIZED`).
    `pattern`: the literal a constant holds (`MD5.pattern`, see `constants.py`); `proves`: what
    a call of a function the code defines proves of its arguments when true
    (`predicates.py`); `folders`: whether a name is bound to text that ends with a separator
    (`FOLDER`), for a `startswith` test's prefix."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        yes, no = facts(test.operand, tainted, normalized, pattern=pattern, proves=proves,
                        folders=folders)
        return no, yes
    if isinstance(test, ast.BoolOp):
        yes, no = facts(test.values[0], tainted, normalized, pattern=pattern, proves=proves,
                        folders=folders)
        for value in test.values[1:]:  # `a and b and c` reads as `(a and b) and c`
            ry, rn = facts(value, tainted, normalized, pattern=pattern, proves=proves,
                           folders=folders)
            # `a and b` fails when either fails: only what both failures prove holds after it.
            if isinstance(test.op, ast.And):
                yes, no = merge(yes, ry), common(no, rn)
            else:
                yes, no = common(yes, ry), merge(no, rn)
        return yes, no
    if isinstance(test, (ast.Name, ast.Attribute)) and dotted(test):
        return {}, {dotted(test): ALL_CATEGORIES}  # falsy: None, "" or 0 carry no data
    if isinstance(test, ast.Constant) and (test.value is None or isinstance(test.value, bool)):
        return {}, {str(test.value): ALL_CATEGORIES}  # a Name in libcst's tree
    halves = path_halves(test)
    if halves is not None:
        return halves
    if (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.ops[0], (ast.Is, ast.IsNot))
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None
            and (isinstance(test.left, ast.Name) or record_key(test.left))):  # fmt: skip
        # `x is None`: None carries no data; `record is not None` proves what finding it does
        yes, no = facts(test.left, tainted, normalized, pattern=pattern, proves=proves,
                        folders=folders)  # fmt: skip
        return (yes, no) if isinstance(test.ops[0], ast.IsNot) else (no, yes)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, right = test.ops[0], test.comparators[0]
        holds = _holds_query(test.left, right)
        if isinstance(op, (ast.In, ast.NotIn)) and holds:
            return (holds, {}) if isinstance(op, ast.In) else ({}, holds)
        inside = _parents_test(test, normalized) if isinstance(op, (ast.In, ast.NotIn)) else None
        if inside is not None:
            return (inside, {}) if isinstance(op, ast.In) else ({}, inside)
        if isinstance(op, (ast.In, ast.NotIn)) and not tainted(right):
            cats = ALL_CATEGORIES if _the_value(test.left) else _host_of(test.left)
            if not cats:
                return {}, {}  # `ext(name) in ALLOWED`: the rest of `name` is still free
            valid = mark(test.left, cats)
            return (valid, {}) if isinstance(op, ast.In) else ({}, valid)
        if isinstance(op, (ast.Eq, ast.NotEq)):
            if const_text(right) is not None or _integer(right):
                if not _the_value(test.left):
                    return {}, {}  # `urlsplit(u).netloc == ""`, `len(u) == 5`: u is still free
                valid = mark(test.left, ALL_CATEGORIES)
                return (valid, {}) if isinstance(op, ast.Eq) else ({}, valid)
            proved = merge(signed(test.left, tainted), signed(right, tainted))
            proved = merge(proved, _equal_to_trusted(test.left, right, tainted))
            if proved:
                return (proved, {}) if isinstance(op, ast.Eq) else ({}, proved)
            left_call = test.left if isinstance(test.left, ast.Call) else right
            if isinstance(left_call, ast.Call) and dotted(left_call.func).endswith("commonpath"):
                valid = mark(left_call, frozenset({"path-traversal"}))
                return (valid, {}) if isinstance(op, ast.Eq) else ({}, valid)
        return {}, {}
    if isinstance(test, ast.Call):
        func = test.func
        outside = _relpath_leaves(test)
        if outside is not None:
            return {}, outside
        if isinstance(func, ast.Attribute) and func.attr in _PREDICATE_METHODS:
            cats = _PREDICATE_METHODS[func.attr]
            if func.attr == "startswith" and not _pins_host(test):
                cats = cats - _URL  # `url.startswith("http")` lets https://evil through
            if func.attr in _PREFIX_TESTS and not _confines(
                func.value, test, normalized, folders, pattern
            ):
                cats = cats - _PATH  # `p.startswith(BASE)` lets BASE + "/../../etc" through
            return (mark(func.value, cats) if cats else {}), {}
        name = dotted(func).split(".")[-1]
        if name == "compare_digest" and len(test.args) == 2:
            return merge(signed(test.args[0], tainted), signed(test.args[1], tainted)), {}
        if name in _PREDICATE_FUNCTIONS:
            if name == "match" and not _anchored(test, pattern):
                return {}, {}
            return mark(test, _PREDICATE_FUNCTIONS[name]), {}
        keys = [k for k in record_key(test) if dotted(k)]
        if keys:
            found: Facts = {}
            for key in keys:
                found = merge(found, mark(key, ALL_CATEGORIES))
            return found, {}
        proved = proves(test)
        if BODY_READ in proved:  # a validator whose body was read: what it proves, not its name
            return {k: v for k, v in proved.items() if k != BODY_READ}, {}
        cats = ALL_CATEGORIES if _validator(name) else _containment(name)
        if cats:
            checked = next((a for a in test.args if tainted(a)), None)  # the rest is policy
            if checked is not None and not isinstance(checked, ast.Starred):
                return merge(mark(checked, cats), proved), {}
        return proved, {}
    return {}, {}


_PATH_CLASSES = frozenset(
    {"Path", "PurePath", "PurePosixPath", "PureWindowsPath", "PosixPath", "WindowsPath"}
)
_SEPARATORS = frozenset({"/", "\\"})


def path_halves(test: ast.expr) -> tuple[Facts, Facts] | None:
    """The halves of a containment check (`flows.CONTAINED`), or None: `".." in p`, `".." in
    p.split("/")` or `in PurePath(p).parts` is false when p has no ".." segment (`NO_PARENT`);
    `"/" in p` (or `os.sep`) is false when p is one path segment (`SEGMENT`, and relative);
    `os.path.isabs(p)` or `PurePosixPath(p).is_absolute()` is false when p is relative
    (`RELATIVE`). mlflow's `validate_path_is_safe()` raises unless both hold."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and const_text(test.left) == "..":
        op, name = test.ops[0], _segments_of(test.comparators[0])
        if name and isinstance(op, (ast.In, ast.NotIn)):
            fact = {name: frozenset({NO_PARENT})}
            return ({}, fact) if isinstance(op, ast.In) else (fact, {})
        return None
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and _separator(test.left):
        # `if os.path.sep in name: refuse`: no "/" left, one path segment (askbot's download)
        op, name = test.ops[0], dotted(test.comparators[0])
        if name and isinstance(op, (ast.In, ast.NotIn)):
            fact = {name: frozenset({SEGMENT, RELATIVE})}
            return ({}, fact) if isinstance(op, ast.In) else (fact, {})
        return None
    if not isinstance(test, ast.Call) or test.keywords:
        return None
    func, args = test.func, test.args
    if isinstance(func, ast.Attribute) and func.attr == "is_absolute" and not args:
        inner = func.value
        if (isinstance(inner, ast.Call) and len(inner.args) == 1 and not inner.keywords
                and dotted(inner.func).rpartition(".")[2] in _PATH_CLASSES
                and dotted(inner.args[0])):  # fmt: skip
            return {}, {dotted(inner.args[0]): frozenset({RELATIVE})}
    if dotted(func).rpartition(".")[2] == "isabs" and len(args) == 1 and dotted(args[0]):
        return {}, {dotted(args[0]): frozenset({RELATIVE})}
    return None


def _separator(node: ast.expr) -> bool:
    """`"/"`, `os.sep` or `os.path.sep` (a POSIX host's separator, as `flows.SEGMENT` assumes)."""
    return const_text(node) == "/" or dotted(node) in ("os.sep", "os.path.sep")


def _segments_of(node: ast.expr) -> str:
    """The path `node` lists the parts of, or is: `p`, `p.split("/")`, `PurePath(p).parts`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr != "split" or len(node.args) != 1 or node.keywords:
            return ""
        sep = node.args[0]
        if const_text(sep) in _SEPARATORS or dotted(sep) in ("os.sep", "os.path.sep"):
            return dotted(node.func.value)
        return ""
    if isinstance(node, ast.Attribute) and node.attr == "parts":
        inner = node.value
        if (isinstance(inner, ast.Call) and len(inner.args) == 1
                and dotted(inner.func).rpartition(".")[2] in _PATH_CLASSES):  # fmt: skip
            return dotted(inner.args[0])
        return ""
    return dotted(node)


def _equal_to_trusted(
    left: ast.expr, right: ast.expr, tainted: Callable[[ast.expr], bool]
) -> Facts:
    """`token == settings.SITE_TOKEN`: a value equal to one no attacker chose is that value
    (Misago echoes a verification token only past `if token != configured: raise Http404`).
    Only the value itself or a respelling of it (`_the_value`): `len(x) == n` says nothing of
    `x`'s text."""
    for value, other in ((left, right), (right, left)):
        if _the_value(value) and tainted(value) and not tainted(other):
            return mark(value, ALL_CATEGORIES)
    return {}


def signed(node: ast.expr, tainted: Callable[[ast.expr], bool]) -> Facts:
    """What a keyed MAC authenticates, when `node` computes one: the message of
    `hmac.new(key, msg, ...)`, `hmac.digest(key, msg, ...)` or a function named for HMAC called
    the same way (`new_hmac(secret, url)`), read through `.hexdigest()`/`.digest()`. Compared
    with the signature a request carries (`if h != request.args["h"]: abort(403)`), the message
    is one the server itself signed with a key the client does not hold: a signed image-proxy
    or download URL, not the client's choice. A key that may be the attacker's proves nothing,
    nor does an unkeyed digest (`sha256(url)`), which anyone can compute."""
    call = node
    while (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in ("hexdigest", "digest")
        and not call.args
    ):
        call = call.func.value
    if not isinstance(call, ast.Call) or "hmac" not in dotted(call.func).lower():
        return {}
    arguments = [*call.args, *(k.value for k in call.keywords if k.arg in ("key", "msg"))]
    if len(arguments) < 2 or any(isinstance(a, ast.Starred) for a in arguments[:2]):
        return {}
    key, message = arguments[0], arguments[1]
    if tainted(key):
        return {}
    return mark(message, ALL_CATEGORIES)


def _pins_host(test: ast.Call) -> bool:
    """Does `url.startswith(prefix)` fix where the URL leads? A literal prefix must be a path on
    this site ("/account", not "/" which lets "//evil" through) or a scheme and host closed by
    "/", "?" or "#" ("https://example.com" also admits "https://example.com.evil"); "http",
    "https://" and "//" pin nothing: the test of a URL's fixed start
    (`calls.SAFE_LOCATION_PREFIX`). A prefix the code computes (a configured base) is taken
    as a base, as a folder base is for paths. Each prefix of a tuple must pin one."""
    if len(test.args) != 1 or test.keywords:
        return False
    prefix = test.args[0]
    prefixes = prefix.elts if isinstance(prefix, ast.Tuple) else [prefix]
    if not prefixes:
        return False
    for one in prefixes:
        text = const_text(one)
        if text is None:
            if isinstance(one, (ast.Constant, ast.Starred)):
                return False
            continue
        if not SAFE_LOCATION_PREFIX.match(text):
            return False
    return True


def _validator(name: str) -> bool:
    words = [word.lower() for word in _WORDS.findall(name)]
    if any(word in _FILE_KIND for word in words):
        return False
    is_local = any(pair == ("is", "local") for pair in pairwise(words))
    return is_local or any(word.startswith(_VALIDATOR_WORDS) for word in words)


def _containment(name: str) -> frozenset[str]:
    """A predicate named for a path's containment in a folder (`is_path_inside(path, base)`,
    the tarfile advisory's `is_within_directory(directory, target)`, `is_subpath`): the
    first argument that may carry attacker data stays in that folder."""
    words = {word.lower() for word in _WORDS.findall(name)}
    return _PATH if words & _CONTAINED else frozenset()


def _integer(node: ast.expr) -> bool:
    """An integer literal (libcst's `Integer`; `True` is a name there, `-1` an operation)."""
    return isinstance(node, ast.Constant) and type(node.value) is int


def lookup(value: ast.expr, tainted: Callable[[ast.expr], bool]) -> Facts:
    """`app = COMMANDS[name]`: past this line `name` is a key of a mapping the code built
    (a KeyError stops anything else), the dict-lookup allowlist. `request.GET[name]` proves
    nothing, since the attacker picks that mapping's keys."""
    if not isinstance(value, ast.Subscript):
        return {}
    index = value.slice
    if not isinstance(index, (ast.Name, ast.Attribute)):
        return {}
    key = dotted(index)
    if not key or tainted(value.value):
        return {}
    return {key: ALL_CATEGORIES}


def _anchored(call: ast.Call, constant: Callable[[str], str | None] = _no_text) -> bool:
    """Is this `match` call's pattern anchored at the end: `re.match(r"^...$", x)`, or
    `MD5.match(x)` with `MD5 = re.compile(r"^...$")` (`constant("MD5.pattern")`)?"""
    func = call.func
    receiver = dotted(func.value) if isinstance(func, ast.Attribute) else ""
    if receiver and receiver not in ("re", "regex"):
        pattern = constant(f"{receiver}.pattern")
    else:  # `re.match(r"^...$", x)`, or `re.match(PATTERN, x)` with a constant
        arguments = ordered_arguments(call)
        pattern = constants.pattern_text(arguments[0].value, constant) if arguments else None
    return pattern is not None and pattern.rstrip().endswith(("$", r"\Z"))


# Methods that raise unless their predicate twin holds: pathlib's `p.relative_to(base)` raises
# ValueError where `p.is_relative_to(base)` is false, so a call that returns (a statement of its
# own, or a value bound) proves what the twin's true branch does. Python's documentation
# suggests it for that check, in a `try` whose handler leaves. Not with `walk_up=True` (3.12),
# which answers `../x` instead of raising (`_confines` takes one argument and no keyword).
_ASSERTING = {"relative_to": "is_relative_to"}

# One record fetched by its key: `Model.query.filter_by(id=v).first()`, `.filter(Model.id ==
# v).one_or_none()`, `Model.query.get(v)`, `session.get(Model, v)`, Django's
# `Model.objects.filter(pk=v).first()`. When a record came back, `v` equals a key the database
# already holds (an integer or UUID column, by its name: `id`, `pk`, `uuid`, `..._id`), not text
# the sender chose; the raising forms (`first_or_404()`, `.one()`, Django's `objects.get()` and
# `get_object_or_404()`) prove it by returning. A record found by any other field (a name, an
# e-mail) proves nothing: the sender may have stored that text.
_FETCH_ONE = frozenset({"first", "one_or_none", "scalar", "scalar_one_or_none"})
_FETCH_ONE_RAISING = frozenset({"first_or_404", "one_or_404", "one", "scalar_one"})
_FETCH_BY_KEY = frozenset({"get", "get_or_404"})
_QUERY_STEPS = frozenset({"filter", "filter_by", "where"})


def _key_field(name: str) -> bool:
    return name in ("id", "pk", "uuid") or name.endswith(("_id", "_pk", "_uuid"))


def _keys_in(call: ast.Call) -> list[ast.expr]:
    """The values a `filter`/`filter_by`/`where`/Django `get` call compares a key field with."""
    found = [k.value for k in call.keywords if k.arg is not None and _key_field(k.arg)]
    for arg in call.args:
        if (isinstance(arg, ast.Compare) and len(arg.ops) == 1 and isinstance(arg.ops[0], ast.Eq)
                and isinstance(arg.left, ast.Attribute) and _key_field(arg.left.attr)):  # fmt: skip
            found.append(arg.comparators[0])
    return found


def record_key(node: ast.expr, raising: bool = False) -> list[ast.expr]:
    """The key values a one-record lookup compares with (see `_FETCH_ONE`): of a lookup whose
    record is then tested for truth, or with `raising`, of one that raises when none is found."""
    if not isinstance(node, ast.Call):
        return []
    func = node.func
    if raising and dotted(func).split(".")[-1] == "get_object_or_404" and node.args:
        return _keys_in(node)  # Django's shortcut: `get_object_or_404(Model, pk=v)`
    if not isinstance(func, ast.Attribute):
        return []
    if func.attr in _FETCH_BY_KEY and (func.attr == "get_or_404") == raising:
        receiver = func.value
        if isinstance(receiver, ast.Attribute) and receiver.attr == "query" and len(node.args) == 1:
            return [node.args[0]]  # Flask-SQLAlchemy's `Model.query.get(v)`
        if dotted(receiver).split(".")[-1] == "session" and len(node.args) == 2:
            return [node.args[1]]  # SQLAlchemy's `session.get(Model, v)`
        return []
    if raising and func.attr == "get" and dotted(func.value).endswith(".objects"):
        return _keys_in(node)  # Django's `Model.objects.get(pk=v)` raises DoesNotExist
    if func.attr not in (_FETCH_ONE_RAISING if raising else _FETCH_ONE) or node.args:
        return []
    step = func.value
    while isinstance(step, ast.Call) and isinstance(step.func, ast.Attribute):
        if step.func.attr in _QUERY_STEPS:
            keys = _keys_in(step)
            if keys:
                return keys
        step = step.func.value
    return []


def asserted(node: ast.expr) -> ast.Call | None:
    """The predicate that `node`, a call that raises unless it holds, proves by returning
    (`p.relative_to(base)` -> `p.is_relative_to(base)`), or None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        twin = _ASSERTING.get(node.func.attr)
        if twin is not None:
            func = ast.Attribute(value=node.func.value, attr=twin, ctx=ast.Load())
            return ast.Call(func=func, args=node.args, keywords=node.keywords)
    return None


def exits(body: Sequence[ast.stmt]) -> bool:
    """Does this block always leave (return, raise, continue, break, abort(), sys.exit())?"""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ast.If):
        return exits(last.body) and bool(last.orelse) and exits(last.orelse)
    return _small_exits(last)


def _small_exits(node: ast.stmt) -> bool:
    if isinstance(node, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        return dotted(node.value.func).split(".")[-1] in _EXIT_CALLS
    return False
