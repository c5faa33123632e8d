"""Pyramid view callables: `view(request)` and `view(context, request)`.

With traversal, Pyramid calls a view with the resource the URL found and then the request
(Kotti's `logout(context, request)` redirects to `?came_from=` unchecked). Either way the
request's `params` are the sender's text; WebOb's `application_url` and `path_url` are this
request's own root and URL, which keep a redirect on the site.
"""

import os

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


@view_config(context="pyramid.httpexceptions.HTTPNotFound")
def notfound(request):
    # holdout27's devpi-web: the request's own path again, without its trailing slash, on
    # WebOb's `application_url` (this request's scheme, host and script name)
    path = request.environ["PATH_INFO"].rstrip("/")
    qs = request.query_string
    # ok: SC210
    return HTTPFound(location=request.application_url + path + ("?" + qs if qs else ""))


@view_config(name="next")
def after(request):
    # ok: SC210
    return HTTPFound(location=request.path_url + "?page=" + request.params["page"])


@view_config(name="jump")
def jump(request):
    # expect: SC210 the root's text is no barrier when the client's text comes first
    return HTTPFound(location=request.params["to"] + request.application_url)


# A route's placeholders (`config.add_route("shot", "/shots/{id}")`) are the URL's text, as
# are the body Pyramid parses for `json_body` (stalker_pyramid's `shot.py` formats them into SQL).
@view_config(route_name="shot")
def shot(request):
    shot_id = request.matchdict.get("id", -1)
    sql = "select * from shots where id = %s" % shot_id
    # expect: SC201
    return request.dbsession.connection().execute(sql).fetchall()


@view_config(route_name="shot_bound")
def shot_bound(request):
    shot_id = request.matchdict["id"]
    # ok: SC201
    return request.dbsession.connection().execute("select * from shots where id = %s", (shot_id,))


@view_config(route_name="rename", request_method="POST")
def rename(request):
    name = request.json_body["name"]
    sql = "update shots set name = '%s'" % name
    # expect: SC201
    return request.dbsession.connection().execute(sql)


@view_config(route_name="template")
def template(request):
    from pyramid.response import FileResponse

    # Pyramid's FileResponse sends the file at the path it is given (tailbone's template
    # download joins `?file=` to its folder)
    # expect: SC205
    return FileResponse(os.path.join("/srv/templates", request.GET["file"]), request=request)
