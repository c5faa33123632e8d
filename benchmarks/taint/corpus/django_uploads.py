"""Django uploads (holdout8's shapes): what Django itself already did to an uploaded file.

`UploadedFile.name` is the client's name cut to its basename and refused when empty, "." or
".." (Django 3.2.1, CVE-2021-31542), so it names no other folder; `FieldFile.save(name,
content, save=...)` is Django's storage API, not werkzeug's `FileStorage.save(dst)`. The
`expect` lines keep what is still the client's choice honest: the form field's other values,
the file's content, and the name where the sink is not a path.
"""

import os

from django.http import HttpResponse
from django.views.decorators.http import require_POST

from .models import Attachment

MEDIA = "/srv/media/attachments"


@require_POST
def attach(request, ticket):
    for upload in request.FILES.getlist("attachment"):
        name = upload.name
        # ok: SC205
        with open(os.path.join(MEDIA, name), "wb") as out:
            out.write(upload.read())
    return HttpResponse("ok")


@require_POST
def attach_titled(request):
    upload = request.FILES["attachment"]
    record = Attachment(upload=upload)
    # ok: SC205
    record.file.save(request.POST["title"], upload, save=False)
    record.save()
    return HttpResponse("ok")


@require_POST
def attach_to_folder(request):
    upload = request.FILES["attachment"]
    folder = request.POST["folder"]
    # expect: SC205
    with open(os.path.join(MEDIA, folder, upload.name), "wb") as out:
        out.write(upload.read())
    return HttpResponse("ok")


@require_POST
def echo_name(request):
    upload = request.FILES["attachment"]
    # expect: SC207
    return HttpResponse("<p>Saved %s</p>" % upload.name)
