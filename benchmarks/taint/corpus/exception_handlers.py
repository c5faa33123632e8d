"""Sinks inside `except` handlers that leave.

A view saves what the request names and, when that fails, answers with an error page that
echoes the name (graphite-web's composer, its issue 2794). Handlers that all return or raise
used to be skipped: the code after the `try` runs only if the body finished, so the handlers'
own statements were never read. They run from any point of the body, so a value the body
checks or converts is still the raw one there; what they escape, or bind for themselves,
stays clean.
"""

from django.http import HttpResponse
from django.utils.html import escape


def save_graph(request):
    name = request.GET.get("graphName")
    try:
        store(name)
    except Exception:
        # expect: SC207
        return HttpResponse("<p>Failed to save %s</p>" % name)
    return HttpResponse("saved")


def save_graph_checked_late(request):
    name = request.GET.get("graphName", "")
    try:
        count = int(name)
        store(count)
    except ValueError:
        # expect: SC207
        return HttpResponse(f"<p>{name} is not a number</p>")
    return HttpResponse("saved")


def save_graph_escaped(request):
    name = request.GET.get("graphName")
    try:
        store(name)
    except Exception:
        # ok: escaped
        return HttpResponse("<p>Failed to save %s</p>" % escape(name))
    return HttpResponse("saved")


def save_graph_own_message(request):
    name = request.GET.get("graphName")
    try:
        store(name)
    except KeyError:
        message = "no such graph"
        # ok: the handler's own text
        return HttpResponse(f"<p>{message}</p>")
    except OSError:
        raise
    return HttpResponse("saved")


def store(value):
    return value
