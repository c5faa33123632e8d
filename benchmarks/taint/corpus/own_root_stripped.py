"""This site's root URL with its trailing slash stripped, then a path (holdout10's Khoj shape).

`str(request.base_url).rstrip("/") + "/home"` stays on this site; the same root followed by the
client's text does not: without a "/" first, the text goes on naming the host
(`https://site.example` + `.evil.example`).
"""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

router = APIRouter()


@router.get("/a")
def concatenated(request: Request):
    # ok: SC210
    return RedirectResponse(url=str(request.base_url).rstrip("/") + "/home")


@router.get("/b")
def in_an_fstring(request: Request):
    root = str(request.base_url).rstrip("/")
    # ok: SC210
    return RedirectResponse(url=f"{root}/home")


@router.get("/c")
def the_clients_text_next(request: Request):
    # expect: SC210
    return RedirectResponse(url=str(request.base_url).rstrip("/") + request.query_params["to"])


@router.get("/d")
def another_strip(request: Request):
    # expect: SC210
    return RedirectResponse(url=str(request.base_url).rstrip("/x") + "/home" + request.query_params["p"])
