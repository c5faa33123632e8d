"""`self.f()` runs the f of the class it is called in, or of its bases (holdout9's Mayan views).

A view class and two mixins of one module define `get_next_url`; only the last one returns the
client's `next`. A view runs the one its class defines or inherits, not whichever the module
defines last. The `expect` lines keep it honest: the unsafe mixin's views, directly and
through a base of this module that defines no method of its own.
"""

from django.shortcuts import redirect
from django.views import View


class Overrides(View):
    def get_next_url(self):
        return "/done"

    def get(self, request):
        # ok: SC210
        return redirect(self.get_next_url())


class SafeNext:
    def get_next_url(self):
        return "/home"


class UnsafeNext:
    def get_next_url(self):
        return self.request.GET.get("next", "/")


class Safe(SafeNext, View):
    def get(self, request):
        # ok: SC210
        return redirect(self.get_next_url())


class Unsafe(UnsafeNext, View):
    def get(self, request):
        # expect: SC210
        return redirect(self.get_next_url())


class Base(UnsafeNext):
    pass


class Derived(Base, View):
    def get(self, request):
        # expect: SC210
        return redirect(self.get_next_url())
