"""A module-level object built by a function of the module that returns it in a tuple.

FastChat's controller (holdout13, its missed SSRF): `args, controller = create_controller()`
under `if __name__ == "__main__":`, and `POST /register_worker` calls
`controller.register_worker(data["worker_name"])`, whose method posts to that URL. The object's
class is read from the function's return: a name bound once to a constructor call. Where the
returns disagree, the class is not known, and no method is chosen for it.
"""

import requests
from fastapi import FastAPI, Request


class Controller:
    def __init__(self, method):
        self.method = method

    def register_worker(self, worker_name):
        # expect: SC206
        return requests.post(worker_name + "/worker_get_status", timeout=5)


class Pinger:
    def ping(self, url):
        # ok: SC206
        return requests.get(url, timeout=5)


class Quiet:
    def ping(self, url):
        return url


app = FastAPI()


@app.post("/register_worker")
async def register_worker(request: Request):
    data = await request.json()
    controller.register_worker(data["worker_name"])


@app.post("/ping")
async def ping(request: Request):
    data = await request.json()
    pinger.ping(data["url"])


def create_controller():
    controller = Controller("shortest_queue")
    return "args", controller


def create_pinger(quiet):
    if quiet:
        return "args", Quiet()
    made = Pinger()
    made = Quiet()
    return "args", made


if __name__ == "__main__":
    args, controller = create_controller()
    options, pinger = create_pinger(False)
