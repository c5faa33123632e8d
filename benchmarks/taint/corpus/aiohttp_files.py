"""aiohttp's `web.FileResponse(path)` sends the file at the path it is given: a name from the
query joined to a folder is a path traversal; its base name alone is not."""

import os

from aiohttp import web

DOCS = "/srv/docs"


async def download(request: web.Request) -> web.FileResponse:
    name = request.query["name"]
    # expect: SC205
    return web.FileResponse(os.path.join(DOCS, name))


async def download_base_name(request: web.Request) -> web.FileResponse:
    name = os.path.basename(request.query["name"])
    # ok: SC205
    return web.FileResponse(os.path.join(DOCS, name))
