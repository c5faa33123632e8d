"""Hard negatives from the held-out pass (issue 10), each with a positive beside it that must
still fire.

- `ViewType.from_string(name)` on a class is the alternate-constructor idiom (a classmethod
  that parses a name), not Jinja's `Environment.from_string`, which runs on an instance
  (`env`, `JINJA_ENV`, `Environment()`, a name bound to `jinja2.Environment()`);
- a name bound to text that starts with a fixed local path (`"/app/popup/{}".format(kind)`)
  keeps whatever is appended to it on this site; a "/" alone, a "/{}" or "/%s" template (the
  field may start with "/"), a name rebound to request text, or bound to a fixed path on one
  branch only, does not;
- a store under a constant key (`session["username"] = form value`) taints that key only:
  `session.get("next")` does not see it; a store under a computed key, the whole mapping
  (iteration, `.values()`, passing it on) and the same key still do. (What another view stored
  under the key a view reads is read back too: `session_stores.py`.)
"""

import enum

import click
import jinja2
from flask import Flask, redirect, request, session
from jinja2 import Environment

app = Flask(__name__)
JINJA_ENV = jinja2.Environment(autoescape=True)
Templates = Environment(autoescape=True)


class ViewType(enum.Enum):
    ACTIVE = 1
    DELETED = 2
    ALL = 3

    @classmethod
    def from_string(cls, view_str):
        return cls[view_str.upper()]


@click.command()
@click.option("--view", default="active")
def list_experiments(view):
    # ok: SC208
    view_type = ViewType.from_string(view)
    click.echo(view_type.name)


@app.route("/runs")
def search_runs():
    # ok: SC208
    view_type = ViewType.from_string(request.args.get("view", "active"))
    return {"view": view_type.name}


@app.route("/preview")
def preview_template():
    # expect: SC208
    return JINJA_ENV.from_string(request.args["body"]).render()


@app.route("/preview-local")
def preview_local():
    env = Environment(autoescape=True)
    # expect: SC208
    return env.from_string(request.form["body"]).render()


@app.route("/preview-inline")
def preview_inline():
    # expect: SC208
    return jinja2.Environment().from_string(request.form["body"]).render()


@app.route("/preview-capwords")
def preview_capwords():
    # expect: SC208
    return Templates.from_string(request.form["body"]).render()


@app.route("/iframe/popup/<popup_type>")
@app.route("/iframe/popup/<popup_type>/<data_id>")
def iframe_popup(popup_type, data_id=None):
    route = "/app/popup/{}".format(popup_type)
    if data_id:
        # ok: SC210
        return redirect("{}/{}".format(route, data_id))
    # ok: SC210
    return redirect(route)


@app.route("/section/<name>")
def section(name):
    base = f"/app/section/{name}"
    # ok: SC210
    return redirect(base + "?tab=" + request.args["tab"])


@app.route("/slash-then-value")
def slash_then_value():
    route = "/"
    # expect: SC210
    return redirect("{}{}".format(route, request.args["to"]))


@app.route("/slash-field")
def slash_field():
    route = "/{}".format(request.args["section"])
    # expect: SC210
    return redirect(route + request.args["to"])


@app.route("/slash-percent")
def slash_percent():
    route = "/%s" % request.args["section"]
    # expect: SC210
    return redirect(f"{route}{request.args['to']}")


@app.route("/rebound")
def rebound():
    route = "/app/home"
    route = request.args["to"]
    # expect: SC210
    return redirect(f"{route}/done")


@app.route("/one-branch")
def one_branch():
    route = request.args["to"]
    if request.args.get("local"):
        route = "/app/home"
    # expect: SC210
    return redirect("{}/{}".format(route, "done"))


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        session["logged_in"] = True
        session["username"] = request.form["username"]
        # ok: SC210
        return redirect(session.get("next") or "/")
    return "login form"


@app.route("/login-next", methods=["POST"])
def login_next():
    session["after"] = request.form["next"]
    # expect: SC210
    return redirect(session.get("after") or "/")


@app.route("/login-subscript", methods=["POST"])
def login_subscript():
    session["after"] = request.form["next"]
    session["username"] = "guest"
    # expect: SC210
    return redirect(session["after"])


@app.route("/computed-key", methods=["POST"])
def computed_key():
    state = {"next": "/"}
    state[request.form["field"]] = request.form["value"]
    # expect: SC210
    return redirect(state["next"])


@app.route("/whole-mapping", methods=["POST"])
def whole_mapping():
    state = {}
    state["target"] = request.form["to"]
    for target in state.values():
        # expect: SC210
        return redirect(target)
    return "nothing"


@app.route("/rebound-mapping", methods=["POST"])
def rebound_mapping():
    state = {}
    state["target"] = request.form["to"]
    state = {"target": "/home"}
    # ok: SC210
    return redirect(state["target"])
