"""A request handler of the standard library's http.server (holdout11's HASS Configurator).

`BaseHTTPRequestHandler` hands its subclass the request on `self`: the target as sent
(`self.path`, which may be `//evil.example`), the headers, the body (`self.rfile`). The `ok`
lines keep it honest: the same attribute names on a class that handles no request, and the
handler's own attribute.
"""

import os
import subprocess
from http.server import BaseHTTPRequestHandler, HTTPServer

ROOT = "/srv/www"


class Handler(BaseHTTPRequestHandler):
    root = ROOT

    def do_GET(self):
        # expect: SC205
        with open(os.path.join(ROOT, self.path.lstrip("/")), "rb") as handle:
            self.wfile.write(handle.read())

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        body = self.rfile.read(length).decode()
        # expect: SC202
        subprocess.run("echo " + body, shell=True)

    def do_HEAD(self):
        # ok: SC205
        return open(os.path.join(self.root, "index.html"))


class Quiet(Handler):
    def do_PUT(self):
        # expect: SC202
        subprocess.run("logger " + self.headers["X-Note"], shell=True)


class Job:
    def __init__(self, path):
        self.path = path

    def run(self):
        # ok: SC205
        return open(self.path)


def upload_handler(output_dir):
    # holdout29's qr-filetransfer: the handler class is built by a function, configured by
    # its arguments; its methods read the request as any handler's do.
    class Upload(BaseHTTPRequestHandler):
        def do_POST(self):
            name = self.rfile.readline().decode().strip()
            # expect: SC205
            with open(os.path.join(output_dir, name), "wb") as out:
                out.write(self.rfile.read(int(self.headers["Content-Length"])))

    class Report:
        def __init__(self, path):
            self.path = path

        def read(self):
            # ok: SC205
            return open(self.path).read()

    return Upload, Report


HTTPServer(("127.0.0.1", 8000), Handler).serve_forever()
