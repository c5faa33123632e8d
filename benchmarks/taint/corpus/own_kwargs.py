"""`self.kwargs` that a class sets itself is not a view's URL arguments (holdout9's Mayan shape).

Django's `View.setup()` stores the URL's captures in `self.kwargs`; a source backend that keeps
its stored configuration there (`self.kwargs = kwargs` in `__init__`) holds no request data.
The `expect` lines keep it honest: a view, and a view whose base of this module sets nothing.
A view's own `**kwargs` parameter is those captures too (function views and `get()`), a
private helper's is its caller's.
"""

import os

from django.http import FileResponse
from django.views import View


class Backend:
    def __init__(self, source_id, **kwargs):
        self.source_id = source_id
        self.kwargs = kwargs


class StagingFolder(Backend):
    def files(self):
        # ok: SC205
        return os.listdir(self.kwargs["folder_path"])


class Download(View):
    def get(self, request, *args, **kwargs):
        # expect: SC205
        return FileResponse(open(os.path.join("/srv", self.kwargs["name"]), "rb"))


class BaseView(View):
    template_name = "x.html"


class Listing(BaseView):
    def get(self, request, *args, **kwargs):
        # expect: SC205
        return FileResponse(open(os.path.join("/srv", self.kwargs["name"]), "rb"))


class Export(View):
    def get(self, request, *args, **kwargs):
        # expect: SC205
        return FileResponse(open(os.path.join("/srv", kwargs["name"]), "rb"))


def show(request, **kwargs):
    # expect: SC205
    return FileResponse(open(os.path.join("/srv", kwargs["name"]), "rb"))


def _render(request, **kwargs):
    # ok: SC205
    return FileResponse(open(os.path.join("/srv", kwargs["name"]), "rb"))
