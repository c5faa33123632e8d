"""Names of things. None of these are secrets, although many look like they might be."""

AUTH_HEADER = "Authorization"  ⟪-name-only⟫
API_KEY_HEADER = "X-API-Key"  ⟪-name-only⟫
SECRET_HEADER = "X-Webhook-Secret"  ⟪-name-only⟫
TOKEN_URL = "https://oauth2.googleapis.com/token"  ⟪-url-no-creds⟫
PASSWORD_FIELD = "password"  ⟪-name-only⟫
PASSWORD_CONFIRM_FIELD = "password_confirm"  ⟪-name-only⟫
PASSWORD_MIN_LENGTH = 12
PASSWORD_REGEX = r"^(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{12,}$"  ⟪-name-only⟫
TOKEN_COOKIE = "session_token"  ⟪-name-only⟫
API_KEY_ENV_VAR = "SHOP_API_KEY"  ⟪-name-only⟫
SECRET_MANAGER_PATH = "projects/myshop/secrets/db-password/versions/latest"  ⟪-name-only⟫
DEFAULT_TOKEN_TYPE = "bearer"  ⟪-enum-word⟫
PASSWORD_RESET_SUBJECT = "Reset your password"  ⟪-name-only⟫
ERROR_BAD_TOKEN = "The token is invalid or has expired."  ⟪-name-only⟫
ERROR_BAD_PASSWORD = "Incorrect password."  ⟪-name-only⟫
SECRET_KEY_SETTING = "SECRET_KEY"  ⟪-name-only⟫
ACCESS_TOKEN_TTL = 900
KEYRING_SERVICE = "myshop-cli"
MASKED_PASSWORD = "********"  ⟪-placeholder⟫
TOKEN_PREFIX = "Bearer "  ⟪-enum-word⟫
CREDENTIALS_FILE = "~/.config/myshop/credentials.json"  ⟪-name-only⟫
PRIVATE_KEY_PATH = "/etc/myshop/keys/signing.pem"  ⟪-name-only⟫
