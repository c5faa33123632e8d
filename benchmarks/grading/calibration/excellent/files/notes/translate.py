import httpx

from notes.config import Settings


def translate(settings: Settings, text: str, target: str) -> str:
    response = httpx.post(
        f"{settings.translate_api_url}/translate",
        json={"q": text, "target": target},
        headers={"Authorization": f"Bearer {settings.translate_api_key.get_secret_value()}"},
        timeout=10.0,
    )
    response.raise_for_status()
    return response.json()["translatedText"]
