"""A WSGI application of its own makes a module a web one, through the real CLI: its request
data is a source, and its other request handlers are analyzed as a framework's would be. A
WSGI application shown in a docstring (werkzeug's routing map and response do so), one that
only hands its environ on, or one wrapping it in a library's own `Request` class does not."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from secretcheck.cli import main

HANDLER = '''
import os

BASE = "/srv/files"


def handler(request, name):
    with open(os.path.join(BASE, name)) as f:
        return f.read()
'''
APPLICATION = '''
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [environ["PATH_INFO"].encode()]
'''
DOCSTRING = '''"""File helpers. Use them from a WSGI application::

    def application(environ, start_response):
        path = environ.get("PATH_INFO", "/")
        return [handler(None, path)]
"""
'''


def findings(tmp_path: Path, source: str) -> list[tuple[str, int]]:
    target = tmp_path / "files.py"
    target.write_text(source, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", str(target)])
    assert result.exit_code in (0, 1), result.output
    return [(f["rule_id"], f["line"]) for f in json.loads(result.output)["findings"]]


def test_a_module_with_a_wsgi_application_is_a_web_module(tmp_path: Path) -> None:
    assert findings(tmp_path, APPLICATION + HANDLER) == [("SC205", 12)]


def test_a_wsgi_application_in_a_docstring_is_not(tmp_path: Path) -> None:
    assert findings(tmp_path, DOCSTRING + HANDLER) == []


def test_a_wsgi_application_that_only_hands_the_environ_on_is_not(tmp_path: Path) -> None:
    passes_on = APPLICATION.replace('environ["PATH_INFO"].encode()', 'b"ok"')
    assert findings(tmp_path, passes_on + HANDLER) == []


WRAPS = '''
def application(environ, start_response):
    request = Request(environ)
    start_response("200 OK", [])
    return [request.path.encode()]
'''


def test_a_wsgi_application_wrapping_its_environ_in_werkzeug_request_is(tmp_path: Path) -> None:
    source = "from werkzeug.wrappers import Request\n" + WRAPS + HANDLER
    assert findings(tmp_path, source) == [("SC205", 14)]


def test_a_library_own_request_class_is_not_one_of_those(tmp_path: Path) -> None:
    own = "class Request:\n    def __init__(self, environ):\n        self.path = '/'\n"
    assert findings(tmp_path, own + WRAPS + HANDLER) == []
