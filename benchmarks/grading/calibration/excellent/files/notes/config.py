"""Settings come from the environment; the service refuses to start without them."""

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NOTES_")

    database_url: str = "sqlite:///./notes.db"
    translate_api_url: str = "https://api.translate.example.com/v2"
    translate_api_key: SecretStr  # required: no default, startup fails if unset
    debug: bool = False
    host: str = "127.0.0.1"


def load_settings() -> Settings:
    return Settings()
