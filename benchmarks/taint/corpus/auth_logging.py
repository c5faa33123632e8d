"""Authentication helpers with logging: the usual places secrets leak."""

import getpass
import logging
import os

import requests

logger = logging.getLogger("auth")
API_URL = "https://accounts.example.com"


def login(username, password):
    # expect: SC231
    logger.debug("login attempt for %s with password %s", username, password)
    # ok: SC231
    logger.info("login attempt for %s", username)
    resp = requests.post(f"{API_URL}/login", data={"u": username, "p": password}, timeout=10)
    if resp.status_code != 200:
        # expect: SC231
        raise RuntimeError(f"login failed for {username}: password={password}")
    return resp.json()["token"]


def refresh(session, refresh_token):
    # expect: SC231
    print("refreshing with", refresh_token)
    # ok: SC231
    print("refreshing session for", session.user)
    # ok: SC231
    logger.info("token length %d", len(refresh_token))


def connect_db():
    db_pass = os.environ["DB_PASSWORD"]
    # expect: SC231
    logger.info(f"connecting to db with {db_pass}")
    # ok: SC231
    logger.info("connecting to db as %s", os.environ.get("DB_USER"))
    return db_pass


def prompt():
    secret_value = getpass.getpass("Vault key: ")
    value = secret_value.strip()
    # expect: SC231
    print("Using " + secret_value)
    # ok: SC231
    print("read a key of", len(value), "characters")
    return value


class Client:
    def __init__(self, api_key):
        self.api_key = api_key

    def describe(self):
        # expect: SC231
        logger.warning("client configured with key %s", self.api_key)
        # ok: SC231
        logger.warning("client configured with key ending %s", self.api_key[-4:])
