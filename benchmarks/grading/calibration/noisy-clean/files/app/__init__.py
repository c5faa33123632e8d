import os

from flask import Flask

from app.views import bp


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
    app.config["TRANSLATE_API_KEY"] = os.environ["TRANSLATE_API_KEY"]
    app.config["DATABASE"] = os.environ.get("NOTES_DB", "notes.sqlite3")
    app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
    app.register_blueprint(bp)
    return app
