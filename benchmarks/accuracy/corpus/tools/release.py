"""Build and publish a release: tag, changelog, PyPI, GitHub release, Slack note."""

from __future__ import annotations

import subprocess
import sys

import requests

PYPI_TOKEN = "{{pypi_token}}"  ⟪+provider-token⟫
GH_RELEASE_TOKEN = "github_pat_{{alnum:22}}_{{alnum:59}}"  ⟪+provider-token⟫
SLACK_BOT_TOKEN = "xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}"  ⟪+provider-token⟫
DISCORD_WEBHOOK = "https://discord.com/api/webhooks/{{digits:18}}/{{base64url:68}}"  ⟪+provider-token⟫
CHANGELOG_URL = "https://github.com/myshop/myshop/blob/main/CHANGELOG.md"  ⟪-url-no-creds⟫


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def main(version: str) -> int:
    sha = run("git", "rev-parse", "HEAD")
    run("python", "-m", "build")
    run("twine", "upload", "-u", "__token__", "-p", PYPI_TOKEN, "dist/*")
    requests.post(
        "https://api.github.com/repos/myshop/myshop/releases",
        headers={"Authorization": f"token {GH_RELEASE_TOKEN}", "Accept": "application/vnd.github+json"},  ⟪-interpolation⟫
        json={"tag_name": version, "target_commitish": sha},
        timeout=30,
    )
    requests.post(
        "https://slack.com/api/chat.postMessage",
        headers={"Authorization": "Bearer " + SLACK_BOT_TOKEN},
        json={"channel": "#releases", "text": f"myshop {version} is out"},
        timeout=10,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
