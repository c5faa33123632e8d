"""A containment check named for what it proves keeps a path in its folder.

Static-file routes join a folder and the requested name, resolve the result and refuse it
unless a helper from another module finds the folder among its parents: chainlit's
`is_path_inside(file_path, base_path)`, the Python tarfile advisory's
`is_within_directory(directory, target)`, `is_subpath`. Like the validators named `safe`/
`valid`/`allow`, such a predicate checks the first argument that may carry attacker data, and
it proves a path stays inside: it clears path traversal only. A check that does not leave, one
of another value, or the same name asked of a URL keep their findings.
"""

from pathlib import Path

import requests
from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

from ._utils import is_path_inside, is_within_directory

app = FastAPI()
PUBLIC_DIR = "/srv/public"


@app.get("/public/{filename:path}")
async def serve_public_file(filename: str):
    base_path = Path(PUBLIC_DIR)
    file_path = (base_path / filename).resolve()
    if not is_path_inside(file_path, base_path):
        raise HTTPException(status_code=400, detail="Invalid filename")
    # ok: contained in the public folder
    return FileResponse(file_path)


@app.get("/export/{name}")
def export(name: str):
    target = Path(PUBLIC_DIR, name)
    if not is_within_directory(PUBLIC_DIR, target):
        raise HTTPException(status_code=400)
    # ok: contained
    return FileResponse(target)


@app.get("/logged/{filename:path}")
def logged(filename: str):
    file_path = (Path(PUBLIC_DIR) / filename).resolve()
    if not is_path_inside(file_path, Path(PUBLIC_DIR)):
        print("outside the public folder")
    # expect: SC205
    return FileResponse(file_path)


@app.get("/other/{filename:path}")
def other(filename: str, subdir: str):
    checked = (Path(PUBLIC_DIR) / subdir).resolve()
    if not is_path_inside(checked, Path(PUBLIC_DIR)):
        raise HTTPException(status_code=400)
    # expect: SC205
    return FileResponse(Path(PUBLIC_DIR) / filename)


@app.get("/fetch")
def fetch(url: str):
    if not is_within_directory("https://cdn.example.com/", url):
        raise HTTPException(status_code=400)
    # expect: SC206
    return requests.get(url, timeout=5).text
