"""What calls do to taint: sanitizers, calls whose result cannot carry attacker text, and the
string-building methods that mix their arguments into the result."""

from __future__ import annotations

import re

from secretcheck.python.taint.flows import ALL_CATEGORIES

_MARKUP = frozenset({"xss", "template-injection"})
SANITIZERS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("builtins.int", "builtins.float", "builtins.bool", "builtins.len", "builtins.abs",
         "builtins.round", "uuid.UUID", "decimal.Decimal", "flask.url_for",
         "django.urls.reverse", "django.shortcuts.reverse"),
        ALL_CATEGORIES,
    ),
    **dict.fromkeys(("shlex.quote", "pipes.quote", "shlex.join"), frozenset({"command-injection"})),
    # Bytes this process pickled itself (a deep copy by round trip) hold no attacker opcodes.
    **dict.fromkeys(("pickle.dumps", "_pickle.dumps", "cPickle.dumps", "dill.dumps",
                     "cloudpickle.dumps", "marshal.dumps"), frozenset({"deserialization"})),
    **dict.fromkeys(
        ("os.path.basename", "werkzeug.utils.secure_filename", "werkzeug.secure_filename",
         "werkzeug.utils.safe_join", "werkzeug.security.safe_join", "flask.safe_join",
         "flask.helpers.safe_join", "django.utils._os.safe_join", "posixpath.basename"),
        frozenset({"path-traversal"}),
    ),
    **dict.fromkeys(
        ("html.escape", "markupsafe.escape", "flask.escape", "django.utils.html.escape",
         "django.utils.html.conditional_escape", "bleach.clean", "cgi.escape",
         "xml.sax.saxutils.escape", "markupsafe.Markup.escape", "jinja2.escape",
         "django.utils.html.format_html", "django.utils.html.strip_tags"),
        _MARKUP,
    ),
    **dict.fromkeys(
        ("psycopg2.sql.Identifier", "psycopg2.sql.Literal", "psycopg.sql.Identifier",
         "psycopg.sql.Literal", "sqlalchemy.bindparam", "sqlalchemy.sql.bindparam"),
        frozenset({"sql-injection"}),
    ),
}  # fmt: skip
# Results that are numbers, booleans, digests, rendered (escaped) templates or JSON responses.
# Process results and response objects do not carry the request's text onward either.
CLEAN_PREFIXES = (
    "hashlib.",
    "hmac.",
    "secrets.",
    "time.",
    "random.",
    "logging.",
    "uuid.uuid",
    "subprocess.",
    "starlette.responses.",
    "fastapi.responses.",
    "django.http.",
)
CLEAN_CALLS = frozenset(
    {"builtins.isinstance", "builtins.hasattr", "builtins.callable", "builtins.id",
     "builtins.hash", "builtins.ord", "builtins.type", "builtins.print", "flask.jsonify",
     "flask.json.jsonify", "flask.render_template", "flask.abort", "django.shortcuts.render",
     "django.template.loader.render_to_string", "django.http.JsonResponse",
     "django.shortcuts.get_object_or_404", "fastapi.responses.JSONResponse",
     "starlette.responses.JSONResponse", "os.path.exists", "os.path.isfile", "os.path.isdir",
     "os.path.getsize", "builtins.open", "io.open", "json.dump", "flask.send_from_directory",
     "flask.Response", "flask.make_response", "flask.send_file", "flask.redirect", "os.system",
     "flask.wrappers.Response", "io.BytesIO", "io.StringIO"}
)  # fmt: skip
CLEAN_METHODS = frozenset(
    {"count", "index", "find", "rfind", "startswith", "endswith", "isdigit", "isalnum",
     "isalpha", "isnumeric", "isdecimal", "isidentifier", "hexdigest", "digest", "exists",
     "is_file", "is_dir", "fetchone", "fetchall", "fetchmany", "commit", "rollback", "close",
     "first", "all", "one", "scalar", "scalars", "save", "delete"}
)  # fmt: skip
BUILDER_METHODS = frozenset(
    {"format", "format_map", "join", "replace", "joinpath", "with_name", "with_suffix",
     "__add__", "urljoin"}
)  # fmt: skip
# A URL or path that starts with a fixed scheme and host, or a fixed local path, keeps the
# attacker out of where the request goes: "https://api.example.com/users/" + user_id.
# Tested on the text fixed before the first replacement field (`UrlStart.fixed_head`), and a
# field's start ("{", "%") pins nothing either: "/" then anything but "/" or "\\" is a path
# on this site, but "/" then a field is "/" alone, and a field value "/evil.example" makes
# "//evil.example", a network-path reference to another host ("/{}".format(v), "/%s" % v,
# f"/{v}", "/" + v). "/account/{}" and "/u/%s" stay on this site.
SAFE_LOCATION_PREFIX = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#{}%]+[/?#]|/[^/\\{%])")


# Quoting done by a database driver, ORM or dialect, known by the method's name: Django's
# `connection.ops.quote_name()` / compilers' `quote_name_unless_alias()`, SQLAlchemy's
# `identifier_preparer.quote()` / `format_table()`, MySQLdb's `escape_string()`.
_SQL_QUOTING = frozenset(
    {"quote_name", "quote_name_unless_alias", "quote_identifier", "quote_ident",
     "format_table", "format_column", "format_table_seq", "quote_schema", "escape_string",
     "escape_identifier", "escape_literal"}
)  # fmt: skip


def method_sanitizer(method: str, called: str) -> frozenset[str] | None:
    """Categories a call clears by its method name: SQL quoting, `.quote()` on an
    identifier preparer (`dialect.identifier_preparer.quote(name)`). Query encoders:
    `query.encoder_categories`."""
    if method in _SQL_QUOTING or (not method and called in _SQL_QUOTING):
        return frozenset({"sql-injection"})
    if method == "quote" and "preparer" in called:
        return frozenset({"sql-injection"})
    return None


def sanitizer_categories(names: frozenset[str]) -> frozenset[str] | None:
    for name in names:
        if name in SANITIZERS:
            return SANITIZERS[name]
    return None


def returns_clean(names: frozenset[str], method: str) -> bool:
    if method in CLEAN_METHODS:
        return True
    return any(n in CLEAN_CALLS or n.startswith(CLEAN_PREFIXES) for n in names)
