"""A WebOb application (pydap's `DapServer`, holdout45): `@wsgify` calls `__call__(self, req)`
with a WebOb request built from the WSGI environ, and `webob.static.FileApp(path)` sends the
one file at the path it is given. The request's path joined to a folder and checked with a
prefix test that has no separator after the folder reaches sibling folders (`/srv/data-old`
starts with `/srv/data`); the same test with the separator, and a base name, do not. (WebOb's
`Response` is no XSS sink yet: see `sinks/xss.py`.)"""

import os

from webob.dec import wsgify
from webob.exc import HTTPForbidden
from webob.static import FileApp

DATA = "/srv/data"


class DataServer:
    def __init__(self, path: str) -> None:
        self.path = os.path.abspath(path)

    @wsgify
    def __call__(self, req):
        path = os.path.abspath(os.path.join(self.path, *req.path_info.split("/")))
        if not path.startswith(self.path):
            return HTTPForbidden()
        # expect: SC205
        return FileApp(path)


class CheckedServer:
    @wsgify
    def __call__(self, req):
        path = os.path.abspath(os.path.join(DATA, req.params["name"]))
        if not path.startswith(DATA + os.sep):
            return HTTPForbidden()
        # ok: SC205
        return FileApp(path)


@wsgify
def download(req):
    name = os.path.basename(req.params["name"])
    # ok: SC205
    return FileApp(os.path.join(DATA, name))

