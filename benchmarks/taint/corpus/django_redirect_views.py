"""Django class-based views redirect to what a method returns: a `RedirectView` to its
`get_redirect_url()` (holdout11's ephios OIDC callback, which returns the `next` its login view
kept in the session), an editing view to its `get_success_url()` once the form is valid, a
`LoginView` to `get_success_url()`, which asks `get_redirect_url()` (Django's own checks the
URL; an override may not). A checked URL, `reverse()`, and a method of the same name on a class
that is no such view are not redirects.
"""

from django.contrib.auth.views import LoginView
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import CreateView, RedirectView, View
from django.views.generic.edit import UpdateView


class OIDCLoginView(RedirectView):
    def get_redirect_url(self, *args, **kwargs):
        self.request.session["oidc_login_next"] = self.request.GET.get("next", None)
        return "https://id.example.com/authorize"


class OIDCCallbackView(RedirectView):
    def get_redirect_url(self, *args, **kwargs):
        # expect: SC210
        return self.request.session.get("oidc_login_next") or "/"


class GoView(RedirectView):
    def get_redirect_url(self, *args, **kwargs):
        target = self.request.GET.get("to", "/")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            target = "/"
        # ok: SC210
        return target


class NoteCreate(CreateView):
    fields = ["title"]

    def get_success_url(self):
        # expect: SC210
        return self.request.GET.get("next", reverse("notes"))


class NoteUpdate(UpdateView):
    fields = ["title"]

    def get_success_url(self):
        # ok: SC210
        return reverse("note", args=[self.object.pk])


class TrustingLogin(LoginView):
    def get_redirect_url(self):
        # expect: SC210
        return self.request.POST.get("next", self.request.GET.get("next", ""))


class Report(View):
    def get_success_url(self):
        # ok: SC210
        return self.request.GET.get("next", "/")
