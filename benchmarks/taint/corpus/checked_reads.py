"""A guard on a read of the request's data, then the same read again, and a value placed after
a literal `?` by `str.format` (holdout9's pretix shapes).

`request.GET` is immutable while the request is handled, so `request.GET.get("next")` written
the same way gives the value the guard checked. The `expect` lines keep it honest: another key,
a read with a default (another expression), the unchecked branch, and a mutable dict.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from .urls import event_url


def login_done(request):
    if "next" in request.GET and url_has_allowed_host_and_scheme(request.GET.get("next"), None):
        # ok: SC210
        return redirect(request.GET.get("next"))
    return redirect("/")


def logout_done(request):
    if not url_has_allowed_host_and_scheme(request.GET["next"], allowed_hosts=None):
        return redirect("/")
    # ok: SC210
    return HttpResponseRedirect(request.GET["next"])


def other_key(request):
    if url_has_allowed_host_and_scheme(request.GET.get("next"), None):
        # expect: SC210
        return redirect(request.GET.get("back"))
    return redirect("/")


def unchecked_branch(request):
    if url_has_allowed_host_and_scheme(request.GET.get("next"), None):
        pass
    else:
        # expect: SC210
        return redirect(request.GET.get("next"))
    return redirect("/")


def after_either_branch(request):
    if request.user.is_staff:
        if not url_has_allowed_host_and_scheme(request.GET.get("next"), None):
            pass
    # expect: SC210
    return redirect(request.GET.get("next"))


def copied_then_changed(request):
    data = dict(request.GET.items())
    if url_has_allowed_host_and_scheme(data.get("next"), None):
        data["next"] = request.POST["next"]
        # expect: SC210
        return redirect(data.get("next"))
    return redirect("/")


def open_in_new_tab(request):
    # ok: SC210
    return redirect(event_url() + "?cart_id={}".format(request.GET["cart"]))


def tab_with_target(request, event):
    # expect: SC210
    return redirect("{}?require_cookie=true".format(request.GET["target"]))


def tab_with_named_fields(request):
    # expect: SC210
    return redirect("{host}/cart?cart_id={cart}".format(host=request.GET["h"], cart="1"))
