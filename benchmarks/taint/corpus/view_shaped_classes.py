"""A method named for an HTTP verb is a view's handler only in a class a framework dispatches to.

Django, DRF, Tornado, aiohttp and Flask call `get()`/`post()` only on a class derived from their
own view class. A class with no base from elsewhere (holdout39's rdmo `OauthProviderMixin`,
whose `get(request, url)` its issue-provider plugins call with the provider's own URL), or whose
base is a value the module computes at run time (evennia's in-game commands, built on
`class_from_module(settings.COMMAND_DEFAULT_CLASS)`, whose `self.args` is the command's text),
takes no URL captures. The `expect` lines keep it honest: the same methods on a view, a mixin's
`**kwargs` (the captures of the view it is mixed into), and a view whose base this module derives.
"""

import os

import requests
from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.module_loading import import_string
from django.views import View

COMMAND_BASE = import_string(settings.COMMAND_BASE)


class OauthMixin:
    def get(self, request, url):
        # ok: SC206
        return requests.get(url, timeout=5)

    def post(self, request, url, json=None):
        # ok: SC206
        return requests.post(url, json=json, timeout=5)


class PlainOauth(object):
    def get(self, request, url):
        # ok: SC206
        return requests.get(url, timeout=5)


class Fetch(View):
    def get(self, request, url):
        # expect: SC206
        return HttpResponse(requests.get(url, timeout=5).text, content_type="text/plain")


class LocalBase(View):
    template_name = "fetch.html"


class FetchAgain(LocalBase):
    def get(self, request, url):
        # expect: SC206
        return HttpResponse(requests.get(url, timeout=5).text, content_type="text/plain")


class FileMixin:
    def dispatch(self, request, *args, **kwargs):
        # expect: SC205
        return FileResponse(open(os.path.join("/srv", kwargs["name"]), "rb"))


class CmdPy(COMMAND_BASE):
    def func(self):
        # ok: SC203
        exec(compile(self.args, "<py>", "exec"))


class Run(View):
    def get(self, request, *args, **kwargs):
        # expect: SC203
        exec(compile(self.args[0], "<py>", "exec"))
        return HttpResponse("done", content_type="text/plain")
