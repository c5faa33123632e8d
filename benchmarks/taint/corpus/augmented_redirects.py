"""Text appended with `+=` to a URL whose start is fixed stays behind that start, as `url = url +
...` does: `redirect_url = "/project/figure"`, then `redirect_url += "/" + session` (tvb's
figure controller) is a path on this site. A start of "/" alone, or a host with no "/" after
it, pins nothing: "/" + "/evil.example" is another host, and so is
"https://example.com" + ".evil.example".
"""

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/a")
def local_path():
    url = "/project/figures"
    url += "/" + request.args["s"]
    # ok: SC210
    return redirect(url)


@app.route("/b")
def local_path_in_a_branch():
    url = "/project/figures"
    if request.args.get("s"):
        url += "/" + request.args["s"]
    # ok: SC210
    return redirect(url)


@app.route("/c")
def root_alone():
    url = "/"
    url += request.args["next"]
    # expect: SC210
    return redirect(url)


@app.route("/d")
def host_without_slash():
    url = "https://example.com"
    url += request.args["next"]
    # expect: SC210
    return redirect(url)


@app.route("/e")
def rebound_first():
    url = "/project/figures"
    url = request.args["base"]
    url += "/" + request.args["s"]
    # expect: SC210
    return redirect(url)
