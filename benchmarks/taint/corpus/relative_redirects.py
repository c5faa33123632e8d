"""Redirects whose literal start is a relative reference (issue 10, holdout17's wikmd and
Wagtail): a browser resolves "edit/<page>" or "snippets_<app>:edit" against the page it is on,
so whatever the attacker appends, the redirect stays on this site.

A start of scheme characters only ("http", "java") lets the attacker finish a scheme, "/" alone
lets "/" + "/evil" make the host "//evil", and a leading space is trimmed by the browser: those
stay open redirects. A relative start does not confine a fetch: urllib3 reads a URL without a
scheme as "host/path", so "x_" + "@evil.example/" goes to evil.example.
"""

import urllib3
from django.shortcuts import redirect as django_redirect
from flask import Flask, redirect, request

app = Flask(__name__)
http = urllib3.PoolManager()


def login(page):
    if request.form.get("password") == "letmein":
        # ok: SC210
        return redirect("/" + page)
    return "login form"


def sign_in(page):
    if request.form.get("password") == "letmein":
        # expect: SC210
        return redirect("/" + page)
    return "login form"


@app.route("/edit/<path:page>")
def edit(page):
    if not request.cookies.get("session"):
        return login("edit/" + page)
    return "editor"


@app.route("/view/<path:page>")
def view(page):
    if not request.cookies.get("session"):
        return sign_in(page)
    return "page"


@app.route("/tab")
def tab():
    # ok: SC210
    return redirect("?tab=" + request.args["tab"])


@app.route("/anchor")
def anchor():
    # ok: SC210
    return redirect(f"section_{request.args['name']}")


@app.route("/scheme")
def finish_scheme():
    # expect: SC210
    return redirect("http" + request.args["rest"])


@app.route("/script")
def finish_script():
    # expect: SC210
    return redirect(f"java{request.args['rest']}")


@app.route("/trimmed")
def trimmed():
    # expect: SC210
    return redirect(" /" + request.args["to"])


@app.route("/fetch")
def fetch_relative():
    # expect: SC206
    return http.request("GET", "mirror_" + request.args["at"]).data


def redirect_to_edit(request, app_label, model_name, pk):
    # ok: SC210
    return django_redirect(f"snippets_{app_label}_{model_name}:edit", pk)


def redirect_to_target(request, target):
    # expect: SC210
    return django_redirect(f"{target}:edit")


def next_url_of(request):
    return request.GET.get("next", "/")


def keep_query(request):
    # khoj's shape: a relative piece ("&name=value") appended to a URL is not its start
    next_url = next_url_of(request)
    for name in request.GET:
        next_url += f"&{name}={request.GET[name]}"
    # expect: SC210
    return django_redirect(next_url)


def append_piece(request):
    # expect: SC210
    return django_redirect(request.GET["base"] + "edit_" + request.GET["page"])


def append_formatted(request):
    # expect: SC210
    return django_redirect("%s%s" % (request.GET["base"], "tab_" + request.GET["tab"]))


def piece_after_host(request):
    piece = f"user_{request.GET['name']}"
    # expect: SC210
    return django_redirect("https://" + piece)


def piece_first(request):
    piece = f"user_{request.GET['name']}"
    # ok: SC210
    return django_redirect(piece)


def piece_under_root(request):
    piece = "profile/" + request.GET["name"]
    # ok: SC210
    return django_redirect(f"/{piece}")


def go_secure(target):
    # expect: SC210 the caller's relative start is no start once "https://" is put before it
    return redirect("https://" + target)


@app.route("/profile")
def profile_link():
    return go_secure("profile_" + request.args["name"])
