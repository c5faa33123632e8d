"""SC201 sinks: SQL text built from untrusted data.

How it detects: the taint engine (`analysis/engine.py`) follows data from web/CLI sources into
the query text of DB-API `execute`/`executemany`/`executescript`, SQLAlchemy `text()` and
`exec_driver_sql`, Django `raw`/`extra`/`RawSQL`, asyncpg/databases fetchers,
`pandas.read_sql`, DuckDB's `sql()`/`query()` (on the module or a connection) and Prisma's
`query_raw`/`query_first`/`execute_raw`. A method sink counts on a cursor, connection or engine
given query text: not `self.execute(...)` (Django's `BaseCommand.execute`), not a Jupyter kernel
client's (SC203), not `execute(*args)`, not a list (a CLI dispatcher's
`command.execute(sys.argv)`), and not a statement object
(`Session.execute(select(...))`). Bound parameters (the second argument) are
never a sink; `psycopg2.sql.Identifier`/`Literal`, `quote_name()` and the dialect's
`identifier_preparer.quote()` sanitize. A query built (f-string, %, +, format) from a value
of unknown origin is reported at medium confidence.

What it deliberately misses: ORM query builders (`filter(**kwargs)`) and queries assembled in
another module.
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import dotted, ordered_arguments
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import SinkPrefilter
from secretcheck.python.taint.sinks.code_injection import kernel_client

CATEGORY = "sql-injection"
_QUERY = (0, "sql", "query", "statement", "operation", "sql_script", "text")
_NOT_A_CONNECTION = frozenset({"self", "cls", "super"})


def _query_text(site: CallSite) -> bool:
    """A DB-API style `execute`: called on a cursor, connection or engine (not on `self`, where
    it is a class's own method such as Django's `BaseCommand.execute`) with the query as text.
    A call in the query's place builds a statement object (`Session.execute(select(...))`),
    or is `text()`, a sink of its own; `execute(*args)` forwards a caller's arguments."""
    func = site.node.func
    if isinstance(func, ast.Attribute):
        receiver = func.value
        if isinstance(receiver, ast.Call):
            receiver = receiver.func
        if dotted(receiver) in _NOT_A_CONNECTION:  # `self.conn.execute` is a connection's
            return False
        if kernel_client(site):  # a Jupyter kernel client runs code (SC203)
            return False
    args = ordered_arguments(site.node)
    if args and args[0].star:
        return False
    query = site.argument(0, "sql") or next(
        (site.keyword(str(k)) for k in _QUERY[1:] if site.keyword(str(k)) is not None), None
    )
    if query is None or site.is_sequence(query) or _argv(query):
        return False  # DB-API takes the operation as a string: a list is a CLI's `execute(argv)`
    return not isinstance(query, ast.Call) or site.is_text(query)


def _argv(node: ast.expr) -> bool:
    """`sys.argv` or a slice of it (`sys.argv[1:]`): a command line, never query text."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        node = node.value
    return dotted(node) in ("sys.argv", "sys.orig_argv")


SINKS = (
    Sink(
        frozenset(
            {
                ".execute",
                ".executemany",
                ".executescript",
                ".exec_driver_sql",
                ".fetchrow",
                ".fetchval",
                ".fetch_all",
                ".fetch_one",
                # Prisma Client Python's raw queries (litellm's key check, CVE-2026-42208)
                ".query_raw",
                ".query_first",
                ".execute_raw",
            }
        ),
        _QUERY,
        unknown="built",
        when=_query_text,
    ),
    Sink(
        frozenset(
            {
                "sqlalchemy.text",
                "sqlalchemy.sql.text",
                "sqlalchemy.sql.expression.text",
                "django.db.models.expressions.RawSQL",
                "django.db.models.RawSQL",
                "pandas.read_sql",
                "pandas.read_sql_query",
                # DuckDB runs SQL given to its module, or to a connection, as `sql()`/`query()`
                # (DB-GPT's Excel chat pastes a path into `db.sql(...)`)
                "duckdb.sql",
                "duckdb.query",
                "duckdb.connect.sql",
                "duckdb.connect.query",
                "duckdb.DuckDBPyConnection.sql",
                "duckdb.DuckDBPyConnection.query",
            }
        ),
        _QUERY,
        unknown="built",
    ),
    Sink(frozenset({".raw"}), (0, "raw_query"), unknown="built", receiver_hint="objects"),
    Sink(frozenset({".extra"}), ("where", "select", "tables", "order_by"), unknown="built"),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS)
