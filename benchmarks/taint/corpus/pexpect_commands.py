"""pexpect runs a command without a shell: `spawn(command)` and `run(command)` split a command
line themselves, so text in it names the program or its arguments, and `spawn("/bin/sh",
["-c", text])` hands `text` to a shell (holdout26's Ajenti 2.1.31, CVE-2019-25066: the login's
user name formatted into `su -c ... - %s`). A list of arguments to another program is no shell.
"""

import sys

import pexpect
from flask import Flask, request
from pexpect.popen_spawn import PopenSpawn

app = Flask(__name__)


@app.route("/auth", methods=["POST"])
def auth():
    username = request.json["username"]
    # expect: SC202
    child = pexpect.spawn("/bin/sh", ["-c", '/bin/su -c "/bin/echo OK" - %s' % username])
    return str(child.expect(["Password:", "OK"]))


@app.route("/check", methods=["POST"])
def check():
    # ok: SC202
    pexpect.spawn("/bin/su", ["-c", "/bin/true", "-", request.form["user"]])
    return "ok"


def authenticate(username):
    # audit: SC202
    return pexpect.spawn("/bin/sh", ["-c", "su - %s" % username])


def ping():
    # expect: SC202
    return pexpect.run("ping -c 1 " + input())


def tail():
    # expect: SC202
    return PopenSpawn(sys.argv[1]).read()


def fixed():
    # ok: SC202
    return pexpect.run("uptime")
