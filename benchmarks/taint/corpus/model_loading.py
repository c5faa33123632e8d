"""Loading models and cached artefacts: constants, trusted paths and uploaded data."""

import pickle

import joblib
import numpy as np
import torch
import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
MODEL_PATH = "models/classifier.pt"


def load_classifier():
    # ok: SC204
    return torch.load(MODEL_PATH, weights_only=True)


def load_cached(path):
    # audit: SC204
    return torch.load(path)


def load_features():
    # ok: SC204
    return np.load("features.npy")


def load_embeddings(path):
    # expect: SC243; audit: SC204
    return np.load(path, allow_pickle=True)


def load_settings():
    with open("settings.yaml") as fh:
        # ok: SC204
        return yaml.load(fh, Loader=yaml.SafeLoader)


def load_pipeline():
    with open("pipeline.pkl", "rb") as fh:
        # No untrusted source reaches it (SC204 stays silent), but unpickling is dangerous
        # whatever the input: the deserialization class expects the API rule here.
        # expect: SC243
        return pickle.load(fh)


def restore(blob):
    # expect: SC243; audit: SC204
    return pickle.loads(blob)


@app.route("/predict", methods=["POST"])
def predict():
    upload = request.files["model"]
    # expect: SC204, SC243
    model = joblib.load(upload)
    return jsonify(classes=list(model.classes_))


@app.route("/predict-safe", methods=["POST"])
def predict_safe():
    weights = request.files["weights"]
    # ok: SC204
    state = torch.load(weights, weights_only=True)
    return jsonify(keys=list(state))
