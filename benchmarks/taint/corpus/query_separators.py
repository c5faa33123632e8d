"""Text joined after a separator that starts a query string stays in the query.

Redirect handlers that keep the request's parameters join the target and the query string:
`"?".join([url, request.query])`, or, when the target may have a query already, the idiom
`sep = "&" if "?" in url else "?"` then `sep.join([url, query])` or `url + sep + query`.
Whatever the client writes there lands after `?` (or after `&` inside a query the target
already has): parameters, never the scheme, host or path (the barrier `query.py` applies to
`url + "?" + value`). A bare `&` after a URL is no such barrier (`https://site.example` +
`&@evil.example` names another host), nor is a separator chosen the wrong way round, a test of
another value, or a first element the client chose.
"""

from flask import Flask, redirect, request
from tornado import web

app = Flask(__name__)
LANDING = app.config["LANDING_URL"]


class RedirectWithParams(web.RequestHandler):
    def initialize(self, url, permanent=True):
        self._url = url
        self._permanent = permanent

    def get(self):
        sep = "&" if "?" in self._url else "?"
        url = sep.join([self._url, self.request.query])
        # ok: the request's own parameters, after the configured target's query
        self.redirect(url, permanent=self._permanent)


class QueryJoin(web.RequestHandler):
    def initialize(self, url):
        self._url = url

    def get(self):
        # ok: after "?"
        self.redirect("?".join([self._url, self.request.query]))


class NotInIdiom(web.RequestHandler):
    def initialize(self, url):
        self._url = url

    def get(self):
        sep = "?" if "?" not in self._url else "&"
        # ok: the same idiom, the test the other way round
        self.redirect(self._url + sep + self.request.query)


@app.route("/keep-params")
def keep_params():
    # ok: the inline idiom in a concatenation
    return redirect(LANDING + ("&" if "?" in LANDING else "?") + request.query_string.decode())


@app.route("/fragment")
def fragment():
    # ok: after "#"
    return redirect("#".join([LANDING, request.args["section"]]))


@app.route("/ampersand")
def ampersand():
    # expect: SC210
    return redirect("&".join([LANDING, request.args["extra"]]))


@app.route("/ampersand-concat")
def ampersand_concat():
    # expect: SC210
    return redirect(LANDING + "&" + request.args["extra"])


@app.route("/wrong-way-round")
def wrong_way_round():
    sep = "?" if "?" in LANDING else "&"
    # expect: SC210
    return redirect(sep.join([LANDING, request.args["extra"]]))


@app.route("/tests-another-value")
def tests_another_value():
    other = request.args.get("other", "")
    sep = "&" if "?" in other else "?"
    # expect: SC210
    return redirect(LANDING + sep + request.args["extra"])


@app.route("/client-first")
def client_first():
    # expect: SC210
    return redirect("?".join([request.args["next"], "from=login"]))


@app.route("/separator-rebound")
def separator_rebound():
    sep = "&" if "?" in LANDING else "?"
    sep = "/"
    # expect: SC210
    return redirect(sep.join([LANDING, request.args["extra"]]))
