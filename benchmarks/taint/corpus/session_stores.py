"""One request keeps request data in the user's session, a later one reads it back (holdout20's
conda-store, holdout11's ephios OIDC login, holdout14's MediaGoblin OpenID login, holdout13's
Anitya): `?next=` kept before the identity provider's round trip, then redirected to. The read
is the sender's text again, with the checks it passed before it was stored. A posted field kept
there is still the requester's own post: found, at info (`tests/test_taint_threats.py`).
"""

import flask
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, request

app = Flask(__name__)


def oidc_login(request):
    request.session["oidc_login_next"] = request.GET.get("next", None)
    return render(request, "redirecting.html")


def oidc_callback(request):
    # expect: SC210
    return HttpResponseRedirect(request.session.get("oidc_login_next") or "/")


def openid_login(request):
    back = request.GET.get("back", "/")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    request.session["back"] = back
    return render(request, "login.html")


def openid_finish(request):
    # ok: SC210
    return redirect(request.session.pop("back", "/"))


def theme(request):
    # ok: SC210
    return redirect(request.session.get("theme", "/"))


@app.route("/login")
def login():
    next_url = request.args.get("next", "/")
    if not next_url.startswith("/"):  # "//evil.example" passes
        next_url = "/"
    flask.session["next_url"] = next_url
    return "login"


@app.route("/")
def index():
    if flask.session.get("next_url", ""):
        next_url = flask.session.get("next_url")
        del flask.session["next_url"]
        # expect: SC210
        return flask.redirect(next_url)
    return "home"


@app.route("/settings", methods=["POST"])
def settings():
    flask.session["return_to"] = request.form["return_to"]
    return "saved"


@app.route("/done")
def done():
    # expect: SC210
    return flask.redirect(flask.session["return_to"])
