import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config.from_object("notes.config.Config")
    app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
    db.init_app(app)
    from notes.views import bp

    app.register_blueprint(bp)
    return app
