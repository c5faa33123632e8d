"""A containment check in a helper of its own, which raises to refuse: `assert_inside(root,
path)` tests `path.relative_to(root)` (or a prefix), and its callers normalize the path first.
The helper proves containment only of an argument the caller normalized: as written, the test
passes "/srv/uploads/../../etc/passwd" (DB-GPT's `python_upload_api.py` resolves the path, then
calls `_assert_inside(owner_root, file_path)`, and returns it to the view).
"""

import os
from pathlib import Path

from fastapi import FastAPI, UploadFile

app = FastAPI()
ROOT = Path("/srv/uploads")


def assert_inside(root: Path, path: Path) -> None:
    try:
        path.relative_to(root)
    except ValueError as exc:
        raise ValueError("path must stay inside the upload root") from exc


def check_prefix(path: str) -> None:
    if not path.startswith("/srv/uploads/"):
        raise ValueError("outside")


def resolve_upload(root: Path, name: str) -> Path:
    if "\x00" in name:
        raise ValueError("bad name")
    target = (root / name).resolve()
    assert_inside(root, target)
    return target


def join_upload(root: Path, name: str) -> Path:
    target = root / name
    assert_inside(root, target)
    return target


@app.post("/a")
async def resolved_then_checked(file: UploadFile):
    target = (ROOT / file.filename).resolve()
    assert_inside(ROOT, target)
    # ok: SC205
    return {"fd": os.open(str(target), os.O_WRONLY | os.O_CREAT)}


@app.post("/b")
async def joined_then_checked(file: UploadFile):
    target = ROOT / file.filename
    assert_inside(ROOT, target)
    # expect: SC205
    return {"fd": os.open(str(target), os.O_WRONLY | os.O_CREAT)}


@app.post("/c")
async def through_a_resolving_helper(file: UploadFile):
    target = resolve_upload(ROOT, file.filename)
    # ok: SC205
    return {"fd": os.open(str(target), os.O_WRONLY | os.O_CREAT)}


@app.post("/d")
async def through_a_joining_helper(file: UploadFile):
    target = join_upload(ROOT, file.filename)
    # expect: SC205
    return {"fd": os.open(str(target), os.O_WRONLY | os.O_CREAT)}


@app.post("/e")
async def realpath_then_prefix(file: UploadFile):
    target = os.path.realpath(os.path.join("/srv/uploads", file.filename))
    check_prefix(target)
    # ok: SC205
    return {"fd": os.open(target, os.O_WRONLY | os.O_CREAT)}


@app.post("/f")
async def joined_then_prefix(file: UploadFile):
    target = os.path.join("/srv/uploads", file.filename)
    check_prefix(target)
    # expect: SC205
    return {"fd": os.open(target, os.O_WRONLY | os.O_CREAT)}
