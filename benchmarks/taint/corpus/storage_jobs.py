"""Background jobs that write exports, caches and scratch files."""

import logging
import os
import stat
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)
EXPORT_DIR = Path("/srv/app/exports")


def export_csv(rows):
    # expect: SC226
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as fh:
        fh.writelines(rows)
    return path


def export_csv_safe(rows):
    # ok: SC226
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as fh:
        fh.writelines(rows)
    return path


def scratch_report(text):
    # expect: SC227
    with open("/tmp/report.txt", "w") as fh:
        fh.write(text)


def scratch_dir():
    # ok: SC227
    with tempfile.TemporaryDirectory() as tmp:
        return os.listdir(tmp)


# expect: SC227
LOCK_FILE = "/var/tmp/app-jobs.lock"


def scratch_in_tmp():
    # ok: SC227
    fd, path = tempfile.mkstemp(dir="/tmp", prefix="jobs-")
    os.close(fd)
    return path


def cleanup_message():
    # ok: SC227
    log.info("removing stale files from /tmp older than a day")


def publish(path):
    # expect: SC228
    os.chmod(path, 0o777)


def publish_group(path):
    # ok: SC228
    os.chmod(path, 0o664)


def make_shared_dir():
    # expect: SC228
    os.makedirs("/srv/app/shared", mode=0o777, exist_ok=True)


def make_private_dir():
    # ok: SC228
    os.makedirs("/srv/app/private", mode=0o700, exist_ok=True)


def open_everyone(path):
    # expect: SC228
    Path(path).chmod(stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def executable(path):
    # ok: SC228
    Path(path).chmod(0o755)
