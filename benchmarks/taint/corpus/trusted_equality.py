"""A value equal to one no attacker chose, and templates held in module constants.

Misago answers a site-verification request with the token only past
`if token != request.settings.google_site_verification: raise Http404`: the token echoed is the
configured one. Equality with a value of no untrusted origin proves the text; equality between
two request values, a test that does not leave, or a test of something computed from the value
(`len(token) == size`) does not.

A `%` or `str.format` template kept in a module constant (`SFS_API_URL % {...}`) fixes the
scheme and host as the same template written inline does; a constant that leaves the host
open, or one rebound, does not.
"""

import requests
from django.conf import settings
from django.http import Http404, HttpResponse

SFS_API_URL = "http://api.stopforumspam.org/api?email=%(email)s&ip=%(ip)s&f=json"
PROFILE_API = "https://api.example.com/users/{}"
OPEN_TEMPLATE = "%s/api/users"
TOKEN_SIZE = 32
REBOUND_URL = "https://api.example.com/%s"
if settings.DEBUG:
    REBOUND_URL = "%s"


def google_site_verification(request, token):
    if token != request.settings.google_site_verification:
        raise Http404()
    # ok: equal to the configured token
    return HttpResponse("google-site-verification: google%s.html" % token)


def verification_from_settings(request):
    token = request.GET.get("token", "")
    if token == settings.SITE_TOKEN:
        # ok: equal to the configured token
        return HttpResponse("<p>%s</p>" % token)
    return HttpResponse("no")


def equal_to_another_request_value(request):
    token = request.GET.get("token", "")
    if token != request.GET.get("confirm"):
        raise Http404()
    # expect: SC207
    return HttpResponse("<p>%s</p>" % token)


def check_that_does_not_leave(request, token):
    if token != settings.SITE_TOKEN:
        print("unexpected token")
    # expect: SC207
    return HttpResponse("<p>%s</p>" % token)


def length_only(request, token):
    if len(token) != TOKEN_SIZE:
        raise Http404()
    # expect: SC207
    return HttpResponse("<p>%s</p>" % token)


def spam_check(request):
    email = request.POST["email"]
    # ok: the constant's template fixes the host
    return requests.get(SFS_API_URL % {"email": email, "ip": "127.0.0.1"}, timeout=5)


def profile(request):
    # ok: the constant's template fixes the host
    return requests.get(PROFILE_API.format(request.GET["id"]), timeout=5).json()


def open_template(request):
    # expect: SC206
    return requests.get(OPEN_TEMPLATE % request.GET["base"], timeout=5).json()


def rebound_template(request):
    # expect: SC206
    return requests.get(REBOUND_URL % request.GET["path"], timeout=5).json()
