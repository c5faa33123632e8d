"""SC201 sinks: SQL text built from untrusted data.

How it detects: the taint engine (`analysis/engine.py`) follows data from web/CLI sources into
the query text of DB-API `execute`/`executemany`/`executescript`, SQLAlchemy `text()` and
`exec_driver_sql`, Django `raw`/`extra`/`RawSQL`, asyncpg/databases fetchers and
`pandas.read_sql`. Bound parameters (the second argument) are never a sink, and
`psycopg2.sql.Identifier`/`Literal` sanitize. A query built (f-string, %, +, format) from a value
of unknown origin is reported at medium confidence.

What it deliberately misses: ORM query builders (`filter(**kwargs)`) and queries assembled in
another module.
"""

from __future__ import annotations

from secretcheck.python.taint.flows import Sink
from secretcheck.python.taint.prefilter import SinkPrefilter

CATEGORY = "sql-injection"
_QUERY = (0, "sql", "query", "statement", "operation", "sql_script", "text")
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
            }
        ),
        _QUERY,
        unknown="built",
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
