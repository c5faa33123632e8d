"""Name splitting, value judging and the known-non-secret filters, one behaviour per case."""

from __future__ import annotations

import pytest

from secretcheck.analysis.context import path_context
from secretcheck.analysis.literals import is_placeholder, placeholder_reason
from secretcheck.analysis.names import WEAK_KEY, credential_words, split_words
from secretcheck.analysis.scoring import judge_named, strength
from secretcheck.analysis.values import benign_file, benign_value, describe
from secretcheck.examples import expand


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("DATABASEPASSWORD", "password"),
        ("apiKey", "api key"),
        ("x_api_key", "api key"),
        ("SECRET_KEY", "secret key"),
        ("client_secret", "secret"),
        ("flower_basic_auth", "basic auth"),
        ("_auth", "auth"),
        ("NONCE_KEY", WEAK_KEY),
    ],
)
def test_credential_names(name: str, word: str) -> None:
    assert credential_words(name) == word


@pytest.mark.parametrize(
    "name",
    ["password_field", "token_type", "secret_name", "tokenizer", "secretcheck", "passwordreset",
     "PASSWORD_HASHERS", "existingSecret", "password_encoding", "API_KEY_SOURCES", "cache"],
)  # fmt: skip
def test_descriptive_names_are_not_credentials(name: str) -> None:
    assert credential_words(name) is None


def test_split_words_handles_camel_and_acronyms() -> None:
    assert split_words("x_apiKey-v2") == ("x", "api", "key", "v", "2")
    assert split_words("HTTPBasicAuth") == ("http", "basic", "auth")


@pytest.mark.parametrize(
    "value",
    ["changeme", "<your-api-key>", "${DB_PASSWORD}", "{{ secret_key }}", "xxxxxxxx",
     "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx", "your-sendgrid-api-key", "test-secret-key",
     "not-the-password", "postgres", "REPLACE_ME", "Enter your password:",
     "ApplyTypeAnnotationsVisitor", "arn:aws:iam::aws:policy/ReadOnly", r"(?:key|pwd)=(\w+)",
     "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "%(password)s", "@format {env[SMTP_PASSWORD]}"],
)  # fmt: skip
def test_stand_in_values_are_rejected(value: str) -> None:
    assert placeholder_reason(value, "password") is not None or is_placeholder(value)


@pytest.mark.parametrize("template", ["{{password:16}}", "{{alnum:32}}", "{{human}}", "{{hex:40}}"])
def test_generated_secrets_are_accepted(template: str) -> None:
    value = expand(template, seed=7)
    assert placeholder_reason(value, "db_password") is None
    assert judge_named("db_password", value) is not None


def test_value_equal_to_its_key_or_user_is_rejected() -> None:
    assert judge_named("POSTGRES_PASSWORD", "postgres") is None
    assert placeholder_reason("password", "password") is not None


def test_weak_key_names_need_random_values() -> None:
    assert judge_named("CACHE_KEY", "user-profile") is None
    assert judge_named("NONCE_KEY", expand("{{password:64}}")) is not None


def test_tokens_are_never_one_lowercase_word_but_passwords_may_be() -> None:
    assert judge_named("input_token", "marker") is None
    assert judge_named("password", "dragonfly") is not None


def test_strength_grades_random_looking_values() -> None:
    assert strength(expand("{{alnum:32}}")) == 2
    assert strength("abc") == 0


def test_describe_never_contains_the_value() -> None:
    value = expand("{{alnum:40}}", seed=3)
    text = describe(value)
    assert value not in text and "40 chars" in text


@pytest.mark.parametrize(
    ("value", "line", "reason"),
    [
        (
            "3f2b8c1e-9a4d-4c7e-8f01-2b3c4d5e6f70",
            'id = "3f2b8c1e-9a4d-4c7e-8f01-2b3c4d5e6f70"',
            "uuid",
        ),
        ("a" * 12, 'down_revision = "aaaaaaaaaaaa"', "migration revision id"),
        ("AKIAIOSFODNN7EXAMPLE", "", "documented example key"),
    ],
)
def test_benign_values(value: str, line: str, reason: str) -> None:
    assert benign_value(value, line) == reason


def test_hex_digests_in_checksum_contexts_only() -> None:
    digest = expand("{{hex:64}}", seed=1)
    assert benign_value(digest, f'sha256 = "{digest}"') == "hex digest or commit id"
    assert benign_value(digest, f'"helm-v3.13.3.tar.gz": "{digest}"') == "hex digest or commit id"
    assert benign_value(digest, f'api_secret = "{digest}"', named=True) is None


def test_data_uris_and_public_material() -> None:
    blob = expand("{{base64:80}}", seed=2)
    assert benign_value(blob, f'src="data:image/png;base64,{blob}"') == "data uri"
    assert benign_value(blob, "ssh-ed25519 AAAAC3" + blob) == "public key or certificate"


@pytest.mark.parametrize(
    ("path", "reason"),
    [("package-lock.json", "lock file"), ("web/static/app.min.js", "minified asset"),
     ("locale/de/LC_MESSAGES/django.po", "i18n catalog"), ("app/locales/fr.json", "i18n catalog"),
     ("static/locale/ach/viewer.properties", "i18n catalog"), ("l10n/fr/app.yaml", "i18n catalog"),
     ("app/settings.py", None), ("locale/a/b/c/config.json", None)],
)  # fmt: skip
def test_benign_files(path: str, reason: str | None) -> None:
    assert benign_file(path) == reason


@pytest.mark.parametrize(
    ("path", "context"),
    [("tests/test_auth.py", "test"), ("app/fixtures/users.json", "fixture"),
     (".env.example", "example"), ("docs/setup.md", "docs"), ("app/settings.py", None),
     ("t/unit/security/__init__.py", "test"), ("celery/testing/app.py", "test"),
     ("celery/utils/text.py", None)],
)  # fmt: skip
def test_path_context(path: str, context: str | None) -> None:
    assert path_context(path) == context
