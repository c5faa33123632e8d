"""Command-line maintenance tools: argparse, click, input() and sys.argv."""

import argparse
import os
import shlex
import sqlite3
import subprocess
import sys
import tarfile

import click
import yaml


def backup(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("dest")
    parser.add_argument("--label", default="nightly")
    args = parser.parse_args(argv)
    # expect: SC202
    os.system(f"tar czf {args.dest}/backup-{args.label}.tgz /srv/data")
    # ok: SC202
    subprocess.run(["tar", "czf", f"{args.dest}/backup.tgz", "/srv/data"], check=True)
    # ok: SC202
    os.system("tar czf " + shlex.quote(args.dest) + "/backup.tgz /srv/data")


def query_tool():
    table = sys.argv[1]
    conn = sqlite3.connect("app.db")
    # expect: SC201
    rows = conn.execute("SELECT COUNT(*) FROM " + table).fetchall()
    print(rows)
    # ok: SC201
    conn.execute("SELECT COUNT(*) FROM audit WHERE tbl = ?", (table,))


class Command:
    def execute(self, argv):
        return argparse.ArgumentParser(prog=argv[0]).parse_args(argv[2:])


COMMANDS = {"start": Command(), "version": Command()}


def dispatch():
    command = COMMANDS[sys.argv[1]]
    # ok: SC201 a console script's own command object run with the command line, no database
    command.execute(sys.argv)
    # ok: SC201 the same with the arguments after the command's name
    command.execute(sys.argv[2:])


def interactive():
    expr = input("expression> ")
    # expect: SC203
    print(eval(expr))
    name = input("module> ")
    # expect: SC203
    __import__(name)


@click.command()
@click.argument("config_path")
@click.option("--unpack", default="")
def load(config_path, unpack):
    # ok: SC205
    with open(config_path) as fh:
        # ok: SC204
        cfg = yaml.safe_load(fh)
    if unpack:
        with tarfile.open(unpack) as tar:
            # ok: SC205
            tar.extractall("/srv/data")
    # expect: SC202
    subprocess.call(cfg["post_hook"] + " " + unpack, shell=True)


@click.command()
@click.option("--host", default="localhost")
def check(host):
    # ok: SC202
    subprocess.run(["ssh", host, "uptime"], check=True)
    # expect: SC202
    subprocess.run("ssh " + host + " uptime", shell=True, check=True)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "help"
    if mode == "backup":
        backup(sys.argv[2:])
    elif mode == "query":
        query_tool()
    else:
        # ok: SC202
        os.system("man maint-tools")


if __name__ == "__main__":
    main()
