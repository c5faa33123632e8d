"""A Flask e-book library's delete views in calibre-web's shape (editbooks.py): one helper answers
both the HTML form (flash and redirect) and the AJAX table (a JSON string, which Flask serves as
text/html), chosen by a `json_response` flag each view passes as a constant.

The helper's summary joins both branches; a call that passes `False` only runs the redirect
branch, so the format it echoes in JSON never reaches that view's response. The view passing
`True`, one passing a request-dependent flag, and a helper that rebinds or combines its flag
keep the joined answer and are reported.
"""

import json

from flask import Flask, flash, redirect, request, url_for

app = Flask(__name__)


def render_delete_result(book_format, json_response, book_id):
    if json_response:
        return json.dumps([{"location": url_for("show_book", book_id=book_id),
                            "format": book_format, "message": "Book Format Successfully Deleted"}])
    flash("Book Format Successfully Deleted", category="success")
    return redirect(url_for("show_book", book_id=book_id))


def delete_book_from_table(book_id, book_format, json_response):
    if not book_format:
        if json_response:
            return json.dumps({"format": book_format, "type": "danger"})
        flash("Nothing to delete", category="error")
        return redirect(url_for("index"))
    return render_delete_result(book_format, json_response, book_id)


@app.route("/delete/<int:book_id>/<string:book_format>", methods=["POST"])
def delete_book_ajax(book_id, book_format):
    # ok: SC207
    return delete_book_from_table(book_id, book_format, False)


@app.route("/ajax/delete/<int:book_id>/<string:book_format>", methods=["POST"])
def delete_book_json(book_id, book_format):
    # expect: SC207
    return delete_book_from_table(book_id, book_format, True)


@app.route("/delete-any/<int:book_id>/<string:book_format>", methods=["POST"])
def delete_book_negotiated(book_id, book_format):
    wants_json = request.args.get("format") == "json"
    # expect: SC207
    return delete_book_from_table(book_id, book_format, wants_json)


def delete_format_rebinding(book_format, json_response):
    json_response = json_response or request.is_json
    if json_response:
        return json.dumps({"format": book_format})
    return redirect(url_for("index"))


@app.route("/delete-format/<string:book_format>", methods=["POST"])
def delete_format(book_format):
    # expect: SC207
    return delete_format_rebinding(book_format, False)


def delete_format_combined(book_format, json_response):
    if json_response or book_format.endswith(".json"):
        return json.dumps({"format": book_format})
    return redirect(url_for("index"))


@app.route("/delete-combined/<string:book_format>", methods=["POST"])
def delete_combined(book_format):
    # expect: SC207
    return delete_format_combined(book_format, False)
