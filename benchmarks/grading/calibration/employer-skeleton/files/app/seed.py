# Seed data for local development (provided with the exercise).
USERS = [
    {"name": "admin", "password": "admin123"},
    {"name": "demo", "password": "demo"},
]
ADMIN_PASSWORD = "admin123"
MOCK_SERVICE_TOKEN = "{{alnum:32}}"  # token of the exercise's mock translation service
