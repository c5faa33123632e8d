"""Flask views without a CSRF defence that redirect to a posted field (issue 10: sqlite-web's
create-table form, whoogle's config form). A link cannot set a posted field, and a page of
another site that posts one could send the victim anywhere itself, so only a view that also
reads the key from its query string (a login page rendering `?next=` into its form) is aimed
elsewhere by a link. All are found (`expect`); `tests/test_taint_threats.py` checks which keep
the rule's severity and which are reported at info with the reason.
"""

from flask import Flask, redirect, render_template, request

app = Flask(__name__)


@app.route("/table", methods=["POST"])
def create_table():
    if not request.form.get("name"):
        # expect: SC210
        return redirect(request.form["redirect"])
    return "created"


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next"))
    # expect: SC210
    return redirect(request.form["next"])


@app.route("/jump", methods=["GET", "POST"])
def jump():
    # expect: SC210
    return redirect(request.values["to"])
