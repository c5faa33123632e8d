"""An instance a view looks up by its model class (holdout28's waliki): `page =
get_object_or_404(Page, slug=slug)` is a `Page`, so `page.move(new_slug)` runs `Page.move`,
whose `shutil.move()` gets the posted name. A lookup of another model, or of a class the call
does not name, runs no method of `Page`.
"""

import os
import shutil

from django.db import models
from django.shortcuts import get_object_or_404, redirect

DATA_DIR = "/srv/wiki"


class Page(models.Model):
    slug = models.SlugField()
    path = models.CharField(max_length=200)

    def move(self, new_path):
        # expect: SC205
        shutil.move(os.path.join(DATA_DIR, self.path), os.path.join(DATA_DIR, new_path))
        self.path = new_path


class Tag(models.Model):
    name = models.CharField(max_length=50)

    def move(self, new_name):
        self.name = new_name


def move_page(request, slug):
    page = get_object_or_404(Page, slug=slug)
    page.move(request.POST["slug"] + ".md")
    return redirect("/")


def rename_tag(request, slug):
    tag = get_object_or_404(Tag, name=slug)
    # ok: SC205
    tag.move(request.POST["name"])
    return redirect("/")
