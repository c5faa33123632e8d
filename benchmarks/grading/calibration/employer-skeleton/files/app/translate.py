import requests
from flask import current_app


def translate(text, target):
    response = requests.post(
        "https://translate.example.com/v1/translate",
        json={"q": text, "target": target},
        headers={"Authorization": f"Bearer {current_app.config['TRANSLATE_API_KEY']}"},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()["text"]
