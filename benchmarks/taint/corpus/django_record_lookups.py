"""Django's lookups that raise when no record has the key (`get_object_or_404(Model, pk=v)`,
`Model.objects.get(pk=v)`): once they returned, `v` equals a key the database holds
(`record_lookups.py` has the SQLAlchemy forms). A lookup by slug proves nothing: the sender
may have chosen the slug when creating the record."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Report


def report_rows(request):
    pk = request.GET["pk"]
    get_object_or_404(Report, pk=pk)
    with connection.cursor() as cursor:
        # ok: SC201
        cursor.execute("select * from rows where report_id = %s" % pk)
        return JsonResponse({"rows": cursor.fetchall()})


def report_lines(request):
    report_id = request.GET["id"]
    Report.objects.get(id=report_id)
    with connection.cursor() as cursor:
        # ok: SC201
        cursor.execute(f"select * from lines where report_id = {report_id}")
        return JsonResponse({"rows": cursor.fetchall()})


def report_by_slug(request):
    slug = request.GET["slug"]
    get_object_or_404(Report, slug=slug)
    with connection.cursor() as cursor:
        # expect: SC201
        cursor.execute("select * from rows where report_slug = '%s'" % slug)
        return JsonResponse({"rows": cursor.fetchall()})
