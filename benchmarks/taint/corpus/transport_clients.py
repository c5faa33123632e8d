"""Outbound transports of the ops toolkit: partner APIs, file drops, mail and old devices."""

import ftplib
import smtplib
import telnetlib
import urllib.request
from ftplib import FTP_TLS

import httpx
import requests

PARTNER_API = "http://partner.logistics-hub.io/api/v2"
SECURE_API = "https://partner.logistics-hub.io/api/v2"
XMLNS = "http://www.w3.org/2001/XMLSchema-instance"
DOCS_URL = "http://docs.python.org/3/library/ftplib.html"


def push_orders(orders, api_key):
    # expect: SC242
    return requests.post("http://orders.acme-partner.net/v1/orders", json=orders,
                         headers={"X-Api-Key": api_key}, timeout=10)


def push_orders_tls(orders, api_key):
    # ok: SC242
    return requests.post("https://orders.acme-partner.net/v1/orders", json=orders,
                         headers={"X-Api-Key": api_key}, timeout=10)


def fetch_rates():
    # expect: SC242
    return requests.get(PARTNER_API + "/rates", timeout=10)


def fetch_rates_tls():
    # ok: SC242
    return requests.get(SECURE_API + "/rates", timeout=10)


def fetch_shipment(shipment_id):
    # expect: SC242
    return httpx.get(f"http://tracking.parcel-net.io/shipments/{shipment_id}")


def fetch_shipment_tls(shipment_id):
    # ok: SC242
    return httpx.get(f"https://tracking.parcel-net.io/shipments/{shipment_id}")


def poll_inventory(session):
    # expect: SC242
    return session.get("http://inventory.warehouse-corp.com/api/stock")


def legacy_urlopen():
    # expect: SC242
    return urllib.request.urlopen("http://legacy.billing-corp.com/export.csv")


def local_health():
    # ok: SC242
    return requests.get("http://localhost:8000/health", timeout=2)


def loopback_metrics():
    # ok: SC242
    return requests.get("http://127.0.0.1:9100/metrics", timeout=2)


def docs_example():
    # ok: SC242
    return requests.get("http://api.example.com/v1/items", timeout=2)


def namespace_attribute(element):
    # ok: SC242
    return element.get(f"{{{XMLNS}}}type")


def print_docs():
    # ok: SC242
    print("See", DOCS_URL)


def upload_report(host, user, password, path):
    # expect: SC242
    ftp = ftplib.FTP(host)
    ftp.login(user, password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)


def upload_report_tls(host, user, password, path):
    # ok: SC242
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)


def reboot_switch(host, password):
    # expect: SC242
    session = telnetlib.Telnet(host, 23, timeout=5)
    session.write(password.encode() + b"\n")


def send_alert(host, user, password, message):
    # expect: SC242
    server = smtplib.SMTP(host, 587)
    server.login(user, password)
    server.send_message(message)


def send_alert_tls(host, user, password, message):
    # ok: SC242
    server = smtplib.SMTP(host, 587)
    server.starttls()
    server.login(user, password)
    server.send_message(message)


def send_alert_ssl(host, user, password, message):
    # ok: SC242
    with smtplib.SMTP_SSL(host, 465) as server:
        server.login(user, password)
        server.send_message(message)
