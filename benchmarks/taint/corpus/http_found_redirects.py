"""Redirect responses raised or returned by status: aiohttp's and Pyramid's `HTTPFound`."""

from aiohttp import web
from pyramid.httpexceptions import HTTPFound, HTTPSeeOther
from pyramid.view import view_config

SAFE_TARGETS = frozenset({"/", "/dashboard"})


async def aiohttp_login(request):
    target = request.query.get("next", "/")
    # expect: SC210
    raise web.HTTPFound(target)


async def aiohttp_login_form(request: web.Request):
    data = await request.post()
    # expect: SC210
    raise web.HTTPSeeOther(location=data["next"])


async def aiohttp_tab(request):
    # ok: SC210
    raise web.HTTPFound("/tabs/" + request.match_info["tab"])


@view_config(route_name="login")
def pyramid_login(request):
    came_from = request.params.get("came_from", "/")
    # expect: SC210
    return HTTPFound(location=came_from)


@view_config(route_name="logout")
def pyramid_logout(request):
    came_from = request.params.get("came_from", "/")
    if came_from not in SAFE_TARGETS:
        came_from = "/"
    # ok: SC210
    return HTTPSeeOther(location=came_from)


@view_config(route_name="home")
def pyramid_home(request):
    # ok: SC210
    return HTTPFound(location=request.route_url("home"))
