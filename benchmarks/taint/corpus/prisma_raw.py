"""Prisma Client Python runs raw SQL through `query_raw()`, `query_first()` and `execute_raw()`:
text pasted into it is SQL injection (litellm's API key check formatted the presented key into
`WHERE v.token = '{token}'`, CVE-2026-42208); the `$1` parameters that follow are bound.
"""

from fastapi import FastAPI, Request
from prisma import Prisma

app = FastAPI()
db = Prisma()


@app.get("/key")
async def key_info(request: Request):
    token = request.headers.get("authorization", "")
    # expect: SC201
    return await db.query_first(f"SELECT * FROM keys v WHERE v.token = '{token}'")


@app.get("/spend")
async def spend(request: Request):
    # expect: SC201
    return await db.query_raw("SELECT * FROM spend WHERE team = '%s'" % request.query_params["team"])


@app.get("/bound")
async def bound(request: Request):
    # ok: SC201
    return await db.query_raw("SELECT * FROM spend WHERE team = $1", request.query_params["team"])


@app.get("/tags")
async def tags(request: Request):
    # the request's values are bound, spread after the text (litellm's tag summary)
    params = [request.query_params["start"], request.query_params["end"]]
    where = "WHERE d >= $1 AND d <= $2"
    for tag in request.query_params.getlist("tag"):
        where += f" OR tag = ${len(params) + 1}"
        params.append(tag)
    # ok: SC201
    return await db.query_raw(f"SELECT * FROM spend {where}", *params)
