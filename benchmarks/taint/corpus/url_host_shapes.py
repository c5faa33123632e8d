"""Hard negatives from the realapps pass (issue 10): URLs whose host the attacker does not
choose, each with a positive beside it that must still fire.

- a base URL from a module constant, then a literal path, then request text
  (`STORE_API + "/" + path`): the request goes to the fixed host, the attacker picks a path
  there (CodeQL's py/partial-ssrf, not py/full-ssrf);
- `urljoin(base, "v1/items/" + value)`: a reference that starts with a relative path cannot
  replace the base's host; `urljoin(base, value)` can (an absolute value wins);
- this request's own root (`request.host_url`, `request.url_root`, `request.base_url`, a
  prefix cut of `request.url`) followed by anything stays on this site;
- the Referer is the page the victim's own browser came from: redirecting back to it gives an
  attacker nothing (it stays attacker text for HTML);
- `request.script_root` may be empty, so `script_root + value` can still become `//evil`.
"""

from urllib.parse import urljoin

import requests
from django.http import HttpResponseRedirect
from flask import Flask, redirect, request

app = Flask(__name__)
STORE_API = "https://storeapi.example.com"
RELAY_SCHEME = "https"
SITE_ROOT = ""


def store_url_for_current_request():
    _, _, with_token = request.full_path.rpartition("/store/")
    _, _, path = with_token.rstrip("?").partition("/")
    return STORE_API + "/" + path


@app.route("/store/<token>/<path:rest>", methods=["GET", "POST"])
def proxy_to_store(token, rest):
    # ok: SC206
    upstream = requests.request(
        method=request.method,
        url=store_url_for_current_request(),
        data=request.get_data(),
        allow_redirects=False,
        timeout=10,
    )
    return upstream.content, upstream.status_code


@app.route("/relay")
def relay_anywhere():
    # expect: SC206
    return requests.get(request.args["url"], timeout=5).text


@app.route("/relay-host")
def relay_to_host():
    host = request.args["host"]
    # expect: SC206
    return requests.get(RELAY_SCHEME + "://" + host + "/status", timeout=5).text


@app.route("/relay-base")
def relay_from_base():
    # expect: SC206
    return requests.get(request.args["base"] + "/status", timeout=5).text


@app.route("/self-status")
def self_status():
    # expect: SC206
    return requests.get(request.host_url + "internal/status", timeout=5).text


@app.route("/self-api")
def self_api():
    # expect: SC206
    return requests.get(f"{request.url_root}api/{request.args['name']}", timeout=5).text


@app.route("/store-search")
def store_search():
    # ok: SC206
    return requests.get("%s/v1/search/%s" % (STORE_API, request.args["q"]), timeout=5).text


@app.route("/store-format")
def store_format():
    # ok: SC206
    return requests.get("{}/v1/search/{}".format(STORE_API, request.args["q"]), timeout=5).text


@app.route("/relay-format")
def relay_format():
    # expect: SC206
    return requests.get("{}/v1/status".format(request.args["base"]), timeout=5).text


@app.route("/relay-percent")
def relay_percent():
    # expect: SC206
    return requests.get("%s%s" % (STORE_API, request.args["path"]), timeout=5).text


@app.route("/items/<item_id>")
def item_from_store(item_id):
    # ok: SC206
    return requests.get(urljoin(STORE_API, "v1/items/" + item_id), timeout=5).json()


@app.route("/follow")
def follow_link():
    # expect: SC206
    return requests.get(urljoin(STORE_API, request.args["next"]), timeout=5).text


@app.route("/follow-slash")
def follow_slash():
    # expect: SC206
    return requests.get(urljoin(STORE_API, "/" + request.args["next"]), timeout=5).text


def redirect_to_backend(request, target, code=302):
    url = request.url
    app_root = url[: url.find("/api/")]
    location = app_root + target
    if "?" in url:
        location += url[url.rfind("?") :]
    # ok: SC210
    return redirect(location, code=code)


@app.route("/page")
def page_on_this_site():
    # ok: SC210
    return redirect(request.host_url + request.args["page"])


@app.route("/page-fstring")
def page_fstring():
    # ok: SC210
    return redirect(f"{request.url_root}{request.args['page']}")


@app.route("/this-page")
def this_page_again():
    # ok: SC210
    return redirect(request.base_url)


@app.route("/page-root-or-not")
def page_root_or_not():
    if request.args.get("local"):
        base = request.host_url
    else:
        base = request.script_root
    # expect: SC210
    return redirect(base + request.args["next"])


@app.route("/page-root-then-not")
def page_root_then_not():
    base = request.host_url
    base = request.script_root
    # expect: SC210
    return redirect(base + request.args["next"])


@app.route("/page-loop")
def page_loop():
    location = request.url_root
    for part in request.args.getlist("part"):
        location = location + part + "/"
    # ok: SC210
    return redirect(location)


@app.route("/under-site-root")
def under_site_root():
    # expect: SC210
    return redirect(SITE_ROOT + "/" + request.args["next"])


@app.route("/under-site-root-fstring")
def under_site_root_fstring():
    # expect: SC210
    return redirect(f"{SITE_ROOT}/{request.args['next']}")


@app.route("/site-root-users")
def site_root_users():
    # ok: SC210
    return redirect(f"{SITE_ROOT}/users/{request.args['name']}")


@app.route("/under-script-root")
def under_script_root():
    # expect: SC210
    return redirect(request.script_root + request.args["next"])


@app.route("/host-url-join")
def host_url_join():
    # expect: SC210
    return redirect(urljoin(request.host_url, request.args["next"]))


@app.route("/back", methods=["POST"])
def back_to_referrer():
    # ok: SC210
    return redirect(request.referrer)


@app.route("/back-environ", methods=["POST"])
def back_to_environ_referer():
    if "HTTP_REFERER" in request.environ:
        # ok: SC210
        return redirect(request.environ["HTTP_REFERER"])
    return redirect("/")


@app.route("/back-header", methods=["POST"])
def back_to_header_referer():
    # ok: SC210
    return redirect(request.headers.get("Referer", "/"))


@app.route("/back-or-next", methods=["POST"])
def back_or_next():
    # expect: SC210
    return redirect(request.headers.get("Referer", request.args["next"]))


@app.route("/login-done")
def login_done():
    # expect: SC210
    return redirect(request.args.get("referer", "/"))


@app.route("/login-done-form", methods=["POST"])
def login_done_form():
    # expect: SC210
    return redirect(request.form["referrer"])


@app.route("/came-from")
def came_from():
    # expect: SC207
    return f"<a href='{request.referrer}'>back</a>"


def django_back(request):
    # ok: SC210
    return HttpResponseRedirect(request.META.get("HTTP_REFERER", "/"))


def django_back_or_next(request):
    # expect: SC210
    return HttpResponseRedirect(request.META.get("HTTP_REFERER") or request.GET["next"])


def django_here(request):
    # ok: SC210
    return HttpResponseRedirect(request.build_absolute_uri() + request.GET["tab"])


def fetch_under(base, path):
    # expect: SC206
    return requests.get(base + "/" + path, timeout=5).text


def fetch_under_fstring(base, path):
    # expect: SC206
    return requests.get(f"{base}/{path}", timeout=5).text


def fetch_from(base, path):
    # ok: SC206
    return requests.get(base + "/" + path, timeout=5).text


@app.route("/under")
def under_chosen_base():
    return fetch_under(request.args["base"], "status")


@app.route("/under-fstring")
def under_chosen_base_fstring():
    return fetch_under_fstring(request.args["base"], "status")


@app.route("/under-store")
def under_store():
    return fetch_from(STORE_API, request.args["path"])
