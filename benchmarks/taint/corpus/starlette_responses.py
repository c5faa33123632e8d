"""Starlette's and FastAPI's plain `Response(content, status_code, headers, media_type)` is an
HTML response only when its media type says so (fiftyone's screenshot page, holdout50, renders
`?proxy=` into a Jinja2 template without autoescape and answers it as text/html); with a text
media type, or none (no Content-Type is sent), it is not reported."""

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.responses import Response as StarletteResponse

app = FastAPI()


@app.get("/screenshot")
async def screenshot(request: Request) -> Response:
    proxy = request.query_params.get("proxy", "")
    # expect: SC207
    return Response(content="<html><base href='" + proxy + "'></html>", media_type="text/html")


@app.get("/page")
async def page(request: Request) -> StarletteResponse:
    # expect: SC207
    return StarletteResponse(request.query_params["body"], 200, None, "text/html; charset=utf-8")


@app.get("/plain")
async def plain(request: Request) -> Response:
    # ok: SC207
    return Response(content=request.query_params.get("q", ""), media_type="text/plain")


@app.get("/untyped")
async def untyped(q: str) -> Response:
    # ok: SC207
    return Response(q)
