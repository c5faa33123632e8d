"""The CSRF part of the threat model through the real CLI: a request body reflected by a view
that a CSRF check guards is self-XSS, reported at info severity with the reason; the same
reflection without the check, from an exempt view, or from a query string keeps its severity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from secretcheck.cli import main

CORPUS_FILE = (
    Path(__file__).resolve().parent.parent
    / "benchmarks"
    / "taint"
    / "corpus"
    / "flask_response_kinds.py"
)
DJANGO_VIEWS = """\
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


def preview(request):
    body = request.POST["body"]
    return HttpResponse("<div>" + body + "</div>")


@csrf_exempt
def webhook(request):
    return HttpResponse("<div>" + request.POST["event"] + "</div>")


def search(request):
    return HttpResponse("<div>" + request.GET["q"] + "</div>")
"""
FLASK_WITHOUT_CSRF = """\
from flask import Flask, request

app = Flask(__name__)


@app.route("/notes/check", methods=["POST"])
def notes_check():
    return "Error - " + request.form["title"]
"""


def _scan(path: Path, rule: str, *extra: str) -> tuple[int, dict[int, dict[str, Any]]]:
    """The CLI's exit code on `path`, and its findings of `rule` by line."""
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", *extra,
                                       str(path)])  # fmt: skip
    found = json.loads(result.output)["findings"]
    return result.exit_code, {int(f["line"]): f for f in found if f["rule_id"] == rule}


def _xss(path: Path, *extra: str) -> tuple[int, dict[int, dict[str, Any]]]:
    return _scan(path, "SC207", *extra)


def _self_xss(finding: dict[str, object]) -> bool:
    signals = finding["signals"]
    assert isinstance(signals, list)
    return finding["severity"] == "info" and any("CSRF-protected" in s for s in signals)


def test_flask_form_reflection_behind_csrfprotect_is_info_with_the_reason() -> None:
    _, found = _xss(CORPUS_FILE)
    assert {line for line, f in found.items() if _self_xss(f)} == {87, 95}
    assert "behind a CSRF check" in str(found[87]["message"])
    # An exempt view, and query strings, keep the rule's severity.
    assert {line for line, f in found.items() if f["severity"] == "high"} == {52, 59, 73, 102,
                                                                              108}  # fmt: skip


def test_django_post_reflection_is_info_unless_the_view_is_exempt(tmp_path: Path) -> None:
    views = tmp_path / "views.py"
    views.write_text(DJANGO_VIEWS, encoding="utf-8")
    code, found = _xss(views)
    assert code == 1
    assert sorted(found) == [7, 12, 16]
    assert _self_xss(found[7])
    assert found[12]["severity"] == "high" and found[16]["severity"] == "high"


def test_self_xss_alone_passes_the_default_gate_and_fails_at_info(tmp_path: Path) -> None:
    views = tmp_path / "views.py"
    views.write_text(DJANGO_VIEWS.split("\n\n\n@csrf_exempt")[0] + "\n", encoding="utf-8")
    code, found = _xss(views)
    assert code == 0 and list(found) == [7] and _self_xss(found[7])
    code, _ = _xss(views, "--fail-on", "info")
    assert code == 1


def test_without_a_csrf_defence_a_form_reflection_keeps_its_severity(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(FLASK_WITHOUT_CSRF, encoding="utf-8")
    code, found = _xss(app)
    assert code == 1
    assert [(line, f["severity"]) for line, f in found.items()] == [(8, "high")]


POSTED_REDIRECTS = CORPUS_FILE.with_name("django_posted_redirects.py")


def test_a_posted_redirect_target_is_info_unless_the_view_reads_it_from_a_link() -> None:
    _, found = _scan(POSTED_REDIRECTS, "SC210")
    info = {line for line, f in found.items() if f["severity"] == "info"}
    # The view reads no such key from its query string: no link sets it. A view exempt from
    # the CSRF check too: a page of another site that posts the field has the victim already.
    # A Django form built on the post reads its field the same way (line 75), and so does a
    # method of the view's class or a function of the module that the view calls (88, 109).
    assert info == {21, 52, 58, 75, 88, 109}
    assert "no link sets" in str(found[21]["message"])
    assert any("a link cannot set it" in s for s in found[52]["signals"])
    # Copied from `?next=` in the view or a mixin of its class, and a whole form (no single
    # key to look for) keep the rule's severity, also where the method or function that reads
    # the posted field reads its query string too, or its class does (100, 118).
    assert {line for line, f in found.items() if f["severity"] == "medium"} == {
        31, 43, 64, 100, 118}


def test_without_a_csrf_defence_a_posted_redirect_target_is_info_too() -> None:
    """No link sets a posted field, with or without a CSRF check; a view that renders the key
    from its query string, and `request.values` (the query too), keep the severity."""
    corpus = CORPUS_FILE.with_name("flask_posted_redirects.py")
    _, found = _scan(corpus, "SC210")
    assert {line: f["severity"] for line, f in found.items()} == {
        18: "info", 27: "medium", 33: "medium"}


ONE_SEGMENT = CORPUS_FILE.with_name("one_segment_paths.py")


def test_one_url_path_segment_into_a_file_operation_is_info() -> None:
    """A segment holds no "/": into a file read or write under a folder it names at most the
    folder's parent, which no file operation opens. Info, with the reason; a `path` converter,
    a query parameter, a folder operation (`rmtree`, `listdir`), two segments, one used twice
    or rewritten to hold a "/" keep the rule's severity, through a helper too."""
    _, found = _scan(ONE_SEGMENT, "SC205")
    info = {line for line, f in found.items() if f["severity"] == "info"}
    # ... and a name refused when it holds the separator (line 147), as askbot's download, beside
    # a folder a call not followed computed (line 165); a route of two that takes a whole path
    # keeps the alert (line 173); a name with every "/" stripped or replaced is one segment
    # (lines 182, 190), unless into a folder operation (line 204); removing "../" is no such
    # step (line 197); a folder an app factory's argument holds is no client's text (line 216),
    # a second segment is (line 222)
    assert info == {28, 85, 88, 94, 112, 147, 165, 182, 190, 216}
    assert "one URL path segment" in str(found[28]["message"])
    assert any("'..'" in s for s in found[94]["signals"])
    assert {line for line, f in found.items() if f["severity"] == "high"} == {
        34, 40, 47, 53, 59, 65, 71, 77, 100, 107, 122, 132, 155, 173, 197, 204, 222}


def test_a_served_folder_of_one_segment_is_info_and_of_a_whole_path_an_alert() -> None:
    """`send_from_directory(folder, name)` joins the name safely: a folder of one URL segment
    reaches the files of its parent at most (info, with the reason); a folder built from a
    `path` converter's segments or a query parameter climbs anywhere (the rule's severity)."""
    served = CORPUS_FILE.with_name("served_folders.py")
    _, found = _scan(served, "SC205")
    assert {line: f["severity"] for line, f in found.items()} == {
        28: "high", 34: "high", 64: "info"}
    assert "one URL path segment" in str(found[64]["message"])


def test_what_one_view_keeps_in_the_session_another_reads_back() -> None:
    """`?next=` kept in the session before a login round trip, redirected to after it: the
    sender's text, in another function; a checked value or another key is not. A posted field
    kept there is the requester's own post still: info, as where it is read directly."""
    corpus = CORPUS_FILE.with_name("session_stores.py")
    _, found = _scan(corpus, "SC210")
    assert {line: f["severity"] for line, f in found.items()} == {
        24: "medium", 60: "medium", 73: "info"}
    notes = [step["note"] for step in found[24]["trace"]]
    assert notes[0] == "source: request.GET"
    assert "stored in request.session['oidc_login_next']" in notes
    assert "read back from session['oidc_login_next']" in notes
