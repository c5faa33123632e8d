"""A Flask view that returns a dict or a list answers with JSON, also when the value is first
held in a name (scout's views, holdout48): `data = {...}; return data` is no HTML response.
A name that some binding in the view makes text is still one."""

from flask import Flask, request

app = Flask(__name__)


@app.route("/search")
def search():
    data = {"term": request.args["q"]}
    data["count"] = 0
    # ok: SC207
    return data


@app.route("/terms")
def terms():
    found = [request.args["q"]]
    found += [request.args.get("also", "")]
    # ok: SC207
    return found


@app.route("/echo")
def echo():
    answer = dict(term=request.args["q"])
    # ok: SC207
    return answer


@app.route("/either")
def either():
    if request.args.get("format") == "json":
        body = {"term": request.args["q"]}
    else:
        body = "<p>" + request.args["q"] + "</p>"
    # expect: SC207
    return body


@app.route("/looped")
def looped():
    out = {}
    for out in request.args.getlist("q"):
        pass
    # expect: SC207
    return out
