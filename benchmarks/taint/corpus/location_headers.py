"""A redirect made by setting the Location header by hand as an item of Django's response
(`response["Location"] = url`; holdout49's probe gave no finding at all, even under --audit): the
same as `HttpResponseRedirect(url)`. A Location built by `reverse()`, another header, a target
checked first, or a Location in a `headers` mapping (a 201 Created answer's) stays quiet."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def end_session(request):
    response = HttpResponse(status=302)
    # expect: SC210
    response["Location"] = request.GET["post_logout_redirect_uri"]
    return response


def moved(request):
    response = HttpResponse(status=301)
    # expect: SC210
    response["location"] = "https://" + request.GET.get("host", "example.com") + "/"
    return response


def created(request):
    response = HttpResponse(status=201)
    # ok: SC210
    response.headers["Location"] = "/items/" + request.GET["name"]
    return response


def home(request):
    response = HttpResponse(status=302)
    # ok: SC210
    response["Location"] = reverse("home")
    return response


def tagged(request):
    response = HttpResponse("ok")
    # ok: SC210
    response["X-Next"] = request.GET["next"]
    return response


def checked(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponse(status=302)
    # ok: SC210
    response["Location"] = target
    return response
