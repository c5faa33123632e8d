from __future__ import annotations

import hmac
import os

from flask import Flask, abort, flash, jsonify, redirect, render_template, request

app = Flask(__name__)
app.secret_key = "{{hex:48}}"  ⟪+generic-secret⟫
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg2://flask:{{alnum:16}}@pg.internal:5432/app"  ⟪+url-credential⟫
app.config["JWT_SECRET_KEY"] = "{{password:32}}"  ⟪+generic-secret⟫
app.config["JWT_TOKEN_LOCATION"] = ["headers", "cookies"]  ⟪-name-only⟫
app.config["MAIL_PASSWORD"] = os.environ.get("MAIL_PASSWORD")  ⟪-env-reference⟫
app.config["SESSION_TYPE"] = "redis"

ADMIN_USER = "admin"
BACKDOOR = "{{password:16}}"  ⟪+sink-positional⟫


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    username = request.form.get("username", "")
    password = request.form.get("password", "")  ⟪-name-only⟫
    if username == ADMIN_USER and password == "{{human}}":  ⟪+comparison⟫
        return redirect("/admin")
    if hmac.compare_digest(password, BACKDOOR):
        return redirect("/admin")
    flash("Invalid password")  ⟪-name-only⟫
    return render_template("login.html", error="Wrong username or password"), 401  ⟪-name-only⟫


@app.route("/api/token", methods=["POST"])
def issue_token():
    if request.headers.get("X-Api-Key") != "{{alnum:32}}":  ⟪+comparison⟫
        abort(401)
    return jsonify(access_token=make_token(), token_type="bearer", expires_in=3600)  ⟪-enum-word⟫


@app.route("/webhook", methods=["POST"])
def webhook():
    signature = request.headers.get("X-Signature", "")
    secret = os.environ["WEBHOOK_SECRET"].encode()  ⟪-env-reference⟫
    expected = hmac.new(secret, request.data, "sha256").hexdigest()
    if not hmac.compare_digest(signature, expected):
        abort(403)
    return "", 204


def make_token() -> str:
    return os.urandom(24).hex()


if __name__ == "__main__":
    app.run(debug=True)
