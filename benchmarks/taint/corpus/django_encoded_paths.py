"""Django's request path is percent-encoded: safe between double quotes, not between single ones.

`request.get_full_path()` holds no `"`, `<`, `>` or space (Django escapes them), but it keeps
`'`. Inside a double-quoted attribute of a literal template it cannot end the value or open a
tag; inside a single-quoted or unquoted attribute, an event handler or a style, through
`repr()`, or where the template cannot be read, it still can (`/x'onmouseover='alert(1)`).
The query string's own values are not encoded at all.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def login_hint(request):
    link = _('<a href="/accounts/login/?next=%s">log in</a> first.') % request.get_full_path()
    # ok: SC207
    return HttpResponse(mark_safe("Please %s" % link))


def activation_hint(request, email):
    link = '<a href="{base}?next={path}">here</a>'.format(
        base="/activate/", path=request.get_full_path()
    )
    # ok: SC207
    return HttpResponse(mark_safe(link))


def back_link(request):
    # ok: SC207
    return HttpResponse(mark_safe(f'<a class="back" href="{request.get_full_path()}">back</a>'))


def share_link(request):
    # ok: SC207
    return HttpResponse(mark_safe('<a href="' + request.get_full_path() + '">share</a>'))


def single_quoted(request):
    link = "<a href='/login/?next=%s'>log in</a>" % request.get_full_path()
    # expect: SC207
    return HttpResponse(mark_safe(link))


def unquoted(request):
    # expect: SC207
    return HttpResponse(mark_safe("<a href=%s>here</a>" % request.get_full_path()))


def in_script(request):
    # expect: SC207
    return HttpResponse(mark_safe("<script>var back = '%s';</script>" % request.get_full_path()))


def written_twice(request):
    path = request.get_full_path()
    # expect: SC207
    return HttpResponse(mark_safe('<a href="{0}">{0}</a>'.format(path)))


def quoted_by_repr(request):
    # expect: SC207 repr() picks double quotes for a path holding a single one
    return HttpResponse(mark_safe('<a href="%r">back</a>' % request.get_full_path()))


def repr_field(request):
    # expect: SC207 the same through an f-string's !r
    return HttpResponse(mark_safe(f'<a href="{request.get_full_path()!r}">back</a>'))


def event_handler(request):
    # expect: SC207 an event handler's value is script: no quote is needed to run code
    return HttpResponse(mark_safe('<a onclick="go(%s)">back</a>' % request.get_full_path()))


def style_value(request):
    # expect: SC207 a style's value is CSS
    return HttpResponse(mark_safe('<p style="x:%s">x</p>' % request.get_full_path()))


def query_value(request):
    # expect: SC207
    return HttpResponse(mark_safe('<a href="%s">next</a>' % request.GET["next"]))


def template_in_a_setting(request):
    # expect: SC207
    return HttpResponse(mark_safe(settings.BACK_LINK % request.get_full_path()))
