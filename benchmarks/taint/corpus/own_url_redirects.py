"""Redirects to the current request's own URL, and to parts of it the sender wrote.

`request.url` (Flask, Starlette), like `request.full_path` and `request.path`, starts with this
site: its host is the one the victim's own browser sent (a forged Host header reaches only the
forger), so a redirect to it, or to it with a word replaced, stays here. A part cut from it
(`split`, `partition`, a slice, `urlparse(...).query`, `parse_qs`) may be only the text after
`?next=`, which the sender wrote: `request.full_path.split("next=")[1]` and `request.url.query`
are open redirects. The first piece (`request.url.split("?")[0]`, Kotti's "this page, another
query") begins where the URL does.
"""

from urllib.parse import parse_qs, urlparse

from flask import Flask, redirect, request
from starlette.requests import Request
from starlette.responses import RedirectResponse

app = Flask(__name__)


@app.route("/logout")
def logout():
    # ok: SC210 this site's own URL with one path word replaced, the query kept
    return redirect(request.url.replace("/logout", "/"))


async def starlette_logout(request: Request) -> RedirectResponse:
    logout_url = str(request.url).replace("/logout", "/")
    # ok: SC210 the same in Starlette, through str()
    return RedirectResponse(url=logout_url)


@app.route("/slash")
def add_slash():
    # ok: SC210 the URL without its last character
    return redirect(request.url[:-1] if request.url.endswith("/") else request.url + "/")


@app.route("/after")
def after_next():
    # expect: SC210
    return redirect(request.full_path.split("next=")[1])


@app.route("/requery")
def same_page_other_query():
    # ok: SC210 the first piece starts where the URL does: this page, another query
    return redirect(request.url.split("?")[0] + "?saved=1")


@app.route("/unfragmented")
def without_fragment():
    # ok: SC210 the same, cut at the last "#"
    return redirect(request.url.rpartition("#")[0])


@app.route("/second")
def second_piece():
    # expect: SC210
    return redirect(request.url.split("?")[1])


@app.route("/partition")
def partition_next():
    # expect: SC210
    return redirect(request.url.partition("?next=")[2])


@app.route("/parsed")
def parsed_next():
    # expect: SC210
    return redirect(parse_qs(urlparse(request.url).query)["next"][0])


@app.route("/go/<path:rest>")
def strip_prefix(rest):
    # expect: SC210
    return redirect(request.path[len("/go/") :])


async def starlette_query(request: Request) -> RedirectResponse:
    # expect: SC210
    return RedirectResponse(request.url.query)


async def starlette_path(request: Request) -> RedirectResponse:
    # ok: SC210 the path of this request, under the route that reached this view
    return RedirectResponse(request.url.path + "/")


@app.route("/full")
def full_path_only():
    # ok: SC210 the request's own path and query
    return redirect(request.full_path)
