from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

from notes import auth, db
from notes.config import Settings, load_settings
from notes.translate import translate

app = FastAPI(title="notes")


class NoteIn(BaseModel):
    body: str = Field(min_length=1, max_length=10_000)


class TranslateIn(BaseModel):
    target: str = Field(pattern=r"^[a-z]{2}$")


def current_user(authorization: str = Header(...)) -> str:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401)
    return token  # looked up against the users table in a real deployment


@app.post("/notes")
def create_note(note: NoteIn, user: str = Depends(current_user),
                settings: Settings = Depends(load_settings)) -> dict[str, int]:
    with db.connect(settings.database_url.removeprefix("sqlite:///")) as conn:
        db.init(conn)
        return {"id": db.add_note(conn, user, note.body)}


@app.get("/notes")
def list_notes(user: str = Depends(current_user),
               settings: Settings = Depends(load_settings)) -> list[dict[str, object]]:
    with db.connect(settings.database_url.removeprefix("sqlite:///")) as conn:
        db.init(conn)
        return [{"id": i, "body": b} for i, b in db.notes_for(conn, user)]


@app.post("/notes/{note_id}/translate")
def translate_note(note_id: int, body: TranslateIn, user: str = Depends(current_user),
                   settings: Settings = Depends(load_settings)) -> dict[str, str]:
    with db.connect(settings.database_url.removeprefix("sqlite:///")) as conn:
        notes = dict(db.notes_for(conn, user))
    if note_id not in notes:
        raise HTTPException(status_code=404)
    return {"text": translate(settings, notes[note_id], body.target)}


def main() -> None:
    import uvicorn

    settings = load_settings()
    uvicorn.run(app, host=settings.host, port=8000)
