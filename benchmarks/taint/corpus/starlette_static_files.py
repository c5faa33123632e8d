"""Subclasses of Starlette's `StaticFiles` that override `lookup_path` (holdout18's solara,
CVE-2024-39903): Starlette passes the request's path below the mount, free to start with `..`
segments, and sends the file whose path the method returns first. The stock method refuses a
path outside its folders; an override that drops the check serves any file, and one that
checks containment (or never uses the path) does not.
"""

import os
import shutil

from starlette.staticfiles import StaticFiles


class FollowLinks(StaticFiles):
    def lookup_path(self, path):
        for directory in self.all_directories:
            full_path = os.path.realpath(os.path.join(directory, path))
            try:
                # expect: SC205
                return full_path, os.stat(full_path)
            except FileNotFoundError:
                continue
        return "", None


class Checked(StaticFiles):
    def lookup_path(self, path):
        for directory in self.all_directories:
            root = os.path.realpath(directory)
            full_path = os.path.realpath(os.path.join(root, path))
            if os.path.commonpath([full_path, root]) != root:
                continue
            try:
                # ok: SC205
                return full_path, os.stat(full_path)
            except FileNotFoundError:
                continue
        return "", None


class CacheFirst(Checked):
    cache = "/var/cache/cdn"

    def lookup_path(self, path):
        cached = os.path.join(self.cache, path)
        if os.path.isdir(cached):
            # expect: SC205
            shutil.rmtree(cached)
        return super().lookup_path(path)


class Reloading(StaticFiles):
    def lookup_path(self, *args, **kwargs):
        self.all_directories = self.get_directories(None, None)
        # ok: SC205
        return super().lookup_path(*args, **kwargs)


class NotStatic:
    def lookup_path(self, path):
        # ok: SC205
        return os.path.join("/srv", path), None
