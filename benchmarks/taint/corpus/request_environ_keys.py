"""A request object's WSGI environ, read under a constant key, is the client's text only in the
CGI variables of the request line and in the headers (`HTTP_*`), as a WSGI application's own
environ is: the other keys are the server's and its middleware's. Rucio's auth layer stores the
token's `issuer` and `vo` there, and `GET /accounts/whoami` redirects to the issuer.
"""

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/whoami")
def whoami():
    # ok: SC210
    return redirect(request.environ["issuer"], code=303)


@app.route("/vo")
def vo():
    # ok: SC210
    return redirect("/" + request.environ.get("vo", "def"))


@app.route("/query")
def query():
    # expect: SC210
    return redirect(request.environ["QUERY_STRING"])


@app.route("/header")
def header():
    # expect: SC210
    return redirect(request.environ.get("HTTP_X_NEXT", "/"))


@app.route("/any")
def any_key():
    # expect: SC210
    return redirect(request.environ[request.args["k"]])
