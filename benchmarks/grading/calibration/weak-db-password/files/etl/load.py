import csv
import os

import psycopg


def connect():
    return psycopg.connect(
        host=os.environ.get("POSTGRES_HOST", "localhost"),
        dbname=os.environ["POSTGRES_DB"],
        user=os.environ["POSTGRES_USER"],
        password=os.environ["POSTGRES_PASSWORD"],
    )


def load(path, conn):
    with open(path, newline="") as handle, conn.cursor() as cur:
        for row in csv.DictReader(handle):
            cur.execute(
                "INSERT INTO trips (start, duration) VALUES (%s, %s)",
                (row["start"], int(row["duration"])),
            )
    conn.commit()
