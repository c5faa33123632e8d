"""WebSocket handlers: what the client sends over the socket is remote input, like a request's
body (holdout20's jupyter-lsp, CVE-2024-22415, wrote a message's path to disk). Tornado calls
`on_message(message)`, Django Channels' consumers `receive(text_data, bytes_data)` and
`receive_json(content)`, and a Starlette/FastAPI `WebSocket` hands it out through
`receive_text()` and its kin. A method of that name on any other class is ordinary code.
"""

import os
import sqlite3

from channels.generic.websocket import JsonWebsocketConsumer, WebsocketConsumer
from fastapi import FastAPI, WebSocket
from tornado.websocket import WebSocketHandler

app = FastAPI()
ROOT = "/srv/shadow"


class ShadowHandler(WebSocketHandler):
    def on_message(self, message):
        path = os.path.join(ROOT, message)
        # expect: SC205
        with open(path, "w") as fh:
            fh.write("")


class ChatConsumer(WebsocketConsumer):
    def receive(self, text_data=None, bytes_data=None):
        db = sqlite3.connect("chat.db")
        # expect: SC201
        db.execute("INSERT INTO log VALUES ('%s')" % text_data)
        # ok: SC201
        db.execute("INSERT INTO log VALUES (?)", (text_data,))


class RoomConsumer(JsonWebsocketConsumer):
    def receive_json(self, content, **kwargs):
        # expect: SC205
        os.remove(os.path.join(ROOT, content["name"]))


@app.websocket("/ws")
async def socket(websocket: WebSocket):
    await websocket.accept()
    name = await websocket.receive_text()
    # expect: SC205
    with open(os.path.join(ROOT, name)) as fh:
        await websocket.send_text(fh.read())


class Queue:
    def on_message(self, message):
        # ok: SC205 not a WebSocket handler: its caller decides what message holds
        with open(os.path.join(ROOT, message)) as fh:
            return fh.read()
