"""Flows into a function another module of the same project holds (`python/taint/project.py`),
through the real CLI: found at the view's call with the callee's steps named by file, cleared by
the callee's own sanitizer, bounded to the project's import root, and kept honest by the
findings cache when only the imported module changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretcheck.cli import main

VIEWS = """\
from flask import Flask, request

from .services import fetch
from . import services

app = Flask(__name__)


@app.route("/fetch")
def fetch_view():
    fetch(request.args["url"])
    return "ok"


@app.route("/run")
def run_view():
    services.run(request.args["cmd"])
    return "ok"
"""
SERVICES = """\
import subprocess

import requests


def fetch(callback, timeout=5):
    return requests.get(callback, timeout=timeout)


def run(command):
    subprocess.run(command, shell=True)
"""
SANITIZED = SERVICES.replace(
    "subprocess.run(command, shell=True)", "subprocess.run(str(int(command)), shell=True)"
)


def _project(root: Path, services: str = SERVICES, views: str = VIEWS) -> Path:
    package = root / "app"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "services.py").write_text(services, encoding="utf-8")
    (package / "views.py").write_text(views, encoding="utf-8")
    return package


def _package(root: Path, **modules: str) -> Path:
    """A package `app` under `root` holding the given modules (name -> source)."""
    package = root / "app"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (package / f"{name}.py").write_text(source, encoding="utf-8")
    return package


def _scan(target: Path, *extra: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["scan", "--format", "json", *extra, str(target)])
    assert result.exit_code in (0, 1), result.output
    return [f for f in json.loads(result.output)["findings"] if str(f["rule_id"]).startswith("SC2")]


def _seen(findings: list[dict[str, object]]) -> set[tuple[str, int, str]]:
    return {(Path(str(f["path"])).name, int(str(f["line"])), str(f["rule_id"])) for f in findings}


def test_a_view_passing_request_data_to_an_imported_sink_is_reported_at_its_call(
    tmp_path: Path,
) -> None:
    package = _project(tmp_path)
    findings = _scan(package, "--no-cache")
    assert _seen(findings) == {("views.py", 11, "SC206"), ("views.py", 17, "SC202")}
    ssrf = next(f for f in findings if f["rule_id"] == "SC206")
    notes = [str(step["note"]) for step in ssrf["trace"]]  # type: ignore[attr-defined]
    assert notes[0] == "source: request.args (Flask)"
    assert "passed to fetch() in app/services.py" in notes
    assert notes[-1] == "app/services.py line 7: sink: requests.get"
    # listed for review, below the default gate (see `project.NOTE` for the measured reason)
    assert {f["severity"] for f in findings} == {"info"}
    assert all(any("across modules" in s for s in f["signals"]) for f in findings)  # type: ignore[attr-defined]
    # the helper module alone holds no entry point: nothing of its own is reported
    assert not any(Path(str(f["path"])).name == "services.py" for f in findings)


def test_the_callees_own_sanitizer_and_a_clean_callee_give_nothing(tmp_path: Path) -> None:
    package = _project(tmp_path, SANITIZED)
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 11, "SC206")}


def test_a_changed_imported_module_invalidates_the_cached_findings_of_its_importer(
    tmp_path: Path,
) -> None:
    package = _project(tmp_path)
    (tmp_path / ".secretcheck.toml").write_text('cache-dir = "cachedir"\n', encoding="utf-8")
    assert ("views.py", 17, "SC202") in _seen(_scan(tmp_path))
    entries = sorted((tmp_path / "cachedir").rglob("*.json"))
    assert entries
    assert ("views.py", 17, "SC202") in _seen(_scan(tmp_path))  # from the cache
    assert sorted((tmp_path / "cachedir").rglob("*.json")) == entries
    (package / "services.py").write_text(SANITIZED, encoding="utf-8")
    assert ("views.py", 17, "SC202") not in _seen(_scan(tmp_path))
    (package / "services.py").write_text(SERVICES, encoding="utf-8")
    assert ("views.py", 17, "SC202") in _seen(_scan(tmp_path))


def test_a_flat_folder_of_modules_imports_its_neighbours(tmp_path: Path) -> None:
    (tmp_path / "services.py").write_text(SERVICES, encoding="utf-8")
    views = VIEWS.replace("from .services import fetch\nfrom . import services\n",
                          "from services import fetch\nimport services\n")  # fmt: skip
    (tmp_path / "app.py").write_text(views, encoding="utf-8")
    assert _seen(_scan(tmp_path / "app.py", "--no-cache")) == {
        ("app.py", 11, "SC206"), ("app.py", 17, "SC202"),
    }  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_module_linked_from_outside_the_import_root_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "services.py").write_text(SERVICES, encoding="utf-8")
    package = _project(tmp_path / "repo")
    (package / "services.py").unlink()
    (package / "services.py").symlink_to(outside / "services.py")
    assert _seen(_scan(package / "views.py", "--no-cache")) == set()
    # the same module inside the root is read: the link, not the module, was refused
    (package / "services.py").unlink()
    (package / "services.py").write_text(SERVICES, encoding="utf-8")
    assert _seen(_scan(package / "views.py", "--no-cache")) == {
        ("views.py", 11, "SC206"), ("views.py", 17, "SC202"),
    }  # fmt: skip


def test_import_cycles_and_a_chain_of_helpers_end(tmp_path: Path) -> None:
    # views -> services.run -> shell.call (two modules deep), and shell imports views back
    services = "from .shell import call\n\n\ndef run(c):\n    call(c)\n\n\ndef fetch(u):\n"
    services += "    return u\n"
    package = _project(tmp_path, services=services)
    (package / "shell.py").write_text(
        "import subprocess\n\nfrom .views import app\n\n\ndef call(c):\n"
        "    subprocess.run(c, shell=True)\n",
        encoding="utf-8",
    )
    findings = _scan(package, "--no-cache")
    assert _seen(findings) == {("views.py", 17, "SC202")}
    [finding] = findings
    notes = [str(step["note"]) for step in finding["trace"]]  # type: ignore[attr-defined]
    # each module names its own line: the helper's call, then the helper's helper's sink
    assert notes[-1] == (
        "app/services.py line 5: app/shell.py line 7: sink: subprocess with shell=True"
    )


def test_a_text_that_is_not_the_file_on_disk_is_analyzed_alone(tmp_path: Path) -> None:
    # A version read from git history or the index names a path whose disk copy differs: its
    # imports would be resolved against another version of the project.
    from secretcheck.python.taint import project
    from secretcheck.python.taint.check import project_of
    from secretcheck.rulepacks import load_catalogue

    package = _project(tmp_path)
    views = package / "views.py"
    rules = tuple(load_catalogue(()).rules)
    here = project_of(rules, VIEWS, str(views))
    assert here is not None and here.package == ("app",)
    assert here.function(".services.run") is not None
    assert here.function(".services.missing") is None
    assert project_of(rules, VIEWS + "\n", str(views)) is None
    assert project.for_file(str(package / "absent.py"), VIEWS, here.summarizer, "") is None


def test_calling_what_an_imported_function_returned_is_not_calling_it(tmp_path: Path) -> None:
    # `build_form(user, rows)(request.POST, request.FILES)`: the request goes to what it returned
    forms = "from django.utils.safestring import mark_safe\n\n\ndef build_form(user, rows):\n"
    forms += "    for row in rows:\n        mark_safe(row.label)\n    return dict\n"
    views = "from django.http import HttpResponse\n\nfrom app.forms import build_form\n\n\n"
    views += "def settings_view(request):\n"
    views += "    build_form(request.user, [])(request.POST, request.FILES)\n"
    views += "    return HttpResponse('ok')\n"
    package = _project(tmp_path, views=views)
    (package / "forms.py").write_text(forms, encoding="utf-8")
    assert _seen(_scan(package, "--no-cache")) == set()
    calls = views.replace("build_form(request.user, [])(request.POST, request.FILES)",
                          "build_form(request.user, request.POST)")  # fmt: skip
    (package / "views.py").write_text(calls, encoding="utf-8")
    assert ("views.py", 7, "SC207") in _seen(_scan(package, "--no-cache"))


def test_grading_counts_request_data_handed_to_a_helper_module_as_a_habit(tmp_path: Path) -> None:
    # The scan lists it at info; a take-home's own helper that runs a shell on request data is
    # still the habit grading asks about.
    package = _project(tmp_path / "submission")
    result = CliRunner().invoke(main, ["grade", "--format", "json", str(tmp_path / "submission")])
    assert result.exit_code in (0, 1), result.output
    [graded] = json.loads(result.output)["submissions"]
    [injection] = [d for d in graded["dimensions"] if d["id"] == "injection"]
    by_rule = {d["key"]: d for d in injection["deductions"]}
    assert by_rule["SC202"]["points"] > 0
    assert [e["line"] for e in by_rule["SC202"]["evidence"]] == [17]
    assert package.is_dir()


DJANGO_VIEWS = """\
import os

from django.http import FileResponse
from django.views import View


def colored_image(request, color):
    return FileResponse(open(os.path.join("/srv/media/colors", color + ".png"), "rb"))


def static_file(request, path):
    return FileResponse(open(os.path.join("/srv/static", path), "rb"))


class Swatch(View):
    def get(self, request, color):
        return FileResponse(open(os.path.join("/srv/media/swatches", color + ".png"), "rb"))
"""


@pytest.mark.parametrize(("urls", "reported"), [
    # a `\\w+` capture and a URLconf constant hold no '/' or '.': nothing to report
    ('url(r"^c/(?P<color>\\w+)/$", views.colored_image),\n'
     '    path("sw.js", views.static_file, {"path": "js/sw.js"}),\n'
     '    path("s/<slug:color>/", views.Swatch.as_view()),', set()),
    # `str` and `[^/]+` captures may be "..": the views keep their alerts
    ('path("c/<str:color>/", views.colored_image),\n'
     '    re_path(r"^s/(?P<path>[^/]+)$", views.static_file),\n'
     '    path("w/<path:color>/", views.Swatch.as_view()),', {8, 12, 17}),
    # one loose route among tight ones is enough, a one-segment one too
    ('path("c/<slug:color>/", views.colored_image),\n'
     '    path("d/<path:color>/", views.colored_image),', {8, 12, 17}),
    ('path("c/<int:color>/", views.colored_image),\n'
     '    path("d/<str:color>/", views.colored_image),', {8, 12, 17}),
    # a capture in an include() prefix reaches every included view
    ('path("c/<int:color>/", views.colored_image),\n'
     '    path("<str:color>/", include("other.urls")),', {8, 12, 17}),
])  # fmt: skip
def test_django_urlconf_captures_say_what_reaches_a_function_view(
    tmp_path: Path, urls: str, reported: set[int]
) -> None:
    findings = _django_site(tmp_path, urls)
    assert {int(str(f["line"])) for f in findings if f["rule_id"] == "SC205"} == reported


def _django_site(root: Path, urls: str) -> list[dict[str, object]]:
    """The findings in `DJANGO_VIEWS` of a package whose URLconf routes them by `urls`."""
    package = root / "site"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "views.py").write_text(DJANGO_VIEWS, encoding="utf-8")
    (package / "urls.py").write_text(
        "from django.urls import include, path, re_path\nfrom django.conf.urls import url\n\n"
        f"from . import views\n\nurlpatterns = [\n    {urls}\n]\n",
        encoding="utf-8",
    )
    return _scan(package / "views.py", "--no-cache")


def test_a_django_capture_of_one_path_segment_into_a_file_is_info(tmp_path: Path) -> None:
    """`<str:x>` and `[^/]+` hold no "/": into a file opened under a folder, at most its parent
    folder, which `open()` cannot read (the threat model, at info); a `path` capture, and one
    route of two that is loose, keep the alert."""
    findings = _django_site(
        tmp_path,
        'path("c/<color>/", views.colored_image),\n'
        '    re_path(r"^s/(?P<path>[^/]+)$", views.static_file),\n'
        '    re_path(r"^t/(?P<path>[-\\w.]+)/$", views.static_file),\n'
        '    path("w/<str:color>/", views.Swatch.as_view()),\n'
        '    path("x/<path:color>/", views.Swatch.as_view()),',
    )
    found = {int(str(f["line"])): f for f in findings if f["rule_id"] == "SC205"}
    assert {line: f["severity"] for line, f in found.items()} == {
        8: "info", 12: "info", 17: "high"}
    assert "one URL path segment" in str(found[8]["message"])


HELPER_OF_VIEWS = """\
import os

from django.http import HttpResponse


def jar_analysis(request, app_dic):
    return HttpResponse(open(os.path.join("/srv", app_dic)).read())


def direct(request):
    return HttpResponse(open(os.path.join("/srv", request.GET["f"])).read())
"""


def test_a_module_no_urlconf_routes_holds_helpers_not_views(tmp_path: Path) -> None:
    """MobSF's `jar_analysis(request, app_dic)`: the project's URLconfs route views of other
    modules only, so its parameters are its callers' values, not URL captures; what it reads
    of the request itself is still request data. With no URLconf at all (a reusable app its
    host routes), a plain function taking `request` is still a view."""
    package = tmp_path / "site"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "views.py").write_text(DJANGO_VIEWS, encoding="utf-8")
    (package / "analysis.py").write_text(HELPER_OF_VIEWS, encoding="utf-8")
    findings = _scan(package / "analysis.py", "--no-cache")
    assert {int(str(f["line"])) for f in findings if f["rule_id"] == "SC205"} == {7, 11}
    (package / "urls.py").write_text(
        "from django.urls import path\n\nfrom . import views\n\n"
        'urlpatterns = [path("c/<slug:color>/", views.colored_image)]\n',
        encoding="utf-8",
    )
    findings = _scan(package / "analysis.py", "--no-cache")
    assert {int(str(f["line"])) for f in findings if f["rule_id"] == "SC205"} == {11}


def test_urlconfs_are_looked_for_in_bounded_folders(tmp_path: Path) -> None:
    # A file scanned alone makes its own folder the import root, which may be a home folder:
    # the search for URLconfs stays shallow and skips environments and hidden folders.
    from secretcheck.python.taint import urlconf

    near = tmp_path / "site" / "blog"
    deep = tmp_path.joinpath(*(f"d{i}" for i in range(urlconf.MAX_DEPTH + 1)))
    hidden = tmp_path / ".venv" / "lib"
    for folder in (near, deep, hidden, tmp_path / "node_modules" / "pkg"):
        folder.mkdir(parents=True)
        (folder / "urls.py").write_text("urlpatterns = []\n", encoding="utf-8")
    found = {Path(p).relative_to(tmp_path).as_posix() for p in urlconf.urlconf_files(str(tmp_path))}
    assert found == {"site/blog/urls.py"}


ENUM_TYPES = """\
from enum import Enum


class Theme(str, Enum):
    light = "light"
    dark = "dark"


class Plain(str):
    pass
"""
ENUM_ROUTES = """\
from typing import Optional, Union

from fastapi import FastAPI
from fastapi.responses import FileResponse

from .types import Plain, Theme

app = FastAPI()


@app.get("/logo")
def logo(theme: Optional[Theme] = None):
    return FileResponse(f"/srv/logos/{theme}.svg")


@app.get("/plain")
def plain(theme: Plain):
    return FileResponse(f"/srv/logos/{theme}.svg")


@app.get("/either")
def either(theme: Union[Theme, str]):
    return FileResponse(f"/srv/logos/{theme}.svg")
"""


def test_a_fastapi_parameter_typed_as_an_imported_enum_is_one_of_its_members(
    tmp_path: Path,
) -> None:
    # FastAPI answers 422 to anything else; a `str` subclass or a union with `str` checks nothing
    package = _project(tmp_path, views=ENUM_ROUTES)
    (package / "types.py").write_text(ENUM_TYPES, encoding="utf-8")
    findings = _scan(package / "views.py", "--no-cache")
    assert {int(str(f["line"])) for f in findings if f["rule_id"] == "SC205"} == {18, 23}


RETURNS_VIEWS = """\
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from app.helpers import checked_next, get_next_url, plain

router = APIRouter()


@router.get("/login")
def login(request: Request):
    return RedirectResponse(url=get_next_url(request))


@router.get("/go")
def go(request: Request, target: str):
    return RedirectResponse(url=plain(target))


@router.get("/safe")
def safe(request: Request):
    return RedirectResponse(url=checked_next(request))
"""
RETURNS_HELPERS = """\
from starlette.requests import Request


def get_next_url(request: Request) -> str:
    wanted = request.query_params.get("next", "/")
    return wanted.strip()


def plain(value):
    return value.strip()


ALLOWED = {"/", "/home"}


def checked_next(request):
    wanted = request.query_params.get("next", "/")
    if wanted not in ALLOWED:
        return "/"
    return wanted
"""


def test_what_an_imported_function_returns_carries_its_taint_back(tmp_path: Path) -> None:
    package = _package(tmp_path, helpers=RETURNS_HELPERS, views=RETURNS_VIEWS)
    findings = _scan(package, "--no-cache")
    assert _seen(findings) == {("views.py", 11, "SC210"), ("views.py", 16, "SC210")}
    by_line = {int(str(f["line"])): f for f in findings}
    # read from the request inside the helper: the source is named where it was read
    notes = [str(s["note"]) for s in by_line[11]["trace"]]  # type: ignore[attr-defined]
    assert notes[0] == "app/helpers.py line 5: source: request.query_params"
    assert "returned by get_next_url() in app/helpers.py" in notes
    assert "request.query_params (app/helpers.py line 5)" in str(by_line[11]["message"])
    # the view's own parameter through the helper and back
    notes = [str(s["note"]) for s in by_line[16]["trace"]]  # type: ignore[attr-defined]
    assert notes[:2] == ["route parameter target of go()", "passed to plain() in app/helpers.py"]
    # below the default gate, like every flow through another module (see `project.NOTE`)
    assert {f["severity"] for f in findings} == {"info"}
    assert all(any("across modules" in s for s in f["signals"]) for f in findings)  # type: ignore[attr-defined]


def test_an_imported_function_returning_its_own_value_gives_nothing(tmp_path: Path) -> None:
    helpers = RETURNS_HELPERS.replace("return wanted.strip()", 'return "/home"').replace(
        "return value.strip()", "return int(value)"
    )
    package = _package(tmp_path, helpers=helpers, views=RETURNS_VIEWS)
    assert _seen(_scan(package, "--no-cache")) == set()


def test_a_changed_helper_return_invalidates_the_cached_findings(tmp_path: Path) -> None:
    package = _package(tmp_path, helpers=RETURNS_HELPERS, views=RETURNS_VIEWS)
    (tmp_path / ".secretcheck.toml").write_text('cache-dir = "cachedir"\n', encoding="utf-8")
    assert ("views.py", 11, "SC210") in _seen(_scan(tmp_path))
    assert ("views.py", 11, "SC210") in _seen(_scan(tmp_path))  # from the cache
    changed = RETURNS_HELPERS.replace("return wanted.strip()", 'return "/home"')
    (package / "helpers.py").write_text(changed, encoding="utf-8")
    assert ("views.py", 11, "SC210") not in _seen(_scan(tmp_path))


GLOBAL_HELPERS = """\
from flask import request

PAGES = {"/", "/account"}


def get_redirect_target():
    return request.args.get("next") or request.referrer


def find_redirect(key):
    return _read(key) or "/"


def _read(key):
    return request.args.get(key)


def safe_redirect_target():
    target = request.args.get("next", "/")
    if target not in PAGES:
        return "/"
    return target


def app_name():
    return "app"
"""
GLOBAL_VIEWS = """\
from flask import Flask, redirect

from .helpers import app_name, find_redirect, get_redirect_target, safe_redirect_target

app = Flask(__name__)


@app.route("/login")
def login():
    return redirect(get_redirect_target())


@app.route("/logout")
def logout():
    return redirect(find_redirect("next"))


@app.route("/safe")
def safe():
    return redirect(safe_redirect_target())


@app.route("/home")
def home():
    return redirect("/" + app_name())
"""


def test_a_helper_that_reads_flasks_request_itself_is_the_views_entry_point(
    tmp_path: Path,
) -> None:
    """Flask-Security-Too's `get_post_login_redirect()` shape: the view reads no request of its
    own; the helper of another module reads the module-level `request` and returns it, or
    returns what a function of its own module read. A helper that checks the target against an
    allowlist first, and one that reads no request, give nothing."""
    package = _package(tmp_path, helpers=GLOBAL_HELPERS, views=GLOBAL_VIEWS)
    findings = _scan(package, "--no-cache")
    assert _seen(findings) == {("views.py", 10, "SC210"), ("views.py", 15, "SC210")}
    by_line = {int(str(f["line"])): f for f in findings}
    notes = [str(s["note"]) for s in by_line[10]["trace"]]  # type: ignore[attr-defined]
    assert notes[0] == "app/helpers.py line 7: source: request.args (Flask)"
    assert "returned by get_redirect_target() in app/helpers.py" in notes
    notes = [str(s["note"]) for s in by_line[15]["trace"]]  # type: ignore[attr-defined]
    assert notes[0] == "app/helpers.py line 15: source: request.args (Flask)"
    # below the default gate, like every flow through another module (see `project.NOTE`)
    assert {f["severity"] for f in findings} == {"info"}
    assert all(any("across modules" in s for s in f["signals"]) for f in findings)  # type: ignore[attr-defined]


def test_a_request_helper_of_a_module_without_a_module_level_request_is_no_entry_point(
    tmp_path: Path,
) -> None:
    """`request` there is the helper's own object (a parameter default of another library, a
    module global it builds), not Flask's: the view has no entry point."""
    helpers = GLOBAL_HELPERS.replace("from flask import request", "from .state import request")
    package = _package(tmp_path, helpers=helpers, views=GLOBAL_VIEWS, state="request = None\n")
    assert _seen(_scan(package, "--no-cache")) == set()


MIXINS = """\
class RedirectionMixin:
    success_url = None

    def get_next_url(self):
        return self.request.POST.get("next", self.request.GET.get("next", "/"))

    def get_success_url(self):
        return self.success_url or self.get_next_url()


class HomeMixin:
    def get_success_url(self):
        return "/home"
"""
MIXIN_VIEWS = """\
from django.http import HttpResponseRedirect
from django.views.generic import TemplateView

from .mixins import HomeMixin, RedirectionMixin


class ConfirmView(RedirectionMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        return HttpResponseRedirect(redirect_to=self.get_success_url())


class DoneView(HomeMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        return HttpResponseRedirect(redirect_to=self.get_success_url())


class OwnView(RedirectionMixin, TemplateView):
    def get_success_url(self):
        return "/own"

    def post(self, request, *args, **kwargs):
        return HttpResponseRedirect(redirect_to=self.get_success_url())
"""


def test_a_method_inherited_from_a_mixin_of_another_module_is_followed(tmp_path: Path) -> None:
    package = _package(tmp_path, mixins=MIXINS, views=MIXIN_VIEWS)
    findings = _scan(package, "--no-cache")
    # the mixin's `self.request` is the view's request; the safe mixin and the class's own
    # method give nothing
    assert _seen(findings) == {("views.py", 9, "SC210")}
    notes = [str(s["note"]) for s in findings[0]["trace"]]  # type: ignore[index]
    assert notes[0] == "app/mixins.py line 5: source: request.POST"
    assert findings[0]["severity"] == "info"


VALIDATORS = """\
import re

MD5_REGEX = re.compile(r"^[0-9a-f]{32}$")
LOOSE = re.compile(r"^[0-9a-f]{32}")


def is_md5(user_input):
    stat = MD5_REGEX.match(user_input)
    if not stat:
        print("Invalid scan hash")
    return stat


def looks_md5(user_input):
    return LOOSE.match(user_input)
"""
VALIDATED_VIEWS = """\
import os

from flask import Flask, abort, request, send_file

from app.checks import is_md5, looks_md5

app = Flask(__name__)


@app.route("/a")
def checked():
    digest = request.args["h"]
    if not is_md5(digest):
        abort(400)
    return send_file(os.path.join("/srv", digest))


@app.route("/b")
def loosely_checked():
    digest = request.args["h"]
    if not looks_md5(digest):
        abort(400)
    return send_file(os.path.join("/srv", digest))
"""


def test_a_validator_of_another_module_proves_what_its_body_checks(tmp_path: Path) -> None:
    # MobSF's `is_md5` (holdout13): an anchored pattern of its own module, read there; an
    # unanchored one proves nothing
    package = _package(tmp_path, checks=VALIDATORS, views=VALIDATED_VIEWS)
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 23, "SC205")}
    (package / "checks.py").write_text(VALIDATORS.replace("{32}$", "{32}"), encoding="utf-8")
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 15, "SC205"),
                                                   ("views.py", 23, "SC205")}  # fmt: skip


RAISING_CHECKS = """\
import os
from pathlib import Path

BASE = "/srv/files"


def check_name(name):
    if ".." in name or os.path.isabs(name):
        raise ValueError("bad name")


def rel_path(name):
    joined = os.path.join(BASE, name)
    Path(joined).resolve().relative_to(BASE)
    return joined


def check_quietly(name):
    if ".." in name or os.path.isabs(name):
        return False
    return True
"""
RAISING_VIEWS = """\
import os

from flask import Flask, request, send_file

from app.checks import check_name, check_quietly, rel_path

app = Flask(__name__)


@app.route("/a")
def checked():
    name = request.args["f"]
    check_name(name)
    return send_file(os.path.join("/srv/files", name))


@app.route("/b")
def joined_and_checked():
    name = request.args["f"]
    full = rel_path(name)
    return send_file(os.path.join("/srv/files", name))


@app.route("/c")
def refused_by_returning():
    name = request.args["f"]
    check_quietly(name)
    return send_file(os.path.join("/srv/files", name))
"""


def test_a_check_of_another_module_that_raises_proves_what_it_tests_when_called_alone(
    tmp_path: Path,
) -> None:
    # esphome's `settings.rel_path(configuration)` (holdout3): returning at all means the
    # resolved path was inside the folder; a check that refuses by returning proves nothing
    package = _package(tmp_path, checks=RAISING_CHECKS, views=RAISING_VIEWS)
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 28, "SC205")}
    (package / "checks.py").write_text(
        RAISING_CHECKS.replace('raise ValueError("bad name")', "return None"), encoding="utf-8"
    )
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 14, "SC205"),
                                                   ("views.py", 28, "SC205")}  # fmt: skip


def test_a_folder_without_init_inside_a_package_is_a_namespace_package_of_it(
    tmp_path: Path,
) -> None:
    # MobSF's `DynamicAnalyzer/views/common/` has no `__init__.py`; its modules still import
    # `mobsf.MobSF.utils` from the package's root
    package = _package(tmp_path, checks=VALIDATORS)
    (package / "web").mkdir()
    (package / "web" / "views.py").write_text(VALIDATED_VIEWS, encoding="utf-8")
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 23, "SC205")}


FORMS = """\
from django import forms

from app.checks import is_md5


class HashForm(forms.Form):
    md5 = forms.CharField()

    def clean_md5(self):
        md5 = self.cleaned_data["md5"]
        if not is_md5(md5):
            raise forms.ValidationError("Invalid Hash")
        return md5
"""
FORM_VIEWS = """\
import os

from django.http import FileResponse

from app.forms import HashForm


def report(request):
    md5 = request.GET["md5"]
    form = HashForm(request.GET)
    if not form.is_valid():
        return None
    return FileResponse(open(os.path.join("/srv", md5), "rb"))
"""


def test_a_form_of_another_module_proves_its_fields_through_its_own_validator(
    tmp_path: Path,
) -> None:
    # MobSF's forms.py (holdout13): clean_md5() raises unless is_md5(), a third module's
    # validator; a valid form proves the view's raw read of the same field
    package = _package(tmp_path, checks=VALIDATORS, forms=FORMS, views=FORM_VIEWS)
    assert _seen(_scan(package, "--no-cache")) == set()
    (package / "checks.py").write_text(VALIDATORS.replace("{32}$", "{32}"), encoding="utf-8")
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 13, "SC205")}


SERVICE_CLASS = """\
import requests


class Fetcher:
    def __init__(self, agent):
        self.agent = agent

    def send(self, base_url="", query=""):
        return requests.get(base_url + query, headers={"User-Agent": self.agent})

    def execute(self, items):
        return [item.strip() for item in items]
"""
INSTANCE_VIEWS = """\
from flask import Flask, request

from app.services import Fetcher

app = Flask(__name__)


@app.route("/fetch")
def fetch_view():
    fetcher = Fetcher("bot")
    return fetcher.send(base_url=request.args["url"]).text


@app.route("/items")
def items_view():
    fetcher = Fetcher("bot")
    return str(fetcher.execute(request.args["q"]))
"""


def test_a_method_of_another_modules_class_runs_on_its_instance(tmp_path: Path) -> None:
    # Whoogle's `Request(...).send(base_url=...)` (holdout11's missed SSRF) and Argilla's
    # `use_case.execute(items)` (holdout14: no SQL, the class's own method)
    package = _package(tmp_path, services=SERVICE_CLASS, views=INSTANCE_VIEWS)
    findings = _scan(package, "--no-cache")
    assert _seen(findings) == {("views.py", 11, "SC206")}
    notes = [str(s["note"]) for s in findings[0]["trace"]]  # type: ignore[index]
    assert "app/services.py line 9: sink: requests.get" in notes
    assert findings[0]["severity"] == "info"


G_VIEWS = """\
from flask import Flask, g, request

from app.services import Fetcher

app = Flask(__name__)


@app.before_request
def before():
    g.fetcher = Fetcher(request.headers.get("User-Agent"))


@app.route("/element")
def element():
    return g.fetcher.send(base_url=request.args["url"]).content
"""


def test_a_method_run_on_an_object_kept_on_flask_g_is_followed(tmp_path: Path) -> None:
    # Whoogle's `g.user_request = Request(...)` in a before_request hook, then
    # `g.user_request.send(base_url=src_url)` in `/element` (CVE-2024-22205, holdout11)
    package = _package(tmp_path, services=SERVICE_CLASS, views=G_VIEWS)
    assert _seen(_scan(package, "--no-cache")) == {("views.py", 15, "SC206")}
    mixed = G_VIEWS.replace("@app.route", "def other():\n    g.fetcher = object()\n\n\n@app.route")
    (package / "views.py").write_text(mixed, encoding="utf-8")
    assert _seen(_scan(package, "--no-cache")) == set()  # g.fetcher may be something else


TORNADO_BASE = """\
import tornado.web


class BaseHandler(tornado.web.RequestHandler):
    def get_request_arguments(self):
        para_dict = {}
        for key in self.request.arguments:
            para_dict[key] = self.get_arguments(key)[0]
        return para_dict
"""
TORNADO_HANDLER = """\
import tornado.web

from app.base import BaseHandler


class UserHandler(BaseHandler):
    def post(self):
        post_data = self.get_request_arguments()
        self.redirect(post_data.get("next", "/"))

    def get(self):
        self.redirect(self.get_argument("to"))
"""


def test_a_tornado_getter_in_a_base_handler_of_another_module_reads_the_request(
    tmp_path: Path,
) -> None:
    """TorCMS's `BaseHandler.get_request_arguments()` gathers `self.get_arguments()` of every
    key; a handler of another module redirects to one: request data, through a function of
    another module (info, as every such flow)."""
    package = _package(tmp_path, base=TORNADO_BASE, handlers=TORNADO_HANDLER)
    found = {(int(str(f["line"])), str(f["severity"])) for f in
             _scan(package / "handlers.py", "--no-cache") if f["rule_id"] == "SC210"}  # fmt: skip
    assert found == {(9, "info"), (12, "medium")}


RENDERING_BASE = """\
from tornado import web


class BaseHandler(web.RequestHandler):
    pass


class RenderingHandler(BaseHandler):
    def render_page(self, html):
        self.finish(html)
"""
LOCAL_FILES = """\
import os

from tornado import web

from .base import RenderingHandler

ROOT = "/srv/notebooks"


class LocalFileHandler(RenderingHandler):
    def can_show(self, path):
        fullpath = os.path.realpath(os.path.join(ROOT, path))
        if not fullpath.startswith(ROOT + os.sep):
            return False
        return True

    def get(self, path):
        if not self.can_show(path):
            raise web.HTTPError(404)
        with open(os.path.join(ROOT, path)) as f:
            self.render_page(f.read())

    def delete(self, path):
        os.remove(os.path.join(ROOT, path))


class Plain(object):
    def get(self, path):
        os.remove(os.path.join(ROOT, path))
"""


def test_a_tornado_handler_on_a_base_of_another_module_receives_the_url_groups(
    tmp_path: Path,
) -> None:
    """holdout14's nbviewer: `LocalFileHandler(RenderingHandler)`, whose base is a
    `web.RequestHandler` two classes up in `base.py`. Its HTTP methods receive the URL's groups;
    `get()` checks the path with its own `can_show()` first (a normalized prefix test), and
    `delete()` does not. A class with no such base is no handler."""
    package = _package(tmp_path, base=RENDERING_BASE, local=LOCAL_FILES)
    found = {(int(str(f["line"])), str(f["severity"])) for f in
             _scan(package / "local.py", "--no-cache") if f["rule_id"] == "SC205"}  # fmt: skip
    assert found == {(24, "high")}
    (package / "base.py").write_text(RENDERING_BASE.replace("web.RequestHandler", "object"))
    assert _scan(package / "local.py", "--no-cache") == []


EXPOSED_PAGE = """\
import cherrypy


class Endpoint:
    pass


class Page(Endpoint):
    def __call__(self, *args, **kwargs):
        op = getattr(self, cherrypy.request.method, None)
        return op(*args, **kwargs)

    exposed = True
"""
PROVIDER_PAGES = """\
import cherrypy
import requests

from .page import Page


class ProviderPage(Page):
    pass


class Authorization(ProviderPage):
    def GET(self, *args, **kwargs):
        return self.start(kwargs)

    def start(self, arguments):
        return requests.get(arguments.get("request_uri"), timeout=5).text


class Helper:
    def GET(self, *args, **kwargs):
        return requests.get(kwargs.get("request_uri"), timeout=5).text
"""


def test_a_cherrypy_page_exposed_by_a_base_of_another_module_receives_the_query(
    tmp_path: Path,
) -> None:
    """holdout42's ipsilon: `Authorization(AuthenticateRequest)`, whose base `Page` two modules
    up says `exposed = True` and dispatches each request to `GET`/`POST` by its method, which
    pass the query's `request_uri` on to a fetch (an SSRF missed fresh). A class with no such
    base is no page; nor is one whose base stops exposing."""
    package = _package(tmp_path, page=EXPOSED_PAGE, providers=PROVIDER_PAGES)
    found = {int(str(f["line"])) for f in _scan(package / "providers.py", "--no-cache")
             if f["rule_id"] == "SC206"}  # fmt: skip
    assert found == {16}
    (package / "page.py").write_text(EXPOSED_PAGE.replace("exposed = True", "exposed = False"))
    assert _scan(package / "providers.py", "--no-cache") == []
