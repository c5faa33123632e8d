"""Hard negatives in command-line and library shapes (issue 10, item 1): allowlists, argparse
`choices=`, enums, environment variables and a library's own parameters."""

import argparse
import enum
import os
import sqlite3
import subprocess
import sys

COMMANDS = {"status": "git status --short", "log": "git log --oneline -5"}


class Order(enum.Enum):
    NAME = "name"
    CREATED = "created"


def run_named(name):
    # ok: SC202
    return subprocess.check_output(COMMANDS[name], shell=True)


def deploy():
    # audit: SC202
    return subprocess.run("deploy --env " + os.environ["DEPLOY_ENV"], shell=True, check=True)


def count(conn, table):
    # audit: SC201
    return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", choices=["users", "groups"])
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--order", default="name")
    parser.add_argument("--where")
    args = parser.parse_args(argv)
    conn = sqlite3.connect("app.db")
    order = Order(args.order).value
    # ok: SC201
    conn.execute(f"SELECT * FROM {args.table} ORDER BY {order} LIMIT {args.limit}")
    # expect: SC201
    conn.execute(f"SELECT * FROM {args.table} WHERE {args.where}")
    if sys.argv[1:2] == ["status"]:
        action = sys.argv[1] if sys.argv[1] in COMMANDS else "status"
        # ok: SC202
        subprocess.run(COMMANDS[action], shell=True, check=True)
    # expect: SC202
    subprocess.run("git " + sys.argv[-1], shell=True, check=True)


if __name__ == "__main__":
    main()
