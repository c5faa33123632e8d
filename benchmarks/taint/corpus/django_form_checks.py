"""What a valid Django form proves of the request data it was given (MobSF, holdout13).

Django runs each field's own checks and its form's `clean_<field>()` on the value the data
holds under the field's name: after `form.is_valid()`, a read of that data under that name, or
a name still bound to one, passed them. A form on other data, a field with no check, a form
that drops its fields and a form rebuilt on other data prove nothing of it.
"""

import os
import re

from django import forms
from django.http import FileResponse, HttpResponseBadRequest

BASE = "/srv/uploads"


class DigestForm(forms.Form):
    digest = forms.CharField()
    kind = forms.ChoiceField(choices=[("apk", "apk"), ("ipa", "ipa")])

    def clean_digest(self):
        value = self.cleaned_data["digest"]
        if not re.fullmatch(r"[0-9a-f]{32}", value):
            raise forms.ValidationError("not an md5")
        return value


class ApiDigestForm(DigestForm):
    token = forms.CharField()


class LooseForm(forms.Form):
    digest = forms.CharField()


class DroppingForm(DigestForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["digest"]


def read_before_the_check(request):
    digest = request.GET["digest"]
    form = DigestForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest()
    # ok: SC205
    return FileResponse(open(os.path.join(BASE, digest), "rb"))


def one_form_per_branch(request, api=False):
    if api:
        digest = request.POST["digest"]
        form = ApiDigestForm(request.POST)
    else:
        digest = request.GET["digest"]
        form = DigestForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest()
    # ok: SC205
    return FileResponse(open(os.path.join(BASE, digest), "rb"))


def read_after_the_check(request):
    form = DigestForm(request.GET)
    if form.is_valid():
        kind = request.GET.get("kind")
        # ok: SC205
        return FileResponse(open(os.path.join(BASE, kind, request.GET["digest"]), "rb"))
    return HttpResponseBadRequest()


def field_without_checks(request):
    digest = request.GET["digest"]
    form = LooseForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest()
    # expect: SC205
    return FileResponse(open(os.path.join(BASE, digest), "rb"))


def form_on_other_data(request):
    digest = request.GET["digest"]
    form = DigestForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    # expect: SC205
    return FileResponse(open(os.path.join(BASE, digest), "rb"))


def form_drops_the_field(request):
    digest = request.GET["digest"]
    form = DroppingForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest()
    # expect: SC205
    return FileResponse(open(os.path.join(BASE, digest), "rb"))


def form_rebuilt_before_the_check(request):
    digest = request.GET["digest"]
    form = DigestForm(request.GET)
    form = LooseForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest()
    # expect: SC205
    return FileResponse(open(os.path.join(BASE, digest), "rb"))


def name_rebound_after_the_form(request):
    digest = request.GET["digest"]
    form = DigestForm(request.GET)
    digest = request.GET["other"]
    if not form.is_valid():
        return HttpResponseBadRequest()
    # expect: SC205
    return FileResponse(open(os.path.join(BASE, digest), "rb"))
