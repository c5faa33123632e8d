"""A Flask app under Flask-WTF's CSRFProtect: which view returns are HTML, and which reflections
a third party can trigger.

Flask sends a returned dict or list as JSON, a `(body, status, headers)` tuple as its body, and
a str as text/html. A query string reaches a victim through a link; a form body only through a
cross-site post, which the CSRF check refuses: such a reflection is reported at info severity
(still labelled here: it is found), and `tests/test_taint_threats.py` checks the severity.
"""

import json

from flask import Flask, request
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)


def _summary(term):
    if not term:
        return {"term": None, "hits": []}
    return {"term": term, "hits": [term.lower()]}


def _listing(term):
    return [term, term.upper()]


def _preview(term, raw):
    if raw:
        return f"<pre>{term}</pre>"
    return {"term": term}


@app.route("/search/summary")
def search_summary():
    term = request.args.get("q", "")
    # ok: SC207
    return _summary(term)


@app.route("/search/listing")
def search_listing():
    # ok: SC207
    return _listing(request.args["q"])


@app.route("/search/preview")
def search_preview():
    term = request.args.get("q", "")
    # expect: SC207
    return _preview(term, request.args.get("raw") == "1")


@app.route("/search/bad-request")
def search_bad_request():
    term = request.args.get("q", "")
    # expect: SC207
    return f"<p>No results for {term}</p>", 400


@app.route("/search/as-json")
def search_as_json():
    term = request.args.get("q", "")
    # ok: SC207
    return json.dumps({"term": term}), 200, {"Content-Type": "application/json"}


@app.route("/search/as-html")
def search_as_html():
    term = request.args.get("q", "")
    # expect: SC207
    return f"<h1>{term}</h1>", 200, {"Content-Type": "text/html; charset=utf-8"}


@app.route("/search/created", methods=["POST"])
def search_created():
    # ok: SC207
    return {"saved": request.args["q"]}, 201


@app.route("/notes/check", methods=["POST"])
def notes_check():
    title = request.form["title"].strip()
    if len(title) > 80:
        # expect: SC207
        return f"Error - {title} is too long"
    return "ok"


@app.route("/notes/check-json", methods=["POST"])
def notes_check_json():
    body = request.get_json()
    # expect: SC207
    return "Unknown field: " + body["field"]


@app.route("/hooks/echo", methods=["POST"])
@csrf.exempt
def hooks_echo():
    # expect: SC207
    return "<p>" + request.form["payload"] + "</p>"


@app.route("/notes/lookup")
def notes_lookup():
    # expect: SC207
    return "<p>" + request.args["title"] + "</p>"


@app.route("/queues/<queue_name>.json")
def queue_json(queue_name):
    # Flask sends a dict as JSON however it was made (rq-dashboard's views).
    # ok: SC207
    return dict(name=queue_name, jobs=[])


@app.route("/names/<name>")
def names_json(name):
    # ok: SC207
    return list([name])
