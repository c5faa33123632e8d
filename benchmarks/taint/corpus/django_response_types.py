"""Django's `HttpResponse(content, content_type, status, ...)` takes its content type second.

holdout42's django-crm-admin answers a VoIP provider's echo check with
`HttpResponse(request.GET.get('zd_echo'), '')`: a literal content type that is not HTML, given
by position, as `content_type="text/plain"` is by keyword. The `expect` lines keep it honest: no
content type, `None` (Django's default, text/html), an HTML one by position, and Flask's
`Response`, whose second argument is the status.
"""

from django.http import HttpResponse
from flask import Flask, Response, request as flask_request

app = Flask(__name__)


def echo(request):
    # ok: SC207
    return HttpResponse(request.GET.get("zd_echo"), "")


def echo_text(request):
    # ok: SC207
    return HttpResponse(request.GET.get("msg"), "text/plain; charset=utf-8", 200)


def echo_default(request):
    # expect: SC207
    return HttpResponse(request.GET.get("msg"), None)


def echo_html(request):
    # expect: SC207
    return HttpResponse(request.GET.get("msg"), "text/html")


def echo_plain_keyword_none(request):
    # expect: SC207
    return HttpResponse(request.GET.get("msg"), content_type=None)


@app.route("/echo")
def flask_echo():
    # expect: SC207
    return Response(flask_request.args.get("msg"), 200)
