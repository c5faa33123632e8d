"""Hard negatives in the shapes real Django and SQLAlchemy code takes (issue 10, item 1).

Each `ok` line was a false alarm on the 9-project real-code corpus, or is its closest
application-side shape; the `expect` lines beside them keep the true positives honest.
"""

import os
import pickle

from django import template
from django.core.management import BaseCommand
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from sqlalchemy import select, text

register = template.Library()
BASE_DIR = "/srv/media"


def call_command(command, *args, **options):
    # ok: SC201
    return command.execute(*args, **options)


class Command(BaseCommand):
    def handle(self, *args, **options):
        # ok: SC201
        return self.execute(*args, **options)


def column_report(request):
    column = connection.ops.quote_name(request.GET["column"])
    with connection.cursor() as cursor:
        # ok: SC201
        cursor.execute("SELECT %s FROM reports" % column)
        # expect: SC201
        cursor.execute("SELECT * FROM reports WHERE owner = '%s'" % request.GET["owner"])
    return HttpResponse("done")


def table_rows(request, engine):
    table = engine.dialect.identifier_preparer.quote(request.GET["table"])
    with engine.connect() as conn:
        # ok: SC201
        return conn.execute(text(f"SELECT * FROM {table}")).all()


def orm_rows(request, session, model):
    # ok: SC201
    return session.execute(select(model).where(model.name == request.GET["name"])).all()


def page(request, pk):
    number = int(request.GET.get("page", "1"))
    with connection.cursor() as cursor:
        # ok: SC201
        cursor.execute(f"SELECT * FROM items WHERE owner = %s OFFSET {number * 20}", [pk])
        return cursor.fetchall()


def download(request):
    path = os.path.normpath(os.path.join(BASE_DIR, request.GET["name"]))
    if not path.startswith(BASE_DIR + os.sep):
        return HttpResponse(status=404)
    # ok: SC205
    with open(path, "rb") as fh:
        return HttpResponse(fh.read())


class RedirectURLMixin:
    redirect_field_name = "next"

    def get_redirect_url(self):
        redirect_to = self.request.POST.get(
            self.redirect_field_name, self.request.GET.get(self.redirect_field_name)
        )
        url_is_safe = url_has_allowed_host_and_scheme(
            url=redirect_to, allowed_hosts={self.request.get_host()}
        )
        return redirect_to if url_is_safe else ""

    def form_valid(self, form):
        # ok: SC210
        return HttpResponseRedirect(self.get_redirect_url() or "/")


def login_required(request):
    if not request.user.is_authenticated:
        # ok: SC210
        return redirect(reverse("login") + "?next=" + request.get_full_path())
    # ok: SC210
    return redirect(request.get_full_path())


def unsafe_next(request):
    # expect: SC210
    return redirect(request.GET["next"])


@register.tag
def do_cycle(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        # ok: SC231
        raise template.TemplateSyntaxError("'%s' tag requires an argument: %r" % (bits[0], token))
    return bits


def snapshot(request):
    state = {"user": request.GET["user"], "items": [1, 2]}
    # ok: SC204
    copied = pickle.loads(pickle.dumps(state))
    return HttpResponse(str(copied["items"]))


def restore(request):
    # expect: SC204, SC243
    return pickle.loads(request.body)


def greeting(request):
    # ok: SC207
    return HttpResponse(mark_safe("<b>%s</b>" % escape(request.GET["name"])))


def greeting_raw(request):
    # expect: SC207
    return HttpResponse(mark_safe("<b>%s</b>" % request.GET["name"]))
