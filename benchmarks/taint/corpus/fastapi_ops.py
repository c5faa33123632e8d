"""A FastAPI operations service: diagnostics, reports and integrations."""

import asyncio
import subprocess
from pathlib import Path
from typing import Annotated
from uuid import UUID

import httpx
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

app = FastAPI()
router = APIRouter(prefix="/ops")
REPORTS = Path("/srv/ops/reports")


def get_session() -> Session:
    raise NotImplementedError


class Job(BaseModel):
    name: str
    command: str


@app.get("/diag/ping")
def ping(host: str = Query(..., max_length=255)):
    # expect: SC202
    result = subprocess.run(f"ping -c 2 {host}", shell=True, capture_output=True, text=True)
    return {"output": result.stdout}


@app.get("/diag/ping-safe")
def ping_safe(host: str = Query(..., max_length=255)):
    # ok: SC202
    result = subprocess.run(["ping", "-c", "2", host], capture_output=True, text=True)
    return {"output": result.stdout}


@app.get("/diag/trace")
async def trace(target: str):
    # expect: SC202
    proc = await asyncio.create_subprocess_shell("traceroute " + target)
    await proc.wait()
    return {"code": proc.returncode}


@app.get("/diag/lines/{count}")
def lines(count: int):
    # ok: SC202
    out = subprocess.run(f"tail -n {count} /var/log/ops.log", shell=True, capture_output=True)
    return {"output": out.stdout}


@app.post("/jobs")
def run_job(job: Job):
    # expect: SC202
    subprocess.Popen(job.command, shell=True)
    return {"started": job.name}


@router.get("/users")
def users(name: str, db: Session = Depends(get_session)):
    # expect: SC201
    rows = db.execute(text(f"SELECT id FROM users WHERE name = '{name}'")).all()
    return {"ids": [r.id for r in rows]}


@router.get("/users-safe")
def users_safe(name: str, db: Session = Depends(get_session)):
    # ok: SC201
    rows = db.execute(text("SELECT id FROM users WHERE name = :name"), {"name": name}).all()
    return {"ids": [r.id for r in rows]}


@router.get("/users/{user_id}")
def user(user_id: UUID, db: Session = Depends(get_session)):
    # ok: SC201
    row = db.execute(text(f"SELECT * FROM users WHERE id = '{user_id}'")).first()
    return {"user": dict(row._mapping) if row else None}


@router.get("/reports/{name}")
def report(name: str):
    # expect: SC205
    return FileResponse(REPORTS / name)


@router.get("/reports-safe/{name}")
def report_safe(name: str):
    path = (REPORTS / name).resolve()
    if not path.is_relative_to(REPORTS):
        return {"error": "not found"}
    # ok: SC205
    return FileResponse(path)


@router.get("/fetch")
async def fetch(url: Annotated[str, Query()]):
    async with httpx.AsyncClient() as client:
        # expect: SC206
        resp = await client.get(url)
    return {"status": resp.status_code}


@router.get("/status/{service}")
async def status(service: str):
    async with httpx.AsyncClient() as client:
        # ok: SC206
        resp = await client.get(f"https://status.internal.example/api/{service}")
    return {"status": resp.status_code}


@router.get("/welcome", response_class=HTMLResponse)
async def welcome(request: Request):
    who = request.query_params.get("who", "friend")
    # expect: SC207
    return HTMLResponse(f"<h2>Welcome, {who}</h2>")


@router.get("/plain")
async def plain(who: str):
    # ok: SC207
    return f"Welcome, {who}"


@router.get("/out")
async def out(request: Request):
    # expect: SC210
    return RedirectResponse(request.query_params["to"])


@router.get("/docs-link")
async def docs_link():
    # ok: SC210
    return RedirectResponse("/docs")


@router.post("/eval")
async def evaluate(request: Request):
    body = await request.json()
    # expect: SC203
    exec(body["code"], {})
    return {"ok": True}


app.include_router(router)
