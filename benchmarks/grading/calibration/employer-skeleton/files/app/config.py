import os


class Config:
    SECRET_KEY = os.environ["SECRET_KEY"]  # required: the app must not start with a known key
    TRANSLATE_API_KEY = os.environ["TRANSLATE_API_KEY"]
    DATABASE = os.environ.get("DATABASE", "notes.db")
