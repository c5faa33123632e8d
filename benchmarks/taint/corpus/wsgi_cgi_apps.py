"""A tracker and a calendar server written as bare WSGI applications (roundup's and Radicale's
shape: no framework, the server calls `app(environ, start_response)`), and a CGI script.

The environ of a WSGI application (PEP 3333) is the request: its path, query and headers
(`PATH_INFO`, `QUERY_STRING`, `HTTP_*`) and body (`wsgi.input`) are the client's; the server's
own values (`SERVER_NAME`, `SCRIPT_NAME`, `REMOTE_ADDR`) are not. A request object built from
that environ (`webob.Request(environ)`) is the request too, and so is a CGI script's
`cgi.FieldStorage()`. A library's helper that takes an environ from its caller
(`get_host(environ)`), and the operator's own `os.environ`, are not entry points.
"""

import cgi
import os
import pickle
import sqlite3
import subprocess
from urllib.parse import parse_qs
from urllib.request import urlopen

from webob import Request
from werkzeug.test import create_environ
from werkzeug.utils import redirect

DB = sqlite3.connect("tracker.db")
STATIC = "/srv/tracker/html"


def application(environ, start_response):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    issue = query.get("issue", [""])[0]
    # expect: SC201
    rows = DB.execute("SELECT title FROM issue WHERE id = '%s'" % issue).fetchall()
    referer = environ["HTTP_REFERER"]
    # expect: SC202
    subprocess.run("logger csrf check failed for " + referer, shell=True)
    path = environ.get("PATH_INFO", "/").lstrip("/")
    # expect: SC205
    with open(os.path.join(STATIC, path), "rb") as f:
        body = f.read()
    server = environ["SERVER_NAME"]
    # ok: SC202
    subprocess.run("logger served by " + server, shell=True)
    script = environ.get("SCRIPT_NAME", "")
    # ok: SC205
    with open(os.path.join(STATIC, script, "index.html"), "rb") as f:
        body += f.read()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body, repr(rows).encode()]


class SessionApp:
    """Radicale's shape: the application is an object, called per request."""

    def __init__(self, store):
        self.store = store

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length)
        # expect: SC204, SC243
        state = pickle.loads(raw)
        remote = environ.get("REMOTE_ADDR", "")
        # ok: SC202
        subprocess.run(f"logger session from {remote}", shell=True)
        start_response("204 No Content", [])
        return [repr(state).encode()]


def webob_app(environ, start_response):
    req = Request(environ)
    feed = req.params.get("feed", "")
    # expect: SC206
    data = urlopen(feed).read()
    start_response("200 OK", [("Content-Type", "application/rss+xml")])
    return [data]


def login_done(environ, start_response):
    req = Request(environ)
    # expect: SC210
    response = redirect(req.args.get("next", "/"))
    return response(environ, start_response)


def get_host(environ):
    """A library helper: its caller decides where the environ comes from."""
    host = environ.get("HTTP_HOST", "localhost")
    # ok: SC206
    return urlopen("https://" + host + "/status").read()


def dispatch(environ, start_response, handlers):
    """Three parameters: not called by a WSGI server as an application."""
    name = environ.get("PATH_INFO", "/")
    # ok: SC205
    return open(os.path.join(STATIC, name)).read()


def self_test():
    environ = create_environ("/issue?id=1")
    req = Request(environ)
    # ok: SC201
    return DB.execute("SELECT * FROM issue WHERE id = " + req.args["id"]).fetchall()


def check_proxy(environ, start_response):
    proxy = os.environ.get("HTTP_PROXY", "")
    # ok: SC206
    urlopen(proxy + "/ping")
    start_response("200 OK", [])
    return []


def cgi_main():
    form = cgi.FieldStorage()
    host = form.getfirst("host", "")
    # expect: SC202
    subprocess.run("ping -c 1 " + host, shell=True)
    title = form["title"].value
    # expect: SC201
    DB.execute("UPDATE issue SET title = '" + title + "' WHERE id = 1")
