"""Pyramid view callables: `view(request)` and `view(context, request)`.

With traversal, Pyramid calls a view with the resource the URL found and then the request
(Kotti's `logout(context, request)` redirects to `?came_from=` unchecked). Either way the
request's `params` are the sender's text.
"""

from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config


@view_config(name="logout")
def logout(context, request):
    location = request.params.get("came_from", request.application_url)
    # expect: SC210
    return HTTPFound(location=location)


@view_config(name="login")
def login(request):
    # expect: SC210
    return HTTPFound(location=request.params["came_from"])


@view_config(name="saved")
def saved(context, request):
    # ok: SC210 this page again, with another query
    return HTTPFound(location=request.url.split("?")[0] + "?saved=1")
