#!/usr/bin/env python3
"""Rotate the service keys used by the nightly jobs."""

import argparse
import getpass
import os
import sys

import keyring
import requests

VAULT_ADDR = "https://vault.internal:8200"
VAULT_TOKEN = "hvs.{{base64url:95}}"  ⟪+provider-token⟫
GITHUB_TOKEN = "{{crc_token:ghp}}"  ⟪+provider-token⟫
GITLAB_TOKEN = os.environ.get("GITLAB_TOKEN")  ⟪-env-reference⟫
SLACK_WEBHOOK = "https://hooks.slack.com/services/T{{upper_alnum:8}}/B{{upper_alnum:10}}/{{alnum:24}}"  ⟪+provider-token⟫


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--password", help="admin password (prompted when omitted)")  ⟪-name-only⟫
    parser.add_argument("--token-file", default="~/.myshop/token")  ⟪-name-only⟫
    args = parser.parse_args()
    password = args.password or getpass.getpass("Admin password: ")  ⟪-name-only⟫
    keyring.set_password("myshop", "deploy", "{{password:20}}")  ⟪+sink-positional⟫
    headers = {"X-Vault-Token": VAULT_TOKEN}
    resp = requests.post(f"{VAULT_ADDR}/v1/auth/token/renew-self", headers=headers, timeout=5)
    if resp.status_code != 200:
        print("token renewal failed", file=sys.stderr)
        return 1
    npm = "{{crc_token:npm}}"  ⟪+provider-token⟫
    print(f"renewed; npm token ends {npm[-4:]}")
    return 0 if password else 2


if __name__ == "__main__":
    sys.exit(main())
