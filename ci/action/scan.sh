#!/usr/bin/env bash
# The GitHub Action's scan step (action.yml), kept here so tests/ci can run it with bash.
#
# Inputs arrive as environment variables, never spliced into the script text by the workflow
# engine, so a path or an argument cannot inject shell code:
#   SECRETCHECK_EVENT      github.event_name ("pull_request" -> diff mode, else a full scan)
#   SECRETCHECK_BASE_SHA   the pull request's base commit (diff mode only)
#   SECRETCHECK_PATHS      what a full scan covers (default ".")
#   SECRETCHECK_FAIL_ON    info|low|medium|high|critical, or "none" (report, never fail on findings)
#   SECRETCHECK_BASELINE   a baseline file ("" = the config's `baseline`, if any)
#   SECRETCHECK_SARIF      where the SARIF report goes
#   SECRETCHECK_ARGS       extra scan flags, split on whitespace
# Writes `sarif-file` and `exit-code` to $GITHUB_OUTPUT and the job summary (through
# `--format github`) to $GITHUB_STEP_SUMMARY. Always exits 0: the action's last step fails the
# job, after the SARIF upload, so code scanning shows what failed it.
set -uo pipefail

fail_on="${SECRETCHECK_FAIL_ON:-low}"
case "$fail_on" in
  info|low|medium|high|critical) severity="$fail_on" ;;
  none) severity="critical" ;;  # findings never fail; the report still ranks them
  *) echo "::error title=secretcheck::fail-on must be info, low, medium, high, critical or none (got '$fail_on')"
     echo "exit-code=2" >>"$GITHUB_OUTPUT"; exit 0 ;;
esac

args=(--fail-on "$severity")
if [ -n "${SECRETCHECK_BASELINE:-}" ]; then
  args+=(--baseline "$SECRETCHECK_BASELINE")
fi
if [ -n "${SECRETCHECK_ARGS:-}" ]; then
  read -r -a extra <<<"$SECRETCHECK_ARGS"
  args+=("${extra[@]}")
fi
if [ "${SECRETCHECK_EVENT:-}" = "pull_request" ] || [ "${SECRETCHECK_EVENT:-}" = "pull_request_target" ]; then
  if [ -z "${SECRETCHECK_BASE_SHA:-}" ]; then
    echo "::error title=secretcheck::pull request without a base sha"
    echo "exit-code=2" >>"$GITHUB_OUTPUT"; exit 0
  fi
  if ! git cat-file -e "${SECRETCHECK_BASE_SHA}^{commit}" 2>/dev/null; then
    echo "::error title=secretcheck::base commit ${SECRETCHECK_BASE_SHA} is not in the clone: use actions/checkout with fetch-depth: 0"
    echo "exit-code=2" >>"$GITHUB_OUTPUT"; exit 0
  fi
  target=(--diff "$SECRETCHECK_BASE_SHA")
else
  read -r -a target <<<"${SECRETCHECK_PATHS:-.}"
fi

sarif="${SECRETCHECK_SARIF:-secretcheck.sarif}"
# 1. SARIF of new findings only: code scanning ignores baselineState and would open an alert for
#    every baselined or suppressed secret. Its exit code is the same scan's, so it is not kept.
secretcheck scan "${args[@]}" --only-new --format sarif --output "$sarif" "${target[@]}"
sarif_code=$?
# 2. Annotations on the diff and the job summary table; this run's exit code gates the job.
#    The findings cache makes this second pass cheap.
secretcheck scan "${args[@]}" --format github "${target[@]}"
code=$?
if [ "$fail_on" = "none" ] && [ "$code" -eq 1 ]; then
  code=0
fi
if [ -s "$sarif" ] && [ "$sarif_code" -ne 2 ]; then
  echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
fi
echo "exit-code=$code" >>"$GITHUB_OUTPUT"
exit 0
