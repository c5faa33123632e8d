"""Caches, job queues and model artefacts: every way the worker turns bytes back into objects."""

import json
import marshal
import pickle
import shelve

import dill
import joblib
import jsonpickle
import pandas as pd
import torch
import yaml

CACHE_PATH = "/var/cache/worker/state.pkl"
DEFAULT_JOB = {"retries": 3, "queue": "default"}


def load_state():
    with open(CACHE_PATH, "rb") as fh:
        # expect: SC243
        return pickle.load(fh)


def decode_job(message):
    # expect: SC243
    return pickle.loads(message.body)


def decode_job_json(message):
    # ok: SC243
    return json.loads(message.body)


def load_code_object(blob):
    # expect: SC243
    return marshal.loads(blob)


def open_store(path):
    # expect: SC243
    return shelve.open(path)


def restore_session(blob):
    # expect: SC243
    return dill.loads(blob)


def decode_event(payload):
    # expect: SC243
    return jsonpickle.decode(payload)


def load_pipeline(path):
    # expect: SC243
    return joblib.load(path)


def load_frame(path):
    # expect: SC243
    return pd.read_pickle(path)


def load_frame_csv(path):
    # ok: SC243
    return pd.read_csv(path)


def read_settings(fh):
    # expect: SC243
    return yaml.load(fh, Loader=yaml.Loader)


def read_settings_unsafe(fh):
    # expect: SC243
    return yaml.unsafe_load(fh)


def read_settings_full(fh):
    # expect: SC243
    return yaml.full_load(fh)


def read_settings_safe(fh):
    # ok: SC243
    return yaml.load(fh, Loader=yaml.SafeLoader)


def read_settings_csafe(fh):
    # ok: SC243
    return yaml.load(fh, Loader=yaml.CSafeLoader)


def read_settings_safe_load(fh):
    # ok: SC243
    return yaml.safe_load(fh)


def load_checkpoint(path):
    # expect: SC243
    return torch.load(path, map_location="cpu")


def load_weights(path):
    # ok: SC243
    return torch.load(path, map_location="cpu", weights_only=True)


def save_state(state):
    with open(CACHE_PATH, "wb") as fh:
        # ok: SC243
        pickle.dump(state, fh)


def encode_job(job):
    # ok: SC243
    return pickle.dumps(job)



def load_cached_rates():
    with open("rates.cache", "rb") as fh:
        # ok: SC243
        return pickle.load(fh)


def fresh_defaults():
    # ok: SC243
    return pickle.loads(pickle.dumps(DEFAULT_JOB))
