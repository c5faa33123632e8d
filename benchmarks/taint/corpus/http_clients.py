"""Outbound integrations: payment gateway, legacy partner API, internal services."""

import ssl
import urllib.request

import aiohttp
import httpx
import requests
import urllib3

GATEWAY = "https://payments.example.com"
INTERNAL_CA = "/etc/ssl/certs/internal-ca.pem"


def charge(amount):
    # expect: SC220
    return requests.post(f"{GATEWAY}/charge", json={"amount": amount}, verify=False, timeout=10)


def charge_verified(amount):
    # ok: SC220
    return requests.post(f"{GATEWAY}/charge", json={"amount": amount}, verify=True, timeout=10)


def charge_internal_ca(amount):
    # ok: SC220
    return requests.post(f"{GATEWAY}/charge", json={"amount": amount}, verify=INTERNAL_CA, timeout=10)


def legacy_session():
    session = requests.Session()
    # expect: SC220
    session.verify = False
    # expect: SC220
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    return session


def legacy_context():
    ctx = ssl.create_default_context()
    # expect: SC220
    ctx.check_hostname = False
    # expect: SC220
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def strict_context():
    ctx = ssl.create_default_context(cafile=INTERNAL_CA)
    # ok: SC220
    ctx.check_hostname = True
    # ok: SC220
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def fetch_report(url):
    # expect: SC220
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen(url, context=ctx) as resp:
        return resp.read()


def fetch_metrics():
    # expect: SC220
    with httpx.Client(verify=False) as client:
        return client.get("https://metrics.internal.example/v1").json()


async def fetch_async(url):
    async with aiohttp.ClientSession() as session:
        # expect: SC220
        async with session.get(url, ssl=False) as resp:
            return await resp.text()


async def fetch_async_verified(url):
    async with aiohttp.ClientSession() as session:
        # ok: SC220
        async with session.get(url, ssl=ssl.create_default_context()) as resp:
            return await resp.text()
