from flask import Blueprint, abort, jsonify, request, session

from notes import db
from notes.models import Note

bp = Blueprint("notes", __name__)


@bp.post("/notes")
def add_note():
    user = session.get("user") or abort(401)
    note = Note(owner=user, body=request.json["body"])
    db.session.add(note)
    db.session.commit()
    return jsonify(id=note.id), 201


@bp.get("/notes")
def list_notes():
    user = session.get("user") or abort(401)
    notes = Note.query.filter_by(owner=user).all()
    return jsonify([{"id": n.id, "body": n.body} for n in notes])
