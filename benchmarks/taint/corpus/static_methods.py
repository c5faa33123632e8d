"""A static method called through `self` (holdout2's SickChill `__torrent_test` shape).

`self._run(a, b)` passes a as parameter 1 of an ordinary method (parameter 0 is `self`), but
as parameter 0 of a static method, which has no `self`. The `expect` line keeps it honest: the
request's value in the parameter that reaches the shell.
"""

import subprocess

from flask import Flask, request

app = Flask(__name__)


class Tester:
    @staticmethod
    def _run(host, method):
        # ok: SC202
        subprocess.run(method, shell=True)

    @staticmethod
    def _ping(host, count):
        # expect: SC202
        subprocess.run("ping -c 1 " + host, shell=True)

    def test(self):
        return self._run(request.form["host"], "ls")

    def ping(self):
        return self._ping(request.form["host"], 1)


@app.route("/t", methods=["POST"])
def t():
    return Tester().test()


@app.route("/p", methods=["POST"])
def p():
    return Tester().ping()
