import requests
from flask import Blueprint, abort, current_app, g, jsonify, request

from app.store import Store

bp = Blueprint("notes", __name__)
MAX_NOTE = 10_000


def store() -> Store:
    if "store" not in g:
        g.store = Store(current_app.config["DATABASE"])
    return g.store


@bp.before_request
def authenticate():
    auth = request.authorization
    if auth is None or not store().check_user(auth.username, auth.password):
        abort(401)
    g.user = auth.username


@bp.post("/notes")
def create():
    body = (request.get_json(silent=True) or {}).get("body", "")
    if not isinstance(body, str) or not 0 < len(body) <= MAX_NOTE:
        abort(400)
    return jsonify(id=store().add_note(g.user, body)), 201


@bp.get("/notes")
def index():
    return jsonify([{"id": i, "body": b} for i, b in store().notes(g.user)])


@bp.post("/notes/<int:note_id>/translate")
def translate(note_id: int):
    notes = dict(store().notes(g.user))
    if note_id not in notes:
        abort(404)
    resp = requests.post(
        "https://translation.example.com/v1/translate",
        json={"text": notes[note_id], "to": request.args.get("to", "en")[:5]},
        headers={"X-Api-Key": current_app.config["TRANSLATE_API_KEY"]},
        timeout=10,
    )
    resp.raise_for_status()
    return jsonify(text=resp.json()["text"])
