"""Inventory service: handlers delegate to repository helpers (cross-function flows)."""

import logging
import os
import sqlite3
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)


def connect():
    return sqlite3.connect(os.environ.get("INVENTORY_DB", "inventory.db"))


def find_items(conn, owner):
    sql = "SELECT id, sku FROM items WHERE owner = '" + owner + "'"
    # expect: SC201
    return conn.execute(sql).fetchall()


def find_items_safe(conn, owner):
    # ok: SC201
    return conn.execute("SELECT id, sku FROM items WHERE owner = ?", (owner,)).fetchall()


def run_query(conn, query):
    # expect: SC201
    return conn.execute(query).fetchall()


def build_filter(field, value):
    return f"{field} = '{value}'"


def clean_sku(raw):
    return "".join(ch for ch in raw if ch.isalnum())[:32]


def to_int(raw):
    return int(raw)


def archive(path):
    # expect: SC202
    subprocess.run("gzip -k " + path, shell=True, check=True)


def archive_safe(path):
    # ok: SC202
    subprocess.run(["gzip", "-k", path], check=True)


@app.route("/items")
def items():
    owner = request.args["owner"]
    return jsonify(find_items(connect(), owner))


@app.route("/items-safe")
def items_safe():
    return jsonify(find_items_safe(connect(), request.args["owner"]))


@app.route("/items/filter")
def items_filter():
    clause = build_filter("category", request.args["category"])
    return jsonify(run_query(connect(), "SELECT id FROM items WHERE " + clause))


@app.route("/items/by-sku")
def by_sku():
    sku = clean_sku(request.args["sku"])
    conn = connect()
    # ok: SC201
    rows = conn.execute(f"SELECT id FROM items WHERE sku = '{sku}'").fetchall()
    return jsonify(rows)


@app.route("/items/page")
def page():
    offset = to_int(request.args.get("offset", "0"))
    conn = connect()
    # ok: SC201
    rows = conn.execute(f"SELECT id FROM items LIMIT 50 OFFSET {offset}").fetchall()
    return jsonify(rows)


@app.route("/items/archive", methods=["POST"])
def archive_log():
    archive(request.form["path"])
    archive_safe(request.form["path"])
    return jsonify(ok=True)


class Repository:
    def __init__(self, conn):
        self.conn = conn

    def search(self, term):
        # The route below passes request.args here, through `repo.search(...)`.
        # expect: SC201
        return self.conn.execute("SELECT * FROM items WHERE name LIKE '%" + term + "%'")

    def count(self):
        # ok: SC201
        return self.conn.execute("SELECT COUNT(*) FROM items").fetchone()


@app.route("/items/search")
def search():
    repo = Repository(connect())
    return jsonify(repo.search(request.args["term"]).fetchall())
