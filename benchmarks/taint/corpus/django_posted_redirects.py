"""Django views that redirect to a posted `next`: which of them a link can aim elsewhere.

Django's CSRF middleware refuses a post that no page of the site made, so a posted field is the
victim's own, from a form the site rendered. It chooses where the redirect goes only when the
view first copies it from a link's query string (`?next=` into a hidden input, then posted
back). All of these are found (labelled `expect`); `tests/test_taint_threats.py` checks which
keep the rule's severity and which are reported at info with the reason.
"""

from django import forms
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt


def save_settings(request):
    if request.method == "POST":
        redirect_to = request.POST.get("next", "")
        if redirect_to:
            # expect: SC210
            return HttpResponseRedirect(redirect_to)
    return render(request, "settings.html")


def edit_email(request):
    # The page renders `next` from the link into its form; the post sends it back.
    next_url = request.GET.get("next", "")
    if request.method == "POST":
        next_url = request.POST.get("next", "")
        # expect: SC210
        return HttpResponseRedirect(next_url)
    return render(request, "edit.html", {"next": next_url})


class ConfirmMixin:
    def get_context_data(self):
        return {"next": self.request.GET.get("next")}


class ConfirmView(ConfirmMixin):
    def post(self, request):
        # expect: SC210
        return redirect(request.POST["next"])


class ProfileView:
    def get(self, request):
        return render(request, "profile.html", {"tab": request.GET.get("tab")})

    def post(self, request):
        # expect: SC210
        return redirect(request.POST["next"])


@csrf_exempt
def webhook_done(request):
    # expect: SC210
    return redirect(request.POST["return_to"])


def whole_form(request):
    data = request.POST
    # expect: SC210
    return redirect(data["next"])


class NextForm(forms.Form):
    next = forms.CharField()


def form_next(request):
    form = NextForm(request.POST)
    if form.is_valid():
        # expect: SC210
        return redirect(form.cleaned_data["next"])
    return render(request, "next.html")


class SubmitUpstreamView:
    # The posted field is read by a method of the view that the handler calls (tomtoolkit's
    # `get_redirect_url()`), the Referer its fallback: no link sets either.
    def get_redirect_url(self):
        next_url = self.request.POST.get("redirect_url")
        return next_url if next_url else self.request.META.get("HTTP_REFERER", "/")

    def post(self, request):
        # expect: SC210
        return redirect(self.get_redirect_url())


class CopiedUpstreamView:
    def get_context_data(self):
        return {"redirect_url": self.request.GET.get("redirect_url")}

    def get_redirect_url(self):
        return self.request.POST.get("redirect_url") or "/"

    def post(self, request):
        # expect: SC210
        return redirect(self.get_redirect_url())


def posted_target(request):
    return request.POST.get("after", "/")


def save_profile(request):
    # expect: SC210
    return redirect(posted_target(request))


def linked_target(request):
    return request.POST.get("back") or request.GET.get("back", "/")


def save_address(request):
    # expect: SC210
    return redirect(linked_target(request))
