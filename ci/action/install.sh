#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): a private virtual environment, so the runner's
# system Python (PEP 668 "externally managed") and the project's own packages are left alone.
#   SECRETCHECK_VERSION  "" = install the action's own checkout, else that secretcheck-py version
#   SECRETCHECK_SOURCE   the action's checkout (github.action_path)
#   SECRETCHECK_PYTHON   interpreter that makes the venv (default python3)
#   SECRETCHECK_VENV     where the venv goes
# Puts the venv's bin folder on $GITHUB_PATH for the later steps.
set -euo pipefail

venv="${SECRETCHECK_VENV:?}"
"${SECRETCHECK_PYTHON:-python3}" -m venv "$venv"
if [ -n "${SECRETCHECK_VERSION:-}" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "secretcheck-py==${SECRETCHECK_VERSION}"
else
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${SECRETCHECK_SOURCE:?}"
fi
"$venv/bin/secretcheck" --version
echo "$venv/bin" >>"${GITHUB_PATH:?}"
