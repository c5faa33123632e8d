"""Tornado passes a `RequestHandler`'s HTTP methods the groups its URL pattern captured from the
request's path, unquoted (holdout28's ereb: `(r"/tasks/([^/]*)/?(\\w*)", TasksHandler)` gives
`get(self, task_id, action)` the client's text). The patterns are usually in another module, so
a method's parameters are the client's whatever the pattern; a helper's are its caller's.
"""

import os
import sqlite3
import subprocess

import tornado.web


class TasksHandler(tornado.web.RequestHandler):
    def get(self, task_id, action=""):
        db = sqlite3.connect("tasks.db")
        # expect: SC201
        rows = db.execute("SELECT * FROM runs WHERE task_id = '%s'" % task_id).fetchall()
        self.write({"rows": rows, "action": action})

    def delete(self, task_id):
        # expect: SC205
        os.remove(os.path.join("/var/lib/tasks", task_id + ".json"))

    def _run(self, name):
        # ok: SC202 a helper: its caller's value (none here)
        subprocess.run("run-task " + name, shell=True)


class BaseHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.db = sqlite3.connect("tasks.db")


class LogHandler(BaseHandler):
    def get(self, *parts):
        # expect: SC205
        self.write(open(os.path.join("/var/log/tasks", *parts)).read())

    def post(self, name):
        if name not in ("daily", "weekly"):
            raise tornado.web.HTTPError(400)
        # ok: SC202
        subprocess.run("rotate " + name, shell=True)


class Worker:
    def get(self, key):
        # ok: SC205 not a request handler
        return open("/var/cache/" + key).read()
