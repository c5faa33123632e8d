"""A Jupyter kernel client's `execute(code)` runs code in the kernel, whatever its language
(holdout21's Kernel Gateway: the request, wrapped in a string of the kernel's language, is run
before the cell). Code injection (SC203), never SQL (SC201), though DB-API cursors share the
method's name. The client is known by its own name or by the call its name was bound to
(`client = kernel_manager.client()`, holdout26's sparkmagic).
"""

import sqlite3

import tornado.web


class KernelHandler(tornado.web.RequestHandler):
    def initialize(self, kernel_client):
        self.kernel_client = kernel_client

    def post(self):
        code = self.get_body_argument("code")
        # expect: SC203; ok: SC201
        self.kernel_client.execute(code)

    def put(self):
        # A Python literal is inert in a Python kernel only: a bash kernel reads it as shell.
        cell = "REQUEST = %r\n" % self.request.body.decode()
        # expect: SC203; ok: SC201
        self.kernel_client.execute(cell)

    def get(self):
        db = sqlite3.connect("app.db")
        # expect: SC201; ok: SC203
        db.execute("SELECT * FROM notes WHERE title = '%s'" % self.get_argument("title"))


class ReconnectHandler(tornado.web.RequestHandler):
    async def post(self):
        endpoint = self.get_body_argument("endpoint")
        kernel_manager = await self._kernel_manager()
        client = kernel_manager.client()
        code = "%%_do_not_call_change_endpoint -s {}".format(endpoint)
        # expect: SC203; ok: SC201
        client.execute(code, silent=False, store_history=False)

    async def _kernel_manager(self):
        return self.settings["kernel_manager"]
