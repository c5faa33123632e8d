import os

import httpx
from fastapi import FastAPI, HTTPException

app = FastAPI()
NOTES: dict[str, list[str]] = {}


@app.post("/{user}/notes")
def add(user: str, text: str):
    NOTES.setdefault(user, []).append(text)
    return {"id": len(NOTES[user]) - 1}


@app.get("/{user}/notes")
def list_notes(user: str):
    return NOTES.get(user, [])


@app.get("/{user}/notes/{idx}/translate")
def translate(user: str, idx: int, lang: str = "en"):
    try:
        text = NOTES[user][idx]
    except (KeyError, IndexError):
        raise HTTPException(404)
    r = httpx.post(
        "https://api.translate.example.com/translate",
        json={"q": text, "target": lang},
        headers={"Authorization": f"Bearer {os.getenv('TRANSLATE_API_KEY')}"},
    )
    return r.json()
