"""Each element of a tuple keeps its own taint (holdout8's Mezzanine `initial_validation` shape).

`obj, post_data = response`, where a helper returned `obj, post_data` (or a response to send
back), binds obj to the object and post_data to the request's data, not both to both. The
`expect` lines keep it honest: the tainted element itself, a helper that also returns tainted
data outside a tuple, a name rebound to another tuple, and a list changed in place.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect


def lookup(request):
    data = request.POST
    if "id" not in data:
        return HttpResponseBadRequest()
    return "/thanks", data


def literal_pair(request):
    url, data = "/home", request.GET["x"]
    # ok: SC210
    return redirect(url)


def checked_result(request):
    result = lookup(request)
    if isinstance(result, HttpResponse):
        return result
    target, data = result
    # ok: SC210
    return redirect(target)


def direct_unpack(request):
    target, data = lookup(request)
    # ok: SC210
    return redirect(target)


def the_data_itself(request):
    target, data = lookup(request)
    # expect: SC210
    return redirect(data["next"])


def either(request):
    if request.GET.get("raw"):
        return request.GET["next"]
    return "/a", "/b"


def mixed_returns(request):
    first, second = either(request)
    # expect: SC210
    return redirect(first)


def rebound(request):
    pair = ("/a", request.GET["x"])
    pair = (request.GET["y"], "/b")
    first, second = pair
    # expect: SC210
    return redirect(first)


def changed_list(request):
    pair = ["/a", "/b"]
    pair[0] = request.GET["n"]
    first, second = pair
    # expect: SC210
    return redirect(first)
