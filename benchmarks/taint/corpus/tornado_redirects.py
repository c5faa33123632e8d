"""Tornado handlers redirecting after login: `self.redirect(url)` is an open-redirect sink."""

from urllib.parse import urlparse

import tornado.web

ALLOWED_NEXT = {"/", "/home", "/settings"}


class LoginHandler(tornado.web.RequestHandler):
    def get(self):
        # expect: SC210
        self.redirect(self.get_query_argument("next"))

    def post(self):
        target = self.get_argument("next", "/")
        # expect: SC210
        self.redirect(target)


class LogoutHandler(tornado.web.RequestHandler):
    def get(self):
        target = self.get_argument("next", "/")
        if target not in ALLOWED_NEXT:
            target = "/"
        # ok: SC210
        self.redirect(target)


class TabHandler(tornado.web.RequestHandler):
    def get(self):
        # ok: SC210
        self.redirect("/home/" + self.get_argument("tab"))


class ReturnHandler(tornado.web.RequestHandler):
    def get(self):
        target = self.get_argument("return_to", "/")
        # An empty netloc is no proof: browsers take "/\evil.example" and "https:evil.example"
        # (both without a netloc for urlparse) to another host.
        if urlparse(target).netloc:
            raise tornado.web.HTTPError(400)
        # expect: SC210
        self.redirect(target)

    def post(self):
        # expect: SC210
        self.redirect(url=self.get_body_argument("return_to"), permanent=False)
