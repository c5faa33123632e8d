"""SC205 sinks: file-system paths chosen by untrusted data.

How it detects: taint into `open` (builtin, `io`, `codecs`, `os`, `aiofiles`), Flask
`send_file`, Starlette/FastAPI, Pyramid and aiohttp `FileResponse`, `os` file operations,
`shutil` copies, moves and deletes, `pathlib` reads and writes on a tainted path, werkzeug
`FileStorage.save` (known by its receiver: an upload from `request.files`, a `FileStorage`,
or an object whose own `.filename` builds the path; any other `.save` is not a file write),
`tarfile` extraction of a tainted archive without `filter=` or `members=` (not `zipfile`'s,
which keeps every member under the target folder), and the folder `send_from_directory(directory,
name)` serves from (Flask and Quart join only the name safely: platypush's `/resources/<path>`
built the folder from the URL's segments; one segment alone, which reaches the files of the
folder's parent at most, is reported at info).
`os.path.join` carries the taint; `basename`, `secure_filename`, `safe_join`,
`send_from_directory`'s file name (joined safely under its folder), `startswith`/
`is_relative_to`/`commonpath` containment checks of a normalized path and allowlists sanitize,
and an archive whose every member such a check passed before extraction
is safe to extract (`archive_checks.py`).

What it deliberately misses: values of unknown origin (a path parameter is normal code), and
folders created at a chosen path (`os.makedirs`, `os.mkdir`): a new empty folder reads, writes
and deletes nothing, and the write that follows into it is a sink of its own. On the judged
applications every such alert was a folder the feature lets its user choose (a show's folder, a
project's location, a camera's target dir).
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import dotted, paths_in
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import WEB_FRAMEWORK, SinkPrefilter

CATEGORY = "path-traversal"


# zipfile's `extract()`/`extractall()` drop `..` components and leading slashes from member
# names and make no links (Python's documentation says so), so a zip archive's members stay
# under the target folder; tarfile's do not, unless `filter=` (Python 3.12) or `members=`
# chooses them.
_ZIP_CLASSES = frozenset({"zipfile.ZipFile", "zipfile.PyZipFile"})


def _unfiltered(site: CallSite) -> bool:
    return (
        site.keyword("filter") is None
        and site.keyword("members") is None
        and not _zip_archive(site)
    )


def _zip_archive(site: CallSite) -> bool:
    """Is the receiver a `zipfile.ZipFile`: a name bound to one (`with ZipFile(f) as z`), or
    the call itself (`ZipFile(f).extractall(d)`)?"""
    if site.receiver_type in _ZIP_CLASSES:
        return True
    func = site.node.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Call)
        and dotted(func.value.func).split(".")[-1] in ("ZipFile", "PyZipFile")
    )


def _uploaded_file(site: CallSite) -> bool:
    """`x.save(path)` writes a file where x is an uploaded file (werkzeug's `FileStorage`): it
    came from `request.files`, or the path is built from its own client-chosen `.filename` (a
    save helper given the upload). Any other object's `save` (a model, a settings manager, a
    profile store) is that object's business, not a path sink. Nor is `save(name, content,
    save=False)`: that signature is Django's `FieldFile.save`, whose storage refuses names that
    leave its folder."""
    if site.keyword("save") is not None:
        return False
    if any(f.origin == "source" and f.label.startswith(_UPLOADS) for f in site.receiver):
        return True
    if any(name.endswith(".FileStorage.save") for name in site.names):
        return True  # built as one: `f = FileStorage(stream)`
    func = site.node.func
    owner = dotted(func.value) if isinstance(func, ast.Attribute) else ""
    path = site.argument(0, "dst")
    return bool(owner) and path is not None and f"{owner}.filename" in paths_in(path)


_UPLOADS = ("request.files", "request.FILES")
# Operations on a file: the folder ".." names is none (`path_parts.py`).
_OS_FILES = frozenset(f"os.{n}" for n in ("open", "remove", "unlink", "truncate"))
# Operations that act on a folder the path names too.
_OS_FOLDERS = frozenset(
    f"os.{n}" for n in ("rmdir", "removedirs", "listdir", "scandir", "rename", "replace", "chmod")
)
_SHUTIL = frozenset(
    f"shutil.{n}"
    for n in ("copy", "copy2", "copyfile", "copytree", "move", "rmtree", "unpack_archive")
)
_OPEN = (0, "file", "path", "path_or_file", "filename")
SINKS = (
    Sink(
        frozenset(
            {
                "builtins.open",
                "io.open",
                "codecs.open",
                "aiofiles.open",
                "flask.send_file",
                "starlette.responses.FileResponse",
                "fastapi.responses.FileResponse",
                # Pyramid's and aiohttp's take a path, and send that file
                "pyramid.response.FileResponse",
                "aiohttp.web.FileResponse",
                "aiohttp.web_fileresponse.FileResponse",
                "werkzeug.utils.send_file",
                # WebOb's: a WSGI application that sends the one file it was given
                "webob.static.FileApp",
            }
        )
        | _OS_FILES,
        _OPEN,
    ),
    Sink(_OS_FOLDERS - {"os.rename", "os.replace"}, _OPEN, folder=True),
    Sink(
        frozenset({"flask.send_from_directory", "flask.helpers.send_from_directory",
                   "quart.send_from_directory", "quart.helpers.send_from_directory"}),
        # not `folder`: the name is joined safely, so a folder of one URL segment ("..") reaches
        # the files of its parent at most, the bound `path_parts.SEGMENT_NOTE` puts at info
        (0, "directory"),
    ),
    Sink(_SHUTIL | {"os.rename", "os.replace"}, (0, 1, "src", "dst", "path"), folder=True),
    Sink(
        frozenset({".read_text", ".read_bytes", ".write_text", ".write_bytes", ".unlink", ".open"}),
        receiver=True,
        consumes=False,
    ),
    Sink(frozenset({".rmdir"}), receiver=True, consumes=False, folder=True),
    Sink(frozenset({".save"}), (0, "dst"), when=_uploaded_file, note="FileStorage.save"),
    Sink(
        frozenset({".extractall", ".extract"}),
        receiver=True,
        when=_unfiltered,
        note="archive extraction without a filter",
        folder=True,
    ),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
# What a `StaticFiles.lookup_path` override returns is a file Starlette sends: that method is
# where the sink is (`sources.STATIC_FILES_LOOKUP`).
PREFILTER = SinkPrefilter(SINKS, gated=True, requires=WEB_FRAMEWORK,
                          anchors=r"^[ \t]+(?:async[ \t]+)?def[ \t]+lookup_path[ \t]*\(",
                          anchor_words=("lookup_path",))  # fmt: skip
