"""A value appended to a URL that already holds a `?` (holdout9's pretix cart shape).

Once a name's text holds a `?` or `#`, anything appended to it is in the query or fragment and
cannot move the scheme, host or path: `if "?" in u: u += "&a=1" else: u += "?a=1"`, then
`u += "&cart_id=" + value`. The `expect` lines keep it honest: only one branch adding the `?`,
a name rebound after it, a format spec that may cut the `?` off, and a value placed before it.
"""

from django.shortcuts import redirect

from .urls import event_url


def cart_url(request):
    u = event_url()
    if "?" in u:
        u += "&require_cookie=true"
    else:
        u += "?require_cookie=true"
    u += "&cart_id={}".format(request.GET["cart"])
    # ok: SC210
    return redirect(u)


def fragment_then_value(request):
    u = event_url() + "#tab"
    # ok: SC210
    return redirect(u + request.GET["tab"])


def fstring_after_marked(request):
    u = f"{event_url()}?page=1"
    # ok: SC210
    return redirect(f"{u}&q={request.GET['q']}")


def only_one_branch(request):
    u = event_url()
    if request.user.is_staff:
        u += "?staff=1"
    u += request.GET["next"]
    # expect: SC210
    return redirect(u)


def rebound(request):
    u = event_url() + "?a=1"
    u = request.GET["base"]
    u += "&x=1"
    # expect: SC210
    return redirect(u)


def cut_by_format_spec(request):
    u = event_url() + "?a=1"
    # expect: SC210
    return redirect(f"{u:.1}{request.GET['next']}")


def value_before_the_query(request):
    u = request.GET["next"] + "?a=1"
    u += "&b=2"
    # expect: SC210
    return redirect(u)


def not_in_check(request):
    u = request.GET["next"]
    if "?" not in u:
        # expect: SC210
        return redirect(u + "&x=1")
    return redirect(event_url())
