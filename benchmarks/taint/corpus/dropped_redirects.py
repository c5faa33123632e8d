"""A redirect response built and dropped redirects nowhere.

Pyramid's `HTTPFound(location=...)`, Flask's `redirect()` and Django's `HttpResponseRedirect`
make an object that acts once returned or raised; as a statement of its own (stalker_pyramid's
`HTTPFound(location=came_from)` in an `except` that then goes on) no response carries it. Bottle's
`redirect()` raises by itself, and a handler's `self.redirect()` sends the response.
"""

import bottle
from flask import Flask, redirect, request
from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config

app = Flask(__name__)


@view_config(route_name="save")
def save(request):
    came_from = request.params.get("came_from", "/")
    try:
        request.dbsession.flush()
    except Exception:
        # ok: SC210
        HTTPFound(location=came_from)
    # ok: SC210
    return {"saved": True}


@view_config(route_name="raised")
def raised(request):
    came_from = request.params.get("came_from", "/")
    # expect: SC210
    raise HTTPFound(location=came_from)


@view_config(route_name="returned")
def returned(request):
    came_from = request.params.get("came_from", "/")
    # expect: SC210
    response = HTTPFound(location=came_from)
    return response


@app.route("/dropped")
def dropped():
    # ok: SC210
    redirect(request.args["next"])
    return "done"


@app.route("/kept")
def kept():
    # expect: SC210
    return redirect(request.args["next"])


@bottle.route("/bottle")
def bottle_redirect():
    # expect: SC210
    bottle.redirect(bottle.request.query.get("next"))
