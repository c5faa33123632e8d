"""A same-site prefix is the text FIXED before the first replacement field (issue 10).

"/" followed by a path character pins a redirect to this site ("/account/{}", "/u/%s"), but
"/" followed at once by a field is "/" alone: a field value "/evil.example" makes
"//evil.example", a network-path reference to another host. Each template shape gets both:
`str.format` (positional, numbered, named), `%` (tuple, single value, mapping), f-strings,
`+`, `str.join`, `str.replace`, `urljoin`.

What the text starts with is read through the whole target, not its literal piece alone: a
module or class constant bound once to a URL with a scheme and host (`IMAGE_HOST`), then a
template, is as fixed as the literal host would be (the cover-image redirect of an e-book
server: `IMAGE_HOST + "/{uuid}/image.jpg".format(uuid=...)`). A constant of "" (the site
root), a name bound twice (`global` in a function, a class attribute stored to or bound in a
subclass too), or a base from configuration does not pin a redirect. For a
request the server makes (SC206), a fixed "https://host/" keeps the host whatever follows;
"{}://{}".format(scheme, host) does not.
"""

from urllib.parse import urljoin

import requests
from django.http import HttpResponseRedirect
from flask import Flask, current_app, redirect, request

app = Flask(__name__)
IMAGE_HOST = "https://images.example.com"
API_HOST = "https://api.example.com"
SITE_PREFIX = ""
LANDING = "/welcome"
if app.debug:
    LANDING = ""


@app.route("/go/format")
def go_format():
    target = request.args.get("next", "")
    # expect: SC210
    return redirect("/{}".format(target))


@app.route("/go/format-numbered")
def go_format_numbered():
    # expect: SC210
    return redirect("/{0}/edit".format(request.args["page"]))


@app.route("/go/format-named")
def go_format_named():
    # expect: SC210
    return redirect("/{page}".format(page=request.args["page"]))


@app.route("/go/percent")
def go_percent():
    # expect: SC210
    return redirect("/%s" % request.args["next"])


@app.route("/go/percent-tuple")
def go_percent_tuple():
    # expect: SC210
    return redirect("/%s/done" % (request.args["next"],))


@app.route("/go/percent-mapping")
def go_percent_mapping():
    # expect: SC210
    return redirect("/%(page)s" % {"page": request.args["page"]})


@app.route("/go/fstring")
def go_fstring():
    # expect: SC210
    return redirect(f"/{request.args['next']}")


@app.route("/go/concat")
def go_concat():
    # expect: SC210
    return redirect("/" + request.args["next"])


@app.route("/go/join")
def go_join():
    # expect: SC210
    return redirect("/".join(["", request.args["next"]]))


@app.route("/go/urljoin")
def go_urljoin():
    # expect: SC210
    return redirect(urljoin("/", request.args["next"]))


@app.route("/go/bound")
def go_bound():
    route = "/{}".format(request.args["section"])
    # expect: SC210
    return redirect(route)


@app.route("/go/then-suffix")
def go_then_suffix():
    # expect: SC210
    return redirect("/{}".format(request.args["section"]) + "/index")


@app.route("/go/django")
def go_django():
    # expect: SC210
    return HttpResponseRedirect("/%s" % request.args["next"])


@app.route("/go/host-field")
def go_host_field():
    # expect: SC210
    return redirect("https://{}/welcome".format(request.args["host"]))


@app.route("/go/site-prefix")
def go_site_prefix():
    # expect: SC210
    return redirect(SITE_PREFIX + "/{}".format(request.args["next"]))


@app.route("/go/landing")
def go_landing():
    # expect: SC210
    return redirect(LANDING + "/{}".format(request.args["next"]))


@app.route("/go/configured-root")
def go_configured_root():
    root = current_app.config["APPLICATION_ROOT"]
    # expect: SC210
    return redirect("{}/{}".format(root, request.args["next"]))


@app.route("/go/configured-root-percent")
def go_configured_root_percent():
    root = current_app.config["APPLICATION_ROOT"]
    # expect: SC210
    return redirect("%s/%s" % (root, request.args["next"]))


@app.route("/go/constant-shadowed")
def go_constant_shadowed():
    IMAGE_HOST = request.args["mirror"]  # noqa: N806 - the local shadows the module constant
    # expect: SC210
    return redirect(IMAGE_HOST + "/{}/image.jpg".format(request.args["uuid"]))


# -- hard negatives: the fixed text pins this site or a fixed host -----------------------------


@app.route("/account/go")
def account_go():
    # ok: SC210
    return redirect("/account/{}".format(request.args["tab"]))


@app.route("/u/go")
def user_go():
    # ok: SC210
    return redirect("/u/%s" % request.args["name"])


@app.route("/u/go-fstring")
def user_go_fstring():
    # ok: SC210
    return redirect(f"/u/{request.args['name']}")


@app.route("/u/go-mapping")
def user_go_mapping():
    # ok: SC210
    return redirect("/u/%(name)s" % {"name": request.args["name"]})


@app.route("/books/go")
def books_go():
    # ok: SC210
    return redirect("/".join(["", "books", request.args["id"]]))


@app.route("/users/go")
def users_go():
    # ok: SC210
    return redirect("/users/ID/profile".replace("ID", request.args["id"]))


@app.route("/<book_uuid>/<width>/<height>/image.jpg")
def cover_image(book_uuid, width, height):
    # ok: SC210
    return redirect(
        IMAGE_HOST
        + "/{book_uuid}/{width}/{height}/false/image.jpg".format(
            book_uuid=book_uuid, width=width, height=height
        ),
        307,
    )


@app.route("/cover/fstring")
def cover_fstring():
    # ok: SC210
    return redirect(f"{IMAGE_HOST}/{request.args['uuid']}/image.jpg")


@app.route("/cover/leading-field")
def cover_leading_field():
    # ok: SC210
    return redirect("{}/{}/image.jpg".format(IMAGE_HOST, request.args["uuid"]))


@app.route("/cover/percent")
def cover_percent():
    # ok: SC210
    return redirect("%s/%s/image.jpg" % (IMAGE_HOST, request.args["uuid"]))


class CoverMirror:
    MIRROR_HOST = "https://mirror.example.com"

    def location(self):
        # ok: SC210
        return redirect(self.MIRROR_HOST + "/{}/image.jpg".format(request.args["uuid"]))

    def by_class(self):
        # ok: SC210
        return redirect(CoverMirror.MIRROR_HOST + "/%s" % request.args["uuid"])


class TenantMirror:
    TENANT_HOST = "https://mirror.example.com"

    def __init__(self):
        self.TENANT_HOST = request.args["tenant"]

    def location(self):
        # expect: SC210
        return redirect(self.TENANT_HOST + "/{}/image.jpg".format(request.args["uuid"]))


class Cdn:
    CDN_HOST = "https://cdn.example.com"

    def location(self):
        # expect: SC210
        return redirect(self.CDN_HOST + "/{}/image.jpg".format(request.args["uuid"]))


class LocalCdn(Cdn):
    CDN_HOST = ""  # served by this site: self.CDN_HOST + "/" + "/evil.example" leaves it


MIRROR_ROOT = "https://mirror.example.com"


def use_mirror(root):
    global MIRROR_ROOT
    MIRROR_ROOT = root


@app.route("/mirror/global")
def mirror_global():
    # expect: SC210
    return redirect(MIRROR_ROOT + "/{}/image.jpg".format(request.args["uuid"]))


class Regional:
    REGION_HOST = "https://eu.example.com"

    def location(self):
        # expect: SC210
        return redirect(self.REGION_HOST + "/{}/image.jpg".format(request.args["uuid"]))


Regional.REGION_HOST = SITE_PREFIX


# -- SC206: a request the server makes ----------------------------------------------------------


@app.route("/fetch/scheme-host")
def fetch_scheme_host():
    scheme = request.args.get("scheme", "https")
    # expect: SC206
    return requests.get("{}://{}/status".format(scheme, request.args["host"]), timeout=5).text


@app.route("/fetch/host-percent")
def fetch_host_percent():
    # expect: SC206
    return requests.get("https://%s/status" % request.args["host"], timeout=5).text


@app.route("/fetch/host-fstring")
def fetch_host_fstring():
    # expect: SC206
    return requests.get(f"https://{request.args['host']}.example.com/", timeout=5).text


@app.route("/fetch/fixed-host")
def fetch_fixed_host():
    # ok: SC206
    return requests.get("https://api.example.com/" + "{}".format(request.args["item"])).text


@app.route("/fetch/constant-host")
def fetch_constant_host():
    # ok: SC206
    return requests.get(API_HOST + "/items/{}".format(request.args["item"]), timeout=5).text


@app.route("/fetch/constant-leading-field")
def fetch_constant_leading_field():
    # ok: SC206
    return requests.get("{}/{}".format(API_HOST, request.args["item"]), timeout=5).text
