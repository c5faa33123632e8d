"""A prefix check guards a URL only when the prefix fixes where the URL leads.

`next_url.startswith("/account/")` keeps a redirect on this site and
`target.startswith("https://api.example.com/")` keeps a fetch on that host. A prefix that
names only a scheme ("http", "https://"), the bare "/" ("//evil.example" starts with it) or a
host without its closing slash ("https://example.com.evil.example" starts with
"https://example.com") lets an attacker's URL through, and the finding stays.
"""

import requests
from flask import Flask, redirect, request

app = Flask(__name__)
API_BASE = "https://api.example.com/"


@app.route("/after-login")
def after_login():
    next_url = request.args.get("next", "/")
    if next_url.startswith("/account/"):
        # ok: SC210
        return redirect(next_url)
    return redirect("/")


@app.route("/after-logout")
def after_logout():
    next_url = request.args.get("next", "/")
    if not next_url.startswith(API_BASE):
        return redirect("/")
    # ok: SC210
    return redirect(next_url)


@app.route("/fetch-api")
def fetch_api():
    target = request.args["target"]
    if target.startswith(("https://api.example.com/", "https://cdn.example.com/")):
        # ok: SC206
        return requests.get(target, timeout=5).text
    return "refused", 400


@app.route("/go")
def go_anywhere_http():
    target = request.args["to"]
    if target.startswith("http"):
        # expect: SC210
        return redirect(target)
    return redirect("/")


@app.route("/go-local")
def go_slash():
    target = request.args["to"]
    if not target.startswith("/"):
        return redirect("/")
    # expect: SC210
    return redirect(target)


@app.route("/fetch-host")
def fetch_unclosed_host():
    target = request.args["target"]
    if target.startswith("https://api.example.com"):
        # expect: SC206
        return requests.get(target, timeout=5).text
    return "refused", 400


@app.route("/fetch-some")
def fetch_mixed_prefixes():
    target = request.args["target"]
    if target.startswith(("https://api.example.com/", "https://")):
        # expect: SC206
        return requests.get(target, timeout=5).text
    return "refused", 400
