# Seed data for local development (provided with the exercise).
USERS = [
    {"name": "admin", "password": "admin123"},
    {"name": "demo", "password": "demo"},
]
ADMIN_PASSWORD = "admin123"
