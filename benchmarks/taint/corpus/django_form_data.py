"""Values read back from a Django form built on the request's data (holdout19's
django-debug-toolbar, CVE-2021-30459): `form.cleaned_data["raw_sql"]` is the posted text after
the field's cleaning. A CharField whose `clean_<field>()` only tests a prefix leaves it the
attacker's SQL; a closed field type or a cleaner that proves the value keeps it out.
"""

from django import forms
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest


class SelectForm(forms.Form):
    raw_sql = forms.CharField()
    limit = forms.IntegerField()
    table = forms.ChoiceField(choices=[("auth_user", "users"), ("auth_group", "groups")])

    def clean_raw_sql(self):
        value = self.cleaned_data["raw_sql"]
        if not value.lower().startswith("select"):
            raise forms.ValidationError("Only SELECT")
        return value


def run_select(request):
    form = SelectForm(request.POST or None)
    if not form.is_valid():
        return HttpResponseBadRequest("invalid")
    with connection.cursor() as cursor:
        # expect: SC201
        cursor.execute(form.cleaned_data["raw_sql"])
        # ok: SC201
        cursor.execute("SELECT * FROM %s LIMIT %d" % (form.cleaned_data["table"],
                                                      form.cleaned_data["limit"]))
        # expect: SC201
        cursor.execute("EXPLAIN " + form.cleaned_data.get("raw_sql"))
    return HttpResponse("done")


def rebound(request):
    form = SelectForm(request.POST)
    if form.is_valid():
        form = SelectForm(initial={"raw_sql": "SELECT 1"})
        with connection.cursor() as cursor:
            # ok: SC201
            cursor.execute(form.cleaned_data["raw_sql"])
    return HttpResponse("done")


PROVIDERS = {"google": "Google", "github": "GitHub"}


class ProviderField(forms.CharField):
    def clean(self, value):
        if value in PROVIDERS:
            return value
        else:
            raise forms.ValidationError("unknown provider")


class LoosePrefixField(forms.CharField):
    def clean(self, value):
        if value.startswith("p"):
            return value
        raise forms.ValidationError("bad")


class ProviderForm(forms.Form):
    provider = ProviderField()
    loose = LoosePrefixField()
    tickets = forms.ModelMultipleChoiceField(queryset=None)


def provider_logo(request):
    form = ProviderForm(request.POST)
    if form.is_valid():
        # ok: SC207
        return HttpResponse("<b>%s</b>" % form.cleaned_data["provider"])
    return HttpResponse("invalid")


def loose_logo(request):
    form = ProviderForm(request.GET)
    if form.is_valid():
        # expect: SC207
        return HttpResponse("<b>%s</b>" % form.cleaned_data["loose"])
    return HttpResponse("invalid")


def chosen(request, form_class=ProviderForm):
    form = form_class(request.GET)
    if form.is_valid():
        # ok: SC207 the form's class is a parameter: its fields are not known, an audit lead only
        return HttpResponse("<b>%s</b>" % form.cleaned_data["loose"])
    return HttpResponse("invalid")
