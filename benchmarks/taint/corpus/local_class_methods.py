"""Methods of classes defined in the same file (issue 10, third real-code pass): a view builds
an object of a class of this module and calls one of its methods. The engine reads what the
method returns instead of assuming that any method of a tainted object returns its taint
(Django's `technical_500_response` renders an autoescaped template through such an object).

- a method that returns a rendered template is escaped HTML, whatever `self` holds;
- a method whose result depends on neither `self` nor its arguments is a constant;
- a method that escapes `self`'s text before building HTML is clean for XSS;
- a method that builds HTML from `self`'s text or its argument carries the taint, also when
  the object itself was built from constants (the argument is what reaches the response);
- an inherited method, or an object whose class the file does not define, is a call the
  engine does not follow: its result is computed from the object, not the request's text
  (Django's `reporter.get_traceback_html()`), an audit lead only. Both were labelled
  `expect` under the old "a method of a tainted object returns its taint"; reading the code,
  `DetailedErrorPage.render` is `ErrorPage.render`, a rendered template.
"""

from django.http import HttpResponse
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.html import escape

from .reports import RemoteReport


class ErrorPage:
    """A page about one failed request, built from what the user sent."""

    def __init__(self, request, message):
        self.request = request
        self.message = message

    def render(self):
        return render_to_string("error.html", {"message": self.message})

    def render_inline(self):
        template = Template("<h1>Error</h1><p>{{ message }}</p>")
        return template.render(Context({"message": self.message}))

    def banner(self):
        return "<h1>Something went wrong</h1>"

    def escaped(self):
        return "<p>" + escape(self.message) + "</p>"

    def raw(self):
        return "<p>" + self.message + "</p>"

    def row(self, label):
        return f"<tr><td>{label}</td></tr>"


class DetailedErrorPage(ErrorPage):
    pass


def error_view(request):
    page = ErrorPage(request, request.GET.get("message", ""))
    html = page.render()
    # ok: SC207
    return HttpResponse(html)


def error_inline_view(request):
    page = ErrorPage(request, request.GET.get("message", ""))
    # ok: SC207
    return HttpResponse(page.render_inline())


def banner_view(request):
    page = ErrorPage(request, request.GET["message"])
    # ok: SC207
    return HttpResponse(page.banner())


def escaped_view(request):
    page = ErrorPage(request, request.GET["message"])
    # ok: SC207
    return HttpResponse(page.escaped())


def raw_view(request):
    page = ErrorPage(request, request.GET["message"])
    # expect: SC207
    return HttpResponse(page.raw())


def row_view(request):
    page = ErrorPage(None, "static")
    cell = page.row(request.GET["label"])
    # expect: SC207
    return HttpResponse(cell)


def inherited_view(request):
    page = DetailedErrorPage(request, request.GET["message"])
    # audit: SC207
    return HttpResponse(page.render())


def remote_view(request):
    report = RemoteReport(request.GET["message"])
    # audit: SC207
    return HttpResponse(report.render())
