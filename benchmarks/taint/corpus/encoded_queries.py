"""Percent-encoded query text carries no markup unless `safe` characters are let through.

`QueryDict.urlencode()`, `urllib.parse.urlencode()` and `quote_plus()` encode every character
but letters, digits and `_.-~` (space becoming `+`), with `=`/`&` between pairs: no `<`, quote
or `&`-entity can open a tag or close an attribute, so marking the result safe is no XSS
(graphite-web's browser view puts `request.GET.urlencode()` in a frame's src). Characters
passed as `safe`, by keyword or position, pass through unencoded and keep the finding.
"""

from urllib.parse import quote_plus, urlencode

from django.http import HttpResponse
from django.utils.safestring import mark_safe
from django.shortcuts import render


def browser(request):
    query = mark_safe(request.GET.urlencode())
    # ok: percent-encoded
    return render(request, "browser.html", {"query": query})


def redirect_page(request):
    target = urlencode({"q": request.GET["q"]})
    # ok: percent-encoded
    return HttpResponse(f'<a href="/search?{target}">search</a>')


def quoted(request):
    # ok: percent-encoded
    return HttpResponse("<p>" + quote_plus(request.GET["q"]) + "</p>")


def safe_keyword(request):
    # expect: SC207
    query = mark_safe(request.GET.urlencode(safe="<>/"))
    return render(request, "browser.html", {"query": query})


def safe_positional(request):
    # expect: SC207
    return HttpResponse("<p>" + quote_plus(request.GET["q"], "<>") + "</p>")


def safe_in_urlencode(request):
    # expect: SC207
    return HttpResponse("<p>" + urlencode({"q": request.GET["q"]}, False, "<>") + "</p>")
