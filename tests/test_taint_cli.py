"""The issue's must-haves through the real CLI: cross-function SQL injection and a FastAPI
query-parameter command injection are found with traces; bound parameters and a list argv
are clean. Also: traces in every report format, and the annotated corpus as exact sets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from secretcheck.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "taint" / "corpus"

CROSS_FUNCTION_SQL = """\
import sqlite3
from flask import Flask, request

app = Flask(__name__)


def find_user(conn, name):
    query = "SELECT id FROM users WHERE name = '%s'" % name
    return conn.execute(query).fetchone()


@app.route("/users")
def users():
    name = request.args.get("name", "")
    return {"user": find_user(sqlite3.connect("app.db"), name)}
"""
BOUND_SQL = CROSS_FUNCTION_SQL.replace(
    """    query = "SELECT id FROM users WHERE name = '%s'" % name
    return conn.execute(query).fetchone()""",
    """    return conn.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()""",
)
FASTAPI_COMMAND = """\
import subprocess
from fastapi import FastAPI

app = FastAPI()


@app.get("/ping")
def ping(host: str):
    out = subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True)
    return {"out": out.stdout.decode()}
"""
LIST_ARGV = FASTAPI_COMMAND.replace(
    'subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True)',
    'subprocess.run(["ping", "-c", "1", host], capture_output=True)',
)


def scan(tmp_path: Path, source: str, *extra: str) -> tuple[int, str]:
    target = tmp_path / "app.py"
    target.write_text(source, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", *extra, str(target)])
    return result.exit_code, result.output


def taint_findings(output: str) -> list[dict[str, object]]:
    return [f for f in json.loads(output)["findings"] if str(f["rule_id"]).startswith("SC20")]


def test_cross_function_sql_injection_has_a_trace(tmp_path: Path) -> None:
    code, output = scan(tmp_path, CROSS_FUNCTION_SQL, "--format", "json")
    assert code == 1
    [finding] = taint_findings(output)
    assert (finding["rule_id"], finding["line"], finding["confidence"]) == ("SC201", 9, "high")
    trace = finding["trace"]
    assert isinstance(trace, list)
    notes = [step["note"] for step in trace]
    assert notes[0] == "source: request.args (Flask)" and trace[0]["line"] == 14
    assert "passed to find_user()" in notes
    assert "parameter name of find_user()" in notes
    assert notes[-1] == "sink: conn.execute" and trace[-1]["line"] == 9


def test_trace_notes_name_variables_readably_and_still_mask_token_shaped_names(
    tmp_path: Path,
) -> None:
    # Notes used to quote names, and redaction masks quoted words as possible values:
    # "assigned to 'noti…[17 chars redacted]'". A bare name is shown unless it is token-shaped.
    long_name = CROSS_FUNCTION_SQL.replace("name = request", "notification_urls = request")
    long_name = long_name.replace("(sqlite3.connect(\"app.db\"), name)",
                                  "(sqlite3.connect(\"app.db\"), notification_urls)")
    _, output = scan(tmp_path, long_name, "--format", "json")
    [finding] = taint_findings(output)
    notes = [step["note"] for step in finding["trace"]]  # type: ignore[attr-defined]
    assert "assigned to notification_urls" in notes
    tokenish = "k8sTokenXyZ9aQ2Lm3"
    _, output = scan(tmp_path, long_name.replace("notification_urls", tokenish), "--format",
                     "json")  # fmt: skip
    assert tokenish not in output
    [finding] = taint_findings(output)
    notes = [step["note"] for step in finding["trace"]]  # type: ignore[attr-defined]
    assert any(n.startswith("assigned to k8s") and "redacted" in n for n in notes)


def test_a_framework_named_in_a_message_is_not_masked_as_a_token(tmp_path: Path) -> None:
    # "request.path_info (CherryPy)" came out as "(Ch…[8 chars redacted])": the name's last
    # part is two letters, which the redaction's camel-case words did not allow.
    code = (
        "import cherrypy\n\n\nclass Root:\n    @cherrypy.expose\n    def default(self):\n"
        "        return open('/srv' + cherrypy.request.path_info).read()\n"
    )
    _, output = scan(tmp_path, code, "--format", "json")
    [finding] = taint_findings(output)
    assert "request.path_info (CherryPy)" in str(finding["message"])


def test_bound_parameters_are_clean(tmp_path: Path) -> None:
    code, output = scan(tmp_path, BOUND_SQL, "--format", "json")
    assert code == 0
    assert taint_findings(output) == []


def test_fastapi_query_parameter_command_injection(tmp_path: Path) -> None:
    code, output = scan(tmp_path, FASTAPI_COMMAND, "--format", "json")
    assert code == 1
    [finding] = taint_findings(output)
    assert (finding["rule_id"], finding["line"], finding["category"]) == (
        "SC202", 9, "command-injection")  # fmt: skip
    assert finding["cwe"] == "CWE-78"
    notes = [step["note"] for step in finding["trace"]]  # type: ignore[attr-defined]
    assert notes == ["route parameter host of ping()", "sink: subprocess with shell=True"]


def test_list_argv_is_clean(tmp_path: Path) -> None:
    code, output = scan(tmp_path, LIST_ARGV, "--format", "json")
    assert code == 0
    assert taint_findings(output) == []


def test_text_report_shows_a_compact_flow(tmp_path: Path) -> None:
    code, output = scan(tmp_path, CROSS_FUNCTION_SQL)
    assert code == 1
    flow = next(line for line in output.splitlines() if "= flow:" in line)
    assert "source: request.args (Flask) (line 14) ->" in flow
    assert flow.rstrip().endswith("sink: conn.execute (line 9)")


def test_sarif_carries_code_flows_and_validates(tmp_path: Path) -> None:
    code, output = scan(tmp_path, FASTAPI_COMMAND, "--format", "sarif")
    assert code == 1
    document = json.loads(output)
    [result] = [r for r in document["runs"][0]["results"] if r["ruleId"] == "SC202"]
    locations = result["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [loc["location"]["physicalLocation"]["region"]["startLine"] for loc in locations] == [
        8, 9]  # fmt: skip
    for loc in locations:
        assert set(loc) == {"location"} and loc["location"]["message"]["text"]
    schema = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
    if not schema.is_file():
        pytest.skip("the official SARIF schema is vendored by the foundation tests")
    jsonschema.validate(document, json.loads(schema.read_text(encoding="utf-8")))


OPERATOR_AND_REQUEST = """\
import sqlite3
import sys
from flask import Flask, request

app = Flask(__name__)


def shell():
    exec(sys.stdin.read(), globals())
    return eval(input("expr> "))


def count():
    return sqlite3.connect("app.db").execute("SELECT COUNT(*) FROM " + sys.argv[1])


@app.route("/calc")
def calc():
    return str(eval(request.args["expr"] + input()))
"""


def _assert_operator_info(output: str, rule: str, lines: list[int], words: str) -> None:
    """Exactly these taint findings, each at info with the threat model's note."""
    found = taint_findings(output)
    assert [(f["rule_id"], f["line"], f["severity"]) for f in found] == [
        (rule, n, "info") for n in lines]  # fmt: skip
    for finding in found:
        assert "the operator's own input" in str(finding["message"])
        assert any(words in s for s in finding["signals"])  # type: ignore[attr-defined]


def test_the_operators_own_input_run_as_code_is_info_with_the_threat_model_note(
    tmp_path: Path,
) -> None:
    code, output = scan(tmp_path, OPERATOR_AND_REQUEST.split("\n\n\ndef count")[0], "--format",
                        "json")  # fmt: skip
    assert code == 0  # info never fails the default gate (`--fail-on low`)
    _assert_operator_info(output, "SC203", [9, 10], "threat model")
    code, output = scan(tmp_path, OPERATOR_AND_REQUEST.split("\n\n\ndef count")[0], "--format",
                        "json", "--fail-on", "info")  # fmt: skip
    assert code == 1


OPERATOR_SHELL = """\
import os
import subprocess
import sys


def ping() -> None:
    os.system("ping -c 1 " + sys.argv[1])
    subprocess.run("ssh " + input("host> ") + " uptime", shell=True, check=True)
"""


def test_the_operators_own_input_into_a_shell_is_info_and_grading_still_counts_it(
    tmp_path: Path,
) -> None:
    code, output = scan(tmp_path, OPERATOR_SHELL, "--format", "json")
    assert code == 0  # the operator could type the command into a shell anyway
    _assert_operator_info(output, "SC202", [7, 8], "shell command")
    # Grading asks about habits: a command-line argument pasted into a shell string is one,
    # graded at the rule's own severity (critical) at low confidence.
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "tool.py").write_text(OPERATOR_SHELL, encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "--format", "json", str(submission)])
    [graded] = json.loads(result.output)["submissions"]
    [injection] = [d for d in graded["dimensions"] if d["id"] == "injection"]
    [deduction] = [d for d in injection["deductions"] if d["key"] == "SC202"]
    assert deduction["count"] == 2 and deduction["points"] > 0
    assert [e["line"] for e in deduction["evidence"]] == [7, 8]


OPERATOR_MODEL = """\
import argparse

import torch

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("embeddings")
    args = parser.parse_args()
    print(torch.load(args.embeddings))
"""


def test_the_operators_own_file_into_a_deserializer_is_no_injection_alert(tmp_path: Path) -> None:
    # FastChat's clustering script (holdout13): the operator names the file to unpickle, as
    # they would name a script to run. The unsafe call itself is still the API rule's finding.
    code, output = scan(tmp_path, OPERATOR_MODEL, "--format", "json")
    found = {(f["rule_id"], f["severity"]) for f in json.loads(output)["findings"]}
    assert ("SC243", "medium") in found and code == 1
    assert not any(rule == "SC204" and severity != "info" for rule, severity in found)


def test_argv_into_sql_is_info_and_request_data_into_eval_keeps_its_severity(
    tmp_path: Path,
) -> None:
    code, output = scan(tmp_path, OPERATOR_AND_REQUEST, "--format", "json")
    assert code == 1
    severity = {(f["rule_id"], f["line"]): f["severity"] for f in taint_findings(output)}
    # The operator's own database: they could type the SQL into its client anyway.
    assert severity[("SC201", 14)] == "info"
    [count] = [f for f in taint_findings(output) if f["line"] == 14]
    assert "the operator's own input" in str(count["message"]) and "SQL" in str(count["message"])
    # The request's data and the operator's input reach one eval: the request's trace leads.
    assert severity[("SC203", 19)] == "critical"
    [calc] = [f for f in taint_findings(output) if f["line"] == 19]
    assert calc["signals"] == [] and "request.args" in str(calc["message"])


def test_non_taint_findings_have_an_empty_trace(tmp_path: Path) -> None:
    code, output = scan(tmp_path, "import os\nos.chmod('x', 0o777)\n", "--format", "json")
    assert code == 1
    [finding] = json.loads(output)["findings"]
    assert finding["rule_id"] == "SC228" and finding["trace"] == []


# One comment may carry several kinds: `# expect: SC243; audit: SC204`.
LABEL = re.compile(r"[#;]\s*(expect|ok|audit):\s*([A-Z0-9, ]+)")
# How a trace may start: a real entry point (request data, a route/view/handler parameter,
# argv/argparse/click/typer, input(), stdin), never a plain parameter or the environment.
ENTRY_POINT = re.compile(r"^source: |^(?:route|view|handler) parameter |^command-line option ")


def _labels(path: Path, kind: str) -> set[tuple[int, str]]:
    out = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for match in LABEL.finditer(line):
            if match.group(1) == kind:
                out.update((number + 1, c.strip()) for c in match.group(2).split(",") if c.strip())
    return out


def _injection(output: str) -> list[dict[str, object]]:
    return [f for f in json.loads(output)["findings"] if str(f["rule_id"]).startswith("SC2")]


def _seen(findings: list[dict[str, object]]) -> set[tuple[int, str]]:
    """(line, code) for the lead rule and every rule merged into it (`also_matched`: a
    dangerous-API rule under the taint rule that saw the same call), so a label pins them all."""
    out: set[tuple[int, str]] = set()
    for f in findings:
        merged = f["also_matched"]
        assert isinstance(merged, list)
        codes = [str(f["rule_id"]), *map(str, merged)]
        out.update((int(str(f["line"])), c) for c in codes if c.startswith("SC2"))
    return out


CORPUS_FILES = sorted(CORPUS.glob("*.py"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_corpus_file_matches_its_labels(path: Path) -> None:
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", str(path)])
    assert result.exit_code in (0, 1)
    found = _seen(_injection(result.output))
    assert found == _labels(path, "expect")


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_every_default_taint_finding_traces_back_to_an_entry_point(path: Path) -> None:
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", str(path)])
    for finding in _injection(result.output):
        trace = finding.get("trace") or []
        if not trace:
            continue  # a configuration rule (SC22x/SC23x): no data flow
        first = str(trace[0]["note"])  # type: ignore[index]
        assert ENTRY_POINT.search(first), (finding["line"], finding["rule_id"], first)


def test_audit_mode_adds_unknown_origin_leads_that_never_fail_the_default_gate() -> None:
    paths = [p for p in CORPUS_FILES if _labels(p, "audit")]
    assert paths
    for path in paths:
        result = CliRunner().invoke(
            main, ["scan", "--no-cache", "--audit", "--format", "json", str(path)]
        )
        assert result.exit_code in (0, 1)
        findings = _injection(result.output)
        found = _seen(findings)
        assert found == _labels(path, "expect") | _labels(path, "audit")
        audit = [f for f in findings if (f["line"], f["rule_id"]) in _labels(path, "audit")]
        assert audit and all(f["severity"] == "info" and f["confidence"] == "low" for f in audit)
    # scripts_misc.py holds only unknown-origin leads: an audit of it still passes the gate.
    only_audit = CORPUS / "scripts_misc.py"
    assert not _labels(only_audit, "expect")
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--audit", str(only_audit)])
    assert result.exit_code == 0, result.output


def test_an_audit_lead_never_hides_an_alert_on_the_same_call(tmp_path: Path) -> None:
    """An SC206 lead (the URL came through a call not followed) and SC220 (`verify=False`) sit
    on one call and merge into one finding. Under --audit the info lead used to lead it, so
    the audit run reported one alert fewer than the default run; the alert leads now."""
    path = tmp_path / "mirror.py"
    path.write_text(
        "import requests\nfrom flask import Flask, request\n\nfrom .store import lookup\n\n"
        'app = Flask(__name__)\n\n\n@app.route("/mirror")\ndef mirror():\n'
        '    url = lookup(request.args["id"])\n'
        "    return requests.get(url, verify=False).text\n"
    )
    runs = {}
    for flags in ([], ["--audit"]):
        result = CliRunner().invoke(
            main, ["scan", "--no-cache", *flags, "--format", "json", str(path)]
        )
        assert result.exit_code == 1, result.output
        runs[bool(flags)] = json.loads(result.output)["findings"]
    seen = {k: [(f["line"], f["rule_id"], f["severity"]) for f in v] for k, v in runs.items()}
    assert seen[False] == seen[True] == [(12, "SC220", "high")]
    assert "also: SC206 server-side-request-forgery" in runs[True][0]["signals"]


REQUEST_HELPER = """\
from django.shortcuts import redirect


def finish_signup(request, form, next_page):
    form.save()
    return redirect(next_page)
"""


@pytest.mark.parametrize(("module", "reported"), [
    ("views.py", True), ("api.py", True), ("utils.py", False), ("functions.py", False),
    ("http.py", False), ("helpers.py", False)])  # fmt: skip
def test_a_request_taking_function_in_a_helper_module_is_no_view(
    tmp_path: Path, module: str, reported: bool
) -> None:
    # A URLconf's captures reach a function view's parameters; views live in views modules by
    # Django's convention, and a function in `utils.py` taking `request` is a helper whose
    # caller passes the values (label-studio's `users/functions.py`, django-wiki's `http.py`).
    target = tmp_path / "app" / module
    target.parent.mkdir()
    target.write_text(REQUEST_HELPER, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--format", "json", str(target)])
    found = [(f["rule_id"], f["line"], f["severity"])
             for f in json.loads(result.output)["findings"]]  # fmt: skip
    assert found == ([("SC210", 6, "medium")] if reported else [])
    assert result.exit_code == (1 if reported else 0)


def test_a_hostile_pattern_in_re_sub_clears_nothing_and_breaks_nothing(tmp_path: Path) -> None:
    # The allowlist re.sub reads the analyzed code's own pattern with the standard library's
    # parser: a pattern nested past its recursion limit, or a huge class, must neither stop
    # the scan nor clear what it cannot be shown to clear.
    deep = "(" * 3000 + "a" + ")" * 3000
    huge = "[^" + "a-z" * 20000 + "]"
    source = (
        "import re\nfrom flask import Flask, request, send_file\napp = Flask(__name__)\n\n\n"
        f'@app.route("/a")\ndef a():\n'
        f'    return send_file(re.sub("{deep}", "", request.args["x"]))\n'
        f'\n\n@app.route("/b")\ndef b():\n'
        f'    return send_file(re.sub("{huge}", "", request.args["x"]))\n'
    )
    code, output = scan(tmp_path, source, "--format", "json")
    document = json.loads(output)
    assert code == 1 and document["errors"] == [] and document["partial"] == []
    # the nested pattern is not read (nothing cleared); the class keeps letters only
    assert [(f["rule_id"], f["line"]) for f in taint_findings(output)] == [("SC205", 8)]


def _nested_loops(depth: int) -> str:
    lines = ["import os", "from flask import Flask, request", "", "app = Flask(__name__)", "",
             '@app.route("/a")', "def a():", '    acc = request.args["n"]']  # fmt: skip
    indent = "    "
    for level in range(depth):
        lines.append(f"{indent}for x{level} in range(3):")
        indent += "    "
        lines.append(f"{indent}acc = acc + str(x{level})")
    lines.append(f"{indent}os.system(acc)")
    return "\n".join(lines) + "\n"


def test_deeply_nested_loops_are_analyzed_within_the_file_budget(tmp_path: Path) -> None:
    # Each loop's body runs twice, so that one iteration's bindings reach the next; nested
    # fourteen deep that was 2**14 runs of the innermost body, past the 5 s budget (the file
    # then lost its syntax-tree findings). Loops inside three others run once.
    code, output = scan(tmp_path, _nested_loops(14), "--format", "json")
    report = json.loads(output)
    assert code == 1
    assert report["partial"] == []
    assert {f["rule_id"] for f in report["findings"]} == {"SC202"}
