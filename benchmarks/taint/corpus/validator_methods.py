"""A method of the handler's own class that validates its argument, called on `self`.

holdout14's nbviewer: `LocalFileHandler.get(path)` refuses with `if not self.can_show(fullpath):
raise HTTPError(404)`, and `can_show(self, path)` returns False unless `realpath(join(base,
path))` starts with the served folder. Such a method is read as a function of its other
parameters, and a prefix test of a normalized path it built from one confines that parameter.
A method whose body proves nothing, a test of the path as written or against a prefix with no
separator after the folder, a static method's first parameter and a method of another class keep
the value tainted.
"""

import os

import tornado.web

BASE = "/srv/notebooks"


class Folder(tornado.web.RequestHandler):
    def can_show(self, path):
        fullpath = os.path.realpath(os.path.join(BASE, path))
        if not fullpath.startswith(BASE + os.sep):
            return False
        if not os.path.exists(fullpath):
            return False
        return True

    def looks_fine(self, path):
        full = os.path.join(BASE, path)
        if not full.startswith(BASE + os.sep):
            return False
        return True

    def exists(self, path):
        return os.path.exists(os.path.join(BASE, path))

    @staticmethod
    def checked(base, path):
        full = os.path.realpath(os.path.join(base, path))
        return full.startswith(base + os.sep)

    def get(self):
        path = self.get_argument("path")
        if not self.can_show(path):
            raise tornado.web.HTTPError(404)
        # ok: SC205
        with open(os.path.join(BASE, path)) as f:
            self.write(f.read())

    def post(self):
        path = self.get_argument("path")
        if not self.looks_fine(path):
            raise tornado.web.HTTPError(404)
        # expect: SC205
        with open(os.path.join(BASE, path)) as f:
            self.write(f.read())

    def put(self):
        path = self.get_argument("path")
        if self.exists(path):
            # expect: SC205
            os.remove(os.path.join(BASE, path))

    def delete(self):
        path = self.get_argument("path")
        if self.checked(path, BASE):
            # expect: SC205
            os.remove(os.path.join(BASE, path))

    def patch(self):
        path = self.get_argument("path")
        if self.checked(BASE, path):
            # ok: SC205
            os.remove(os.path.join(BASE, path))


class Files(tornado.web.RequestHandler):
    # holdout18's Flask-Admin `is_in_folder()`: a text prefix with no separator after the base
    # lets a sibling folder whose name starts with the base's through.
    def is_in_folder(self, base_path, directory):
        return os.path.normpath(directory).startswith(base_path)

    def get(self):
        path = os.path.join(BASE, self.get_argument("path"))
        if not self.is_in_folder(BASE, path):
            raise tornado.web.HTTPError(404)
        # expect: SC205
        with open(path) as f:
            self.write(f.read())


class Login(tornado.web.RequestHandler):
    # holdout30's aird: a method named for a check is read by its body, which lets
    # "/\\evil.example" through (browsers read it as "//evil.example").
    def _is_safe_redirect_url(self, url):
        if not url.startswith("/") or url.startswith("//"):
            return False
        return True

    def get(self):
        next_url = self.get_argument("next", "/files/")
        if self._is_safe_redirect_url(next_url):
            # expect: SC210
            self.redirect(next_url)


class Other(tornado.web.RequestHandler):
    def can_show(self, path):
        return True

    def get(self):
        path = self.get_argument("path")
        if not self.can_show(path):
            raise tornado.web.HTTPError(404)
        # expect: SC205
        with open(os.path.join(BASE, path)) as f:
            self.write(f.read())
