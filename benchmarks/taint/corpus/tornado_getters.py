"""A base handler overriding Tornado's `get_argument` (holdout2's Flower shape).

The override escapes the value for HTML and calls `super().get_argument()`: what it returns is
still the request's argument, so a redirect to it is still the client's choice. (The getter is
read as Tornado's own, so the override's escaping is not credited to a reflection either.)
"""

import tornado.escape
import tornado.web


class BaseHandler(tornado.web.RequestHandler):
    def get_argument(self, name, default=None, strip=True):
        arg = super().get_argument(name, default, strip)
        return tornado.escape.xhtml_escape(arg) if arg else arg


class LoginHandler(BaseHandler):
    def get(self):
        # expect: SC210
        self.redirect(self.get_argument("next", "/"))
