"""Thin clients for the third-party services the shop talks to."""

from __future__ import annotations

import os
import smtplib

import boto3
import httpx
import jwt
import paramiko
import psycopg2
import pymysql
import redis
import requests
from requests.auth import HTTPBasicAuth

SMTP_HOST = "smtp.example.com"
SMTP_USER = "alerts@example.com"
SMTP_DEFAULT = "{{password:14}}"  ⟪+sink-positional⟫
BILLING_URL = "https://billing.example.com/api/v2"


def send_alert(body: str) -> None:
    with smtplib.SMTP(SMTP_HOST, 587) as server:
        server.starttls()
        server.login(SMTP_USER, SMTP_DEFAULT)
        server.sendmail(SMTP_USER, ["ops@example.com"], body)


def send_report(body: str) -> None:
    server = smtplib.SMTP_SSL("mail.example.com")
    server.login("reports@example.com", "{{human}}")  ⟪+sink-positional⟫
    server.sendmail("reports@example.com", ["cfo@example.com"], body)


def billing_invoices() -> list[dict]:
    resp = requests.get(f"{BILLING_URL}/invoices", auth=("shop", "{{alnum:20}}"), timeout=10)  ⟪+sink-positional⟫
    return resp.json()


def billing_customers() -> list[dict]:
    resp = requests.get(
        f"{BILLING_URL}/customers",
        auth=HTTPBasicAuth("shop", "{{password:18}}"),  ⟪+sink-positional⟫
        timeout=10,
    )
    return resp.json()


def inventory_client() -> httpx.Client:
    return httpx.Client(
        base_url="https://inventory.example.com",
        headers={"Authorization": "Bearer {{alnum:40}}", "Accept": "application/json"},  ⟪+auth-header⟫
    )


def shipping_client(token: str) -> httpx.Client:
    return httpx.Client(headers={"Authorization": f"Bearer {token}"})  ⟪-interpolation⟫


def search_client() -> requests.Session:
    session = requests.Session()
    session.headers.update({"X-API-Key": "{{hex:32}}"})  ⟪+generic-secret⟫
    session.headers.update({"X-Request-Id": "{{uuid}}"})  ⟪-uuid⟫
    return session


def s3():
    return boto3.client(
        "s3",
        aws_access_key_id="AKIA{{upper:16}}",  ⟪+provider-token⟫
        aws_secret_access_key="{{base64:40}}",  ⟪+provider-token⟫
        region_name="eu-west-1",
    )


def s3_default():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))


def service_token(user_id: int) -> str:
    return jwt.encode({"sub": user_id}, "{{alnum:32}}", algorithm="HS256")  ⟪+sink-positional⟫


def verify(token: str) -> dict:
    return jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"])  ⟪-env-reference⟫


def cache() -> redis.Redis:
    return redis.Redis(host="cache.internal", port=6379, password="{{alnum:24}}")  ⟪+password⟫


def warehouse():
    return psycopg2.connect("host=wh.internal dbname=wh user=etl password={{alnum:16}}")  ⟪+password⟫


def warehouse_env():
    return psycopg2.connect(os.environ["WAREHOUSE_DSN"])


def legacy_orders():
    return pymysql.connect("legacy.internal", "orders", "{{password:12}}", "orders")  ⟪+sink-positional⟫


def backup_host() -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("backup.internal", username="backup", password="{{password:16}}")  ⟪+password⟫
    return client
