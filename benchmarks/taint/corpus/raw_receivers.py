"""A path method called on a value read as it is from the request's data is no path sink.

The request's data holds text, lists, mappings and uploaded files, never a path object:
`upload.open()` reopens the upload itself (OpenSlides' media upload, holdout14). A path built
from that data (`Path(value)`, `BASE / value`), or a name rebound to one, is a path again.
"""

from pathlib import Path

from django.http import HttpResponse

BASE = Path("/srv/files")


def upload_size(request):
    upload = request.FILES.get("doc")
    # ok: SC205
    return HttpResponse(len(upload.open().read()))


def upload_read_inline(request):
    # ok: SC205
    return HttpResponse(len(request.FILES["doc"].open().read()))


def path_from_the_data(request):
    # expect: SC205
    return HttpResponse(Path(request.POST.get("p")).read_text())


def joined_path(request):
    name = request.POST.get("n")
    target = BASE / name
    # expect: SC205
    return HttpResponse(target.read_text())


def rebound_as_a_path(request):
    name = request.POST.get("n")
    name = BASE / name
    # expect: SC205
    return HttpResponse(name.read_text())
