from __future__ import annotations

import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

LEGACY_URL = "mysql+pymysql://root:{{password:14}}@legacy-db:3306/shop"  ⟪+url-credential⟫
LOCAL_URL = "sqlite:///./local.db"  ⟪-url-no-creds⟫
TEMPLATE_URL = "postgresql://{user}:{password}@{host}:5432/{db}"  ⟪-interpolation⟫
ENV_URL = "postgresql://app:${DB_PASSWORD}@db:5432/app"  ⟪-interpolation⟫
DOCS_URL = "postgresql://user:password@localhost/dbname"  ⟪-placeholder⟫

engine = create_engine(os.environ.get("DATABASE_URL", LOCAL_URL))
legacy_engine = create_engine(LEGACY_URL, pool_pre_ping=True)
reporting_engine = create_engine(
    "postgresql://reporting:{{alnum:18}}@reporting.internal/reports"  ⟪+url-credential⟫
)
Session = sessionmaker(bind=engine)


def dsn(user: str, password: str, host: str) -> str:
    return f"postgresql://{user}:{password}@{host}:5432/shop"  ⟪-interpolation⟫
