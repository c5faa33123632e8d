"""CherryPy's page handlers: an exposed method (`@cherrypy.expose`, `@cherrypy.expose()`, or
`method.exposed = True` after it) gets the query string's and the form's fields as keyword
arguments and the path segments past its name as positional ones, so every parameter is the
client's text, whatever its default; under the `MethodDispatcher` an exposed class answers
each HTTP method with the method of that name. `cherrypy.request` holds the rest (`params`,
`headers`, `cookie`, the `json` of the `json_in` tool), and `raise cherrypy.HTTPRedirect(url)`
redirects. (holdout25's rdiffweb and holdout19's CherryMusic: CherryPy had no sources.)
"""

import os
import sqlite3
import subprocess

import cherrypy


class Root:
    @cherrypy.expose
    def download(self, path):
        # expect: SC205
        return open(os.path.join("/srv/music", path), "rb").read()

    @cherrypy.expose()
    def search(self, q=None, limit=10):
        db = sqlite3.connect("songs.db")
        # expect: SC201
        return db.execute("SELECT title FROM songs WHERE title LIKE '%s'" % q).fetchall()

    @cherrypy.expose
    def login(self, *args, **kwargs):
        # expect: SC210
        raise cherrypy.HTTPRedirect(kwargs.get("next", "/"))

    @cherrypy.expose
    def tree(self, *segments):
        # expect: SC205
        return open(os.path.join("/srv/tree", *segments)).read()

    def convert(self, name):
        # expect: SC202
        subprocess.run("convert " + name, shell=True)

    convert.exposed = True

    @cherrypy.expose
    def params(self):
        name = cherrypy.request.params.get("name")
        # expect: SC205
        return open("/srv/files/" + name).read()

    @cherrypy.expose
    @cherrypy.tools.json_in()
    def api(self):
        data = cherrypy.request.json
        # expect: SC202
        os.system("lpr " + data["file"])

    @cherrypy.expose
    def theme(self):
        # expect: SC205
        return open("/srv/themes/" + cherrypy.request.cookie["theme"].value).read()

    @cherrypy.expose
    def fixed(self, name):
        if name not in ("a.txt", "b.txt"):
            raise cherrypy.HTTPError(400)
        # ok: SC205
        return open(os.path.join("/srv", name)).read()

    @cherrypy.expose
    def home(self):
        # ok: SC210
        raise cherrypy.HTTPRedirect("/index")

    def _read(self, path):
        # ok: SC205
        return open(os.path.join("/srv/own", path)).read()

    @cherrypy.expose
    def index(self):
        return self._read("index.html")


@cherrypy.expose
class Songs:
    def GET(self, song_id=None):
        # expect: SC205
        return open("/srv/songs/" + song_id).read()

    def load(self, song_id):
        # ok: SC205
        return open("/srv/songs/" + song_id).read()


class Albums:
    exposed = True

    def PUT(self, name, body=""):
        # expect: SC205
        with open("/srv/albums/" + name, "w") as handle:
            handle.write(body)


class Plain:
    def GET(self, name):
        # ok: SC205
        return open("/srv/plain/" + name).read()


def loose(path):
    # ok: SC205
    return open("/srv/loose/" + path).read()


class Helpers:
    def report(self, name):
        # ok: SC205
        return open("/srv/reports/" + name).read()


def legacy_page(name):
    # expect: SC205
    return open("/srv/legacy/" + name).read()


legacy_page.exposed = True


class Site:
    """holdout27's IdeaPy: the request's own path, through the class's helpers, to a file."""

    @cherrypy.expose
    def default(self, *args, **kwargs):
        return self._serve(cherrypy.request.path_info)

    def _serve(self, path):
        return self._file(os.path.realpath("/srv/www" + path))

    def _file(self, path):
        # expect: SC205
        return open(path, "rb").read()
