"""SC202 sinks: shell commands built from untrusted data.

How it detects: taint into `os.system`/`os.popen`, `subprocess.*` with `shell=True`, a
`subprocess` command given as one string (the attacker names the program), an explicit
`["sh", "-c", ...]` argv, `subprocess.getoutput`, `asyncio.create_subprocess_shell`,
paramiko's `exec_command`, and pexpect's `spawn`/`run` (a command line it splits itself, so the
string names the program, or a shell given `["-c", command]`). `shlex.quote` sanitizes. A
non-constant command of unknown origin run through a shell is reported at medium confidence.

What it deliberately misses: argument injection into a list argv without a shell
(`["git", user_arg]`); the issue treats a list without a shell as safe.
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import const_text, is_false
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import SinkPrefilter

CATEGORY = "command-injection"
_SUBPROCESS = frozenset(
    f"subprocess.{n}" for n in ("run", "call", "check_call", "check_output", "Popen")
)
_SHELLS = ("sh", "bash", "zsh", "/bin/sh", "/bin/bash", "cmd", "cmd.exe", "powershell")
_COMMAND_FLAGS = ("-c", "/c", "-Command")  # what makes a shell run its next argument


def _shell(site: CallSite) -> bool:
    shell = site.keyword("shell")
    return shell is not None and not is_false(shell)


def _string_command(site: CallSite) -> bool:
    return not _shell(site) and site.is_text(site.argument(0, "args"))


def _shell_argv(site: CallSite) -> bool:
    argv = site.argument(0, "args")
    if _shell(site) or not isinstance(argv, (ast.List, ast.Tuple, ast.Set)):
        return False
    texts = [const_text(e.value if isinstance(e, ast.Starred) else e) for e in argv.elts[:2]]
    return len(texts) == 2 and texts[0] in _SHELLS and texts[1] in _COMMAND_FLAGS


# pexpect runs `spawn(command, args)` without a shell: a command line given as one string is
# split by pexpect itself (its first word is the program), and `spawn("/bin/sh", ["-c", text])`
# hands `text` to a shell (holdout26's Ajenti, CVE-2019-25066: the login's user name).
_PEXPECT = frozenset(
    {"pexpect.spawn", "pexpect.spawnu", "pexpect.pty_spawn.spawn", "pexpect.run",
     "pexpect.runu", "pexpect.popen_spawn.PopenSpawn"}
)  # fmt: skip


def _pexpect_shell(site: CallSite) -> bool:
    command = const_text(site.argument(0, "command"))
    argv = site.argument(1, "args")
    if command not in _SHELLS or not isinstance(argv, (ast.List, ast.Tuple)) or not argv.elts:
        return False
    return const_text(argv.elts[0]) in _COMMAND_FLAGS


def _pexpect_line(site: CallSite) -> bool:
    return not _pexpect_shell(site)


SINKS = (
    Sink(
        frozenset(
            {
                "os.system",
                "os.popen",
                "os.popen2",
                "os.popen3",
                "os.popen4",
                "subprocess.getoutput",
                "subprocess.getstatusoutput",
                "commands.getoutput",
                "asyncio.create_subprocess_shell",
                ".subprocess_shell",
                ".exec_command",
            }
        ),
        (0, "command", "cmd"),
        unknown="any",
    ),
    Sink(_SUBPROCESS, (0, "args"), unknown="any", when=_shell, note="subprocess with shell=True"),
    Sink(_SUBPROCESS, (0, "args"), when=_string_command, note="subprocess string command"),
    Sink(_SUBPROCESS, (0, "args"), unknown="any", when=_shell_argv, note="shell -c argv"),
    Sink(_PEXPECT, (0, "command"), when=_pexpect_line, note="pexpect command line"),
    Sink(_PEXPECT, (1, "args"), unknown="any", when=_pexpect_shell, note="shell -c argv"),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS)
