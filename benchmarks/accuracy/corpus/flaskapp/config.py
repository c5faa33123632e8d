"""Flask configuration for the shop's development and staging deployments."""

import os


class Config:
    SQLALCHEMY_DATABASE_URI = "mysql+pymysql://root:password@localhost/shop"  ⟪+weak-credential⟫
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = os.environ.get("SECRET_KEY")  ⟪-env-lookup⟫
    CELERY_BROKER_URL = "amqp://guest:guest@localhost:5672//"  ⟪+weak-credential⟫
    REDIS_URL = "redis://:changeme@localhost:6379/0"  ⟪+weak-credential⟫
    MAIL_PASSWORD = "admin123"  ⟪+weak-credential⟫
    CACHE_URL = "redis://localhost:6379/1"  ⟪-url-no-creds⟫
    ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]  ⟪-env-lookup⟫


class StagingConfig(Config):
    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]  ⟪-env-lookup⟫
    MONGO_URI = "mongodb://mongo:mongo@mongo:27017/shop"  ⟪+weak-credential⟫
    SEARCH_URL = "http://search.internal:9200"  ⟪-url-no-creds⟫
