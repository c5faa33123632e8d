"""Tornado handlers built on the project's own base class, imported from another module: no
`tornado` import here, yet `self.get_argument()` reads the request."""

import subprocess

from .base import BaseHandler, render


class LoginHandler(BaseHandler):
    def get(self, next_=None):
        next_ = self.get_query_argument("next", next_)
        if self.get_current_user():
            # expect: SC210
            self.redirect(next_ or "/home/")

    def post(self):
        # ok: SC210
        self.redirect("/home/" + self.get_body_argument("tab", "index"))


class ToolsHandler(BaseHandler):
    def get(self):
        host = self.get_argument("host")
        # expect: SC202
        out = subprocess.check_output("ping -c 1 " + host, shell=True)
        # ok: SC202
        listing = subprocess.check_output(["ping", "-c", "1", host])
        self.finish(render("tools.html", out=out, listing=listing))
