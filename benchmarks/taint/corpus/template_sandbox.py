"""A change-monitoring service (changedetection.io's shape) that lets users write notification
templates: Jinja2 templates built from request text.

Jinja's sandbox exists to render untrusted templates: `SandboxedEnvironment` (and the immutable
one) refuses the attribute walks an SSTI payload needs, so a template built from request text
there is no injection. An ordinary `Environment`, `jinja2.Template` or Flask's
`render_template_string` runs it with full access.
"""

import jinja2
from flask import Flask, render_template_string, request
from jinja2 import BaseLoader, Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

app = Flask(__name__)
SANDBOX = SandboxedEnvironment()


@app.route("/preview", methods=["POST"])
def preview():
    body = request.form.get("notification_body", "")
    env = Environment(loader=BaseLoader())
    # expect: SC208
    text = env.from_string(body).render(watch_url="https://example.com")
    return {"preview": text}


@app.route("/preview-sandboxed", methods=["POST"])
def preview_sandboxed():
    body = request.form.get("notification_body", "")
    env = SandboxedEnvironment()
    # ok: SC208
    text = env.from_string(body).render(watch_url="https://example.com")
    return {"preview": text}


@app.route("/title-sandboxed", methods=["POST"])
def title_sandboxed():
    title = request.form.get("notification_title", "")
    # ok: SC208
    text = ImmutableSandboxedEnvironment().from_string(title).render(watch_title="x")
    return {"title": text}


@app.route("/title-sandboxed-qualified", methods=["POST"])
def title_sandboxed_qualified():
    title = request.form.get("notification_title", "")
    # ok: SC208
    text = jinja2.sandbox.SandboxedEnvironment().from_string(title).render(watch_title="x")
    return {"title": text}


@app.route("/url", methods=["POST"])
def url_preview():
    url = request.form.get("url", "")
    # expect: SC208
    ready = str(jinja2.Template(url).render())
    return {"url": ready}


@app.route("/inline", methods=["POST"])
def inline():
    body = request.form.get("body", "")
    # expect: SC208
    return {"html": Environment().from_string("<p>" + body + "</p>").render()}


@app.route("/page", methods=["POST"])
def page():
    name = request.form.get("name", "")
    # expect: SC208
    return render_template_string("<h1>" + name + "</h1>")
