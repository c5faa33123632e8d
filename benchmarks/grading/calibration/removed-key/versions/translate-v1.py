import requests

TRANSLATE_API_KEY = "{{alnum:40}}"


def translate_text(text, lang):
    r = requests.post(
        "https://api.translate.example.com/v2/translate",
        data={"q": text, "target": lang, "key": TRANSLATE_API_KEY},
        timeout=10,
    )
    return r.json()["data"]["translations"][0]["translatedText"]
