"""Hard negatives from the second real-code pass (issue 10): Django shapes that validate or
confine a value in a way the first pass did not see, each with a positive beside it.

- text after a literal `?` is a query parameter, not where a redirect goes;
- `urlencode()` / `QueryDict.urlencode()` escape `/` and `:`, so their output is a query;
- `if (url or ...) and not url_has_allowed_host_and_scheme(url): url = "/"` validates url
  on both paths (the else path means: url is empty, or it passed the check);
- `check_for_language(code)` only accepts an installed language code;
- `COMMANDS[name]` in a `try` whose `except KeyError` exits makes name a known key;
- a function the module calls itself is a view's helper: its arguments are the caller's.
"""

import argparse
import sys
from importlib import import_module

from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, translate_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import check_for_language
from django.views import View

from .models import Note

COMMANDS = {"serve": "shop.core", "migrate": "shop.db"}


class ForwardQueryView(View):
    url = "/landing/"

    def get(self, request, *args, **kwargs):
        url = self.url
        query = request.META.get("QUERY_STRING", "")
        if query:
            url = "%s?%s" % (url, query)
        # ok: SC210
        return HttpResponseRedirect(url)


def forward_anywhere(request):
    query = request.META.get("QUERY_STRING", "")
    # expect: SC210
    return HttpResponseRedirect("%s?%s" % (request.GET["to"], query))


def login_then_back(request):
    # ok: SC210
    return HttpResponseRedirect(f"{reverse('login')}?next={request.GET['next']}")


def back_to_origin(request):
    # expect: SC210
    return HttpResponseRedirect(f"{request.GET['origin']}?from=login")


def search_again(request):
    # ok: SC210
    return HttpResponseRedirect(reverse("search") + "?q=" + request.GET["q"])


def preserved_filters(request):
    current = request.GET.get("_changelist_filters")
    if current:
        return urlencode({"_changelist_filters": current})
    return request.GET.urlencode()


def change_done(request, object_id):
    filters = preserved_filters(request)
    url = add_preserved_filters({"preserved_filters": filters}, request.path)
    # ok: SC210
    return HttpResponseRedirect(url)


def change_done_raw(request, object_id):
    # expect: SC210
    return HttpResponseRedirect(request.GET.get("_changelist_filters"))


def set_theme(request):
    next_url = request.POST.get("next", request.GET.get("next"))
    if (next_url or request.accepts("text/html")) and not url_has_allowed_host_and_scheme(
        url=next_url, allowed_hosts={request.get_host()}
    ):
        next_url = "/"
    # ok: SC210
    response = HttpResponseRedirect(next_url) if next_url else HttpResponse(status=204)
    lang_code = request.POST.get("language")
    if lang_code and check_for_language(lang_code):
        # ok: SC210
        response = HttpResponseRedirect(translate_url(next_url, lang_code))
    return response


def set_theme_unchecked(request):
    next_url = request.POST.get("next")
    if next_url or request.accepts("text/html"):
        request.session["seen"] = True
    lang_code = request.POST.get("language")
    # expect: SC210
    return HttpResponseRedirect(translate_url(next_url, lang_code))


def run_command(subcommand):
    try:
        package = COMMANDS[subcommand]
    except KeyError:
        sys.stderr.write("Unknown command\n")
        sys.exit(1)
    # ok: SC203
    return import_module("%s.commands.%s" % (package, subcommand))


def run_command_loosely(subcommand):
    try:
        package = COMMANDS[subcommand]
    except KeyError:
        package = "shop.extra"
    # expect: SC203
    return import_module("%s.commands.%s" % (package, subcommand))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    options = parser.parse_args()
    run_command(options.command)
    run_command_loosely(options.command)


def note_page(request, slug):
    note = get_object_or_404(Note, slug=slug)
    return render_note(request, note)


def render_note(request, note):
    # ok: SC207
    return HttpResponse(mark_safe(note.body))


def preview(request):
    return render_preview(request, request.GET["body"])


def render_preview(request, body):
    # expect: SC207
    return HttpResponse(mark_safe(body))
