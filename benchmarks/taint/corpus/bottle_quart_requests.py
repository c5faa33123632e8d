"""Module-level request objects besides Flask's: Bottle's `bottle.request` (`query`, `forms`,
`params`, attribute access on its FormsDict) and Quart's `quart.request` (Flask's API, awaited),
and Bottle's template functions, which render their first argument as template source when it
holds "{", "%", "$" or a line break (holdout21's Alignak web UI: `/ping?template=`).
"""

import os
import subprocess

import bottle
from bottle import SimpleTemplate, redirect, request, route, template
from quart import Quart
from quart import request as qrequest

app = Quart(__name__)


@route("/ping")
def ping():
    page_template = request.query.get("template", None)
    if page_template:
        # expect: SC208
        return template(page_template)
    # ok: SC208
    return template("ping", message=request.query.get("message", ""))


@route("/preview", method="POST")
def preview():
    # expect: SC208
    return SimpleTemplate(source=request.forms.get("body")).render()


@route("/go")
def go():
    # expect: SC210
    redirect(request.query.next)


@route("/report")
def report():
    # expect: SC205
    return open(os.path.join("/srv/reports", request.params.get("name"))).read()


@route("/fixed")
def fixed():
    # ok: SC205
    return bottle.static_file(request.query.get("name"), root="/srv/reports")


@app.route("/slots")
async def slots():
    name = qrequest.args.get("name", "")
    # expect: SC205
    return open(os.path.join("/srv/slots", name)).read()


@app.route("/train", methods=["POST"])
async def train():
    form = await qrequest.form
    # expect: SC202
    subprocess.run("train " + form["profile"], shell=True)
    return "started"
