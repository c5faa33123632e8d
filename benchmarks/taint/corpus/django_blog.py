"""Django views for a blog: search, exports, previews, redirects."""

import os
import pickle
import subprocess

import requests
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views import View

from .models import Post

EXPORT_ROOT = "/var/blog/exports"
FORMATS = {"csv": "text/csv", "json": "application/json"}


def search(request):
    q = request.GET.get("q", "")
    # expect: SC201
    posts = Post.objects.raw("SELECT * FROM blog_post WHERE title LIKE '%%" + q + "%%'")
    return render(request, "search.html", {"posts": posts})


def search_safe(request):
    q = request.GET.get("q", "")
    # ok: SC201
    posts = Post.objects.raw("SELECT * FROM blog_post WHERE title LIKE %s", [f"%{q}%"])
    return render(request, "search.html", {"posts": posts})


def by_author(request, author):
    with connection.cursor() as cursor:
        # expect: SC201
        cursor.execute(f"SELECT id FROM blog_post WHERE author = '{author}'")
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})


def by_author_safe(request, author):
    with connection.cursor() as cursor:
        # ok: SC201
        cursor.execute("SELECT id FROM blog_post WHERE author = %s", [author])
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})


def ranked(request):
    order = request.GET.get("order", "id")
    # expect: SC201
    posts = Post.objects.extra(order_by=[order], where=["published = 1"])
    return render(request, "list.html", {"posts": posts})


def annotated(request):
    weight = request.POST["weight"]
    # expect: SC201
    posts = Post.objects.annotate(score=RawSQL("views * " + weight, []))
    return render(request, "list.html", {"posts": posts})


def annotated_safe(request):
    weight = request.POST["weight"]
    # ok: SC201
    posts = Post.objects.annotate(score=RawSQL("views * %s", [weight]))
    return render(request, "list.html", {"posts": posts})


def greet(request):
    name = request.GET.get("name", "")
    # expect: SC207
    return HttpResponse("<p>Hello " + name + "</p>")


def greet_safe(request):
    name = request.GET.get("name", "")
    # ok: SC207
    return HttpResponse("<p>Hello " + escape(name) + "</p>")


def greet_html(request):
    name = request.GET.get("name", "")
    # ok: SC207
    return HttpResponse(format_html("<p>Hello {}</p>", name))


def signature(request):
    sig = request.POST.get("signature", "")
    # expect: SC207
    html = mark_safe(f"<div class='sig'>{sig}</div>")
    return render(request, "profile.html", {"signature": html})


def api_echo(request):
    # ok: SC207
    return HttpResponse(request.body, content_type="application/json")


def export(request, name):
    # expect: SC205
    return FileResponse(open(os.path.join(EXPORT_ROOT, name), "rb"))


def export_safe(request, name):
    path = os.path.realpath(os.path.join(EXPORT_ROOT, name))
    if os.path.commonpath([path, EXPORT_ROOT]) != EXPORT_ROOT:
        return HttpResponse(status=404)
    # ok: SC205
    return FileResponse(open(path, "rb"))


def export_format(request):
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        return HttpResponse(status=400)
    # ok: SC205
    return FileResponse(open(os.path.join(EXPORT_ROOT, "latest." + fmt), "rb"))


def after_login(request):
    target = request.GET.get("next", "/")
    # expect: SC210
    return HttpResponseRedirect(target)


def after_login_safe(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    # ok: SC210
    return redirect(target)


def post_detail(request, pk):
    post = get_object_or_404(Post, pk=pk)
    # ok: SC210
    return redirect("post-detail", pk=post.pk)


def restore_draft(request):
    # expect: SC204, SC243
    draft = pickle.loads(request.body)
    return JsonResponse({"title": draft["title"]})


def fetch_avatar(request):
    url = request.POST["avatar_url"]
    # expect: SC206
    data = requests.get(url, timeout=10).content
    return HttpResponse(data, content_type="image/png")


def render_markdown(request):
    source = request.POST["markdown"]
    # ok: SC202
    out = subprocess.run(["pandoc", "-f", "markdown", "-t", "html"], input=source,
                         capture_output=True, text=True)
    return JsonResponse({"html": out.stdout})


def convert(request):
    src = request.POST["filename"]
    # expect: SC202
    subprocess.run(f"convert uploads/{src} -resize 200x200 thumbs/{src}", shell=True)
    return JsonResponse({"ok": True})


class ReportView(View):
    def get(self, request, report_id):
        kind = request.GET.get("kind", "daily")
        # expect: SC202
        os.system("generate-report --kind " + kind)
        return JsonResponse({"id": report_id})

    def post(self, request, report_id):
        # expect: SC201
        Post.objects.raw("SELECT * FROM reports WHERE title = '%s'" % self.request.POST["title"])
        return JsonResponse({"id": report_id})
