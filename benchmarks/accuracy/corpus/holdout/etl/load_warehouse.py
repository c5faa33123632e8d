"""Nightly load from the shop database into the warehouse."""

import os
from urllib.parse import quote_plus

import pandas as pd
import snowflake.connector
from sqlalchemy import create_engine

SOURCE_PASSWORD = os.environ["SOURCE_DB_PASSWORD"]  ⟪-env-reference⟫
source = create_engine(f"postgresql://etl:{quote_plus(SOURCE_PASSWORD)}@db.internal/shop")  ⟪-interpolation⟫

WAREHOUSE = dict(
    user="LOADER",
    password="{{password:20}}",  ⟪+password⟫
    account="xy12345.eu-central-1",
    warehouse="LOAD_WH",
    database="ANALYTICS",
)


def extract(table: str) -> pd.DataFrame:
    return pd.read_sql_table(table, source)


def load(df: pd.DataFrame, table: str) -> None:
    with snowflake.connector.connect(**WAREHOUSE) as conn:
        conn.cursor().execute(f"TRUNCATE TABLE {table}")


def s3_options():
    return {
        "key": "AKIA{{upper:16}}",  ⟪+provider-token⟫
        "secret": "{{base64:40}}",  ⟪+provider-token⟫
        "client_kwargs": {"region_name": "eu-central-1"},
    }


if __name__ == "__main__":
    for name in ("orders", "customers"):
        load(extract(name), name.upper())
