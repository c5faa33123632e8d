"""Pinned downloads and the commits they were built from."""

from __future__ import annotations

import hashlib
import uuid

VENDORED = {
    "jquery-3.7.1.min.js": "sha256:{{hex:64}}",  ⟪-hex-digest⟫
    "bootstrap-5.3.2.min.css": "sha256:{{hex:64}}",  ⟪-hex-digest⟫
    "chart-4.4.0.umd.js": "sha256:{{hex:64}}",  ⟪-hex-digest⟫
}
TOOL_CHECKSUMS = {
    "terraform_1.6.6_linux_amd64.zip": "{{hex:64}}",  ⟪-hex-digest⟫
    "kubectl-v1.29.0": "{{hex:64}}",  ⟪-hex-digest⟫
    "helm-v3.13.3": "{{hex:64}}",  ⟪-hex-digest⟫
}
MD5_OF_EMPTY = "{{hex:32}}"  ⟪-hex-digest⟫
BUILD_COMMIT = "{{hex:40}}"  ⟪-git-sha⟫
UPSTREAM_REV = "{{hex:40}}"  ⟪-git-sha⟫
SHORT_SHA = "{{hex:7}}"  ⟪-git-sha⟫
ETAG_CACHE = {"/static/app.css": "W/\"{{hex:32}}\""}  ⟪-hex-digest⟫
NAMESPACE_ORDERS = uuid.UUID("{{uuid}}")  ⟪-uuid⟫
TENANT_ID = "{{uuid}}"  ⟪-uuid⟫
DEFAULT_ORG_ID = "{{uuid}}"  ⟪-uuid⟫
TRACE_ID_EXAMPLE = "{{hex:32}}"  ⟪-hex-digest⟫


def verify(path: str, expected_sha256: str) -> bool:
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return digest == expected_sha256


def test_vector() -> None:
    assert hashlib.sha1(b"abc").hexdigest() == "{{hex:40}}"  ⟪-hex-digest⟫
    assert hashlib.sha256(b"").hexdigest() == "{{hex:64}}"  ⟪-hex-digest⟫
