"""Assorted helper functions from a utilities module (values of unknown origin)."""

import os
import subprocess


def run_hook(command):
    # audit: SC202
    return subprocess.run(command, shell=True, check=True)


def run_argv(argv):
    # ok: SC202
    return subprocess.run(argv, check=True)


def git_log(ref):
    # audit: SC202
    return os.popen("git log --oneline " + ref).read()


def git_log_safe(ref):
    # ok: SC202
    return subprocess.run(["git", "log", "--oneline", ref], capture_output=True).stdout


def evaluate_rule(expression, context):
    # audit: SC203
    return eval(expression, {"__builtins__": {}}, context)


def evaluate_constant():
    # ok: SC203
    return eval("1 + 2")


def count_rows(cursor, table):
    # audit: SC201
    cursor.execute(f"SELECT COUNT(*) FROM {table}")
    return cursor.fetchone()[0]


def run_sql(cursor, sql, params=()):
    # ok: SC201
    cursor.execute(sql, params)
    return cursor.fetchall()


def read_text(path):
    # ok: SC205
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def download(session, url):
    # ok: SC206
    return session.get(url, timeout=10)


class Hook:
    def __init__(self, command, expression):
        self.command = command
        self.expression = expression

    def fire(self):
        # ok: SC202 the object's own configuration: no lead starts at `self` (holdout26)
        return subprocess.run(self.command, shell=True, check=True)

    def value(self, context):
        # ok: SC203
        return eval(self.expression, {"__builtins__": {}}, context)

    def run(self, extra):
        # audit: SC202 a caller's argument is still a lead
        return subprocess.run(self.command + extra, shell=True, check=True)
