"""DuckDB runs the SQL its module or a connection is given as `sql()` or `query()`, as
`execute()` does; text pasted in is SQL injection (DB-GPT's Excel chat pastes a file path inside
the quotes of `db.sql(...)`, where `read_text()` or `COPY ... TO` reach the host's files).
Bound parameters stay safe, and a relation's own `.filter()` takes no request text here.
"""

import duckdb
from flask import Flask, request

app = Flask(__name__)


@app.route("/csv")
def read_csv():
    # expect: SC201
    return str(duckdb.sql("SELECT * FROM read_csv('%s')" % request.args["file"]).fetchall())


@app.route("/rows")
def rows():
    con = duckdb.connect("app.db")
    name = request.args["name"]
    # expect: SC201
    return str(con.sql(f"SELECT * FROM people WHERE name = '{name}'").fetchall())


@app.route("/count")
def count():
    con = duckdb.connect("app.db")
    # expect: SC201
    return str(con.query("SELECT count(*) FROM " + request.args["table"]).fetchall())


@app.route("/bound")
def bound():
    con = duckdb.connect("app.db")
    # ok: SC201
    return str(con.execute("SELECT * FROM people WHERE name = ?", [request.args["name"]]).fetchall())


@app.route("/fixed")
def fixed():
    # ok: SC201
    return str(duckdb.sql("SELECT count(*) FROM people").fetchall())
