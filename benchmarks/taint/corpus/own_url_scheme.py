"""The scheme of the request's own URL is the server's http or https, no sender's text.

holdout41's fief sends an admin who created a workspace to
`f"{request.url.scheme}://{workspace.domain}/admin/"`, a domain the server made: the scheme
cannot choose where the URL goes. The `expect` lines keep it honest: the host, the query and
the whole URL of the request after a fixed scheme are still the sender's.
"""

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

app = FastAPI()
ROOT_DOMAIN = "example.net"


@app.post("/workspaces")
async def create_workspace(request: Request):
    domain = f"ws-{len(ROOT_DOMAIN)}.{ROOT_DOMAIN}"
    # ok: SC210
    return RedirectResponse(f"{request.url.scheme}://{domain}/admin/", status_code=302)


@app.get("/to-host")
async def to_host(request: Request):
    # expect: SC210
    return RedirectResponse(f"https://{request.url.hostname}.{request.query_params['zone']}/")


@app.get("/to-query")
async def to_query(request: Request):
    # expect: SC210
    return RedirectResponse(f"{request.url.scheme}://{request.url.query}")
