"""Entry points for local and container runs."""

import os
import socket

import uvicorn
from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def run_dev():
    # expect: SC223
    app.run(debug=True)


def run_env():
    # ok: SC223
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")


def enable_debug_toolbar():
    # expect: SC223
    app.config["DEBUG"] = True


def run_container():
    # expect: SC225
    app.run(host="0.0.0.0", port=8000)


def run_local():
    # ok: SC225
    app.run(host="127.0.0.1", port=8000)


def run_configured():
    # ok: SC225
    uvicorn.run("svc:app", host=os.environ.get("HOST", "0.0.0.0"), port=8080)


def serve_metrics():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # expect: SC225
    sock.bind(("0.0.0.0", 9100))
    sock.listen()
    return sock


def asgi():
    # expect: SC225
    uvicorn.run("svc:app", host="0.0.0.0", port=8080)
