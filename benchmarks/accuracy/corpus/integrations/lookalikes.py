"""Values that carry a provider prefix but are not credentials of that provider."""

# A five-part dotted value whose first part is not a JWE header: a cache key, not a token.
CACHE_ENTRY = "eyJ{{base64url:30}}.{{base64url:40}}.{{base64url:16}}.{{base64url:60}}.{{base64url:22}}"  ⟪-checksum-fail⟫
SUPPORTED_PREFIXES = ("glpat-", "glft-", "glcbt-", "pscale_tkn_", "pscale_pw_", "sbp_", "rnd_")  ⟪-name-only⟫
TOKEN_PATTERNS = {"planetscale": r"pscale_tkn_[A-Za-z0-9_=.-]{32,64}", "heroku": r"HRKU-AA[0-9a-zA-Z_-]{58}"}  ⟪-name-only⟫
SLACK_WORKFLOW_BASE = "https://hooks.slack.com/workflows/"  ⟪-url-no-creds⟫
JDBC_TEMPLATE = "jdbc:mysql://{host}:3306/{db}?user={user}&password={password}"  ⟪-interpolation⟫
DB_URL = f"jdbc:postgresql://{HOST}:5432/shop?user=app&password={DB_PASSWORD}"  ⟪-interpolation⟫
ASANA_PROJECT = "1/{{digits:16}}"  ⟪-identifier⟫
