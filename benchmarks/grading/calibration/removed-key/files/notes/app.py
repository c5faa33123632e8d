from flask import Flask, abort, jsonify, request

from notes import storage
from notes.translate import translate_text

app = Flask(__name__)


@app.route("/users/<user>/notes", methods=["GET", "POST"])
def notes(user):
    if request.method == "POST":
        data = request.get_json() or {}
        if "text" not in data:
            abort(400)
        return jsonify(id=storage.add(user, data["text"])), 201
    return jsonify(storage.all_for(user))


@app.route("/users/<user>/notes/<int:note_id>/translate")
def translate(user, note_id):
    note = storage.get(user, note_id)
    if note is None:
        abort(404)
    return jsonify(text=translate_text(note, request.args.get("lang", "en")))
