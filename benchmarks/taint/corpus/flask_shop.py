"""A small Flask shop: catalogue search, uploads, previews, admin tools."""

import os
import pickle
import sqlite3
import subprocess
import tarfile
import xml.etree.ElementTree as ET

import requests
import yaml
from flask import (
    Flask,
    Response,
    abort,
    jsonify,
    make_response,
    redirect,
    render_template,
    render_template_string,
    request,
    send_file,
    send_from_directory,
    url_for,
)
from lxml import etree
from markupsafe import Markup, escape
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_DIR = "/srv/shop/uploads"
ALLOWED_SORT = {"name", "price", "created"}
PARTNER_HOSTS = {"images.partner.example", "cdn.partner.example"}


def db():
    return sqlite3.connect("shop.db")


@app.route("/search")
def search():
    term = request.args.get("q", "")
    cur = db().cursor()
    # expect: SC201
    cur.execute(f"SELECT id, name FROM products WHERE name LIKE '%{term}%'")
    return jsonify(cur.fetchall())


@app.route("/search2")
def search_safe():
    term = request.args.get("q", "")
    cur = db().cursor()
    # ok: SC201
    cur.execute("SELECT id, name FROM products WHERE name LIKE ?", (f"%{term}%",))
    return jsonify(cur.fetchall())


@app.route("/sorted")
def sorted_products():
    column = request.args.get("sort", "name")
    if column not in ALLOWED_SORT:
        abort(400)
    cur = db().cursor()
    # ok: SC201
    cur.execute("SELECT id, name FROM products ORDER BY " + column)
    return jsonify(cur.fetchall())


@app.route("/by-category/<int:category_id>")
def by_category(category_id):
    cur = db().cursor()
    # ok: SC201
    cur.execute(f"SELECT id FROM products WHERE category_id = {category_id}")
    return jsonify(cur.fetchall())


@app.route("/product/<slug>")
def product(slug):
    cur = db().cursor()
    # expect: SC201
    cur.execute("SELECT * FROM products WHERE slug = '%s'" % slug)
    row = cur.fetchone()
    return render_template("product.html", product=row)


@app.route("/orders", methods=["POST"])
def create_order():
    payload = request.get_json()
    qty = int(payload["quantity"])
    note = payload.get("note", "")
    cur = db().cursor()
    # ok: SC201
    cur.execute("INSERT INTO orders (qty, note) VALUES (?, ?)", (qty, note))
    # expect: SC201
    cur.executescript("UPDATE stats SET last_note = '" + note + "';")
    return jsonify(ok=True)


@app.route("/admin/ping")
def ping():
    host = request.args["host"]
    # expect: SC202
    output = subprocess.check_output("ping -c 1 " + host, shell=True)
    return Response(output, mimetype="text/plain")


@app.route("/admin/ping2")
def ping_safe():
    host = request.args["host"]
    # ok: SC202
    output = subprocess.check_output(["ping", "-c", "1", host])
    return Response(output, mimetype="text/plain")


@app.route("/admin/disk")
def disk():
    mount = request.args.get("mount", "/")
    # expect: SC202
    stream = os.popen(f"df -h {mount}")
    return Response(stream.read(), mimetype="text/plain")


@app.route("/admin/uptime")
def uptime():
    # ok: SC202
    out = subprocess.run("uptime", shell=True, capture_output=True, text=True)
    return Response(out.stdout, mimetype="text/plain")


@app.route("/download")
def download():
    name = request.args["file"]
    # expect: SC205
    return send_file(os.path.join(UPLOAD_DIR, name))


@app.route("/download2")
def download_safe():
    name = request.args["file"]
    # ok: SC205
    return send_from_directory(UPLOAD_DIR, name)


@app.route("/download3")
def download_checked():
    name = request.args["file"]
    full = os.path.realpath(os.path.join(UPLOAD_DIR, name))
    if not full.startswith(UPLOAD_DIR + os.sep):
        abort(404)
    # ok: SC205
    return send_file(full)


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    # expect: SC205
    f.save(os.path.join(UPLOAD_DIR, f.filename))
    return jsonify(saved=True)


@app.route("/upload2", methods=["POST"])
def upload_safe():
    f = request.files["file"]
    # ok: SC205
    f.save(os.path.join(UPLOAD_DIR, secure_filename(f.filename)))
    return jsonify(saved=True)


@app.route("/notes/<path:name>")
def read_note(name):
    # expect: SC205
    with open(f"/srv/shop/notes/{name}") as fh:
        return Response(fh.read(), mimetype="text/plain")


@app.route("/theme")
def theme():
    name = os.path.basename(request.args.get("name", "default"))
    # ok: SC205
    with open(os.path.join("/srv/shop/themes", name + ".css")) as fh:
        return Response(fh.read(), mimetype="text/css")


@app.route("/import-bundle", methods=["POST"])
def import_bundle():
    archive = request.files["bundle"]
    with tarfile.open(fileobj=archive.stream) as tar:
        # expect: SC205
        tar.extractall(UPLOAD_DIR)
    return jsonify(ok=True)


@app.route("/import-bundle2", methods=["POST"])
def import_bundle_safe():
    archive = request.files["bundle"]
    with tarfile.open(fileobj=archive.stream) as tar:
        # ok: SC205
        tar.extractall(UPLOAD_DIR, filter="data")
    return jsonify(ok=True)


@app.route("/preview")
def preview():
    url = request.args["url"]
    # expect: SC206
    resp = requests.get(url, timeout=5)
    return Response(resp.content, mimetype=resp.headers.get("content-type"))


@app.route("/partner-image")
def partner_image():
    image_id = request.args["id"]
    # ok: SC206
    resp = requests.get(f"https://images.partner.example/v1/{image_id}", timeout=5)
    return Response(resp.content, mimetype="image/png")


@app.route("/proxy")
def proxy():
    from urllib.parse import urlparse

    target = request.args["target"]
    if urlparse(target).hostname not in PARTNER_HOSTS:
        abort(403)
    # ok: SC206
    resp = requests.get(target, timeout=5)
    return Response(resp.content)


@app.route("/webhook-test", methods=["POST"])
def webhook_test():
    hook = request.form["hook_url"]
    # expect: SC206
    requests.post(hook, json={"event": "test"}, timeout=5)
    return jsonify(sent=True)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # expect: SC207
    return f"<h1>Hello {name}!</h1>"


@app.route("/hello2")
def hello_safe():
    name = request.args.get("name", "guest")
    # ok: SC207
    return f"<h1>Hello {escape(name)}!</h1>"


@app.route("/hello3")
def hello_template():
    # ok: SC207
    return render_template("hello.html", name=request.args.get("name"))


@app.route("/banner")
def banner():
    text = request.args.get("text", "")
    # expect: SC207
    return make_response(Markup("<div class='banner'>" + text + "</div>"))


@app.route("/api/echo")
def echo():
    # ok: SC207
    return {"echo": request.args.get("text")}


@app.route("/greeting")
def greeting():
    tpl = request.args.get("tpl", "Hello")
    # expect: SC208
    return render_template_string(tpl + " {{ user }}", user="guest")


@app.route("/greeting2")
def greeting_safe():
    # ok: SC208
    return render_template_string("Hello {{ user }}", user=request.args.get("user"))


@app.route("/login/done")
def login_done():
    nxt = request.args.get("next", "/")
    # expect: SC210
    return redirect(nxt)


@app.route("/login/done2")
def login_done_safe():
    # ok: SC210
    return redirect(url_for("index"))


@app.route("/go/<section>")
def go(section):
    # ok: SC210
    return redirect("/sections/" + section)


@app.route("/cart/restore", methods=["POST"])
def restore_cart():
    blob = request.get_data()
    # expect: SC204, SC243
    cart = pickle.loads(blob)
    return jsonify(items=len(cart))


@app.route("/config/preview", methods=["POST"])
def config_preview():
    # expect: SC204, SC243
    cfg = yaml.load(request.data, Loader=yaml.Loader)
    return jsonify(keys=list(cfg))


@app.route("/config/preview2", methods=["POST"])
def config_preview_safe():
    # ok: SC204
    cfg = yaml.safe_load(request.data)
    return jsonify(keys=list(cfg))


@app.route("/feed", methods=["POST"])
def feed():
    # expect: SC209, SC241
    root = ET.fromstring(request.data)
    return jsonify(items=len(root))


@app.route("/feed2", methods=["POST"])
def feed_lxml():
    # expect: SC209, SC241
    doc = etree.fromstring(request.get_data())
    return jsonify(tag=doc.tag)


@app.route("/feed3", methods=["POST"])
def feed_hardened():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: SC209
    doc = etree.fromstring(request.get_data(), parser=parser)
    return jsonify(tag=doc.tag)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    # expect: SC203
    return jsonify(result=eval(expr))


@app.route("/calc2")
def calc_safe():
    import ast

    # ok: SC203
    return jsonify(result=ast.literal_eval(request.args.get("expr", "0")))
