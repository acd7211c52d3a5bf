"""`jaxlings serve`: the REST API alone on 127.0.0.1 behind a token, gone when its parent is."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request

import pytest

READY_TIMEOUT_S = 180  # a busy 2-core machine; the server imports jupyter_server and JAX's pool


def get(url: str, token: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is gone for our purpose
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


# A parent that starts `jaxlings serve`, relays its ready line with the server's pid, then waits.
PARENT = textwrap.dedent(
    """
    import json, subprocess, sys
    child = subprocess.Popen(
        [sys.executable, "-m", "jaxlings", "serve", "--problems", sys.argv[1], "--workers", "1"],
        stdout=subprocess.PIPE, text=True,
    )
    ready = json.loads(child.stdout.readline())
    ready["pid"] = child.pid
    print(json.dumps(ready), flush=True)
    child.wait()
    """
)


@pytest.fixture
def served(tmp_path, small_bank_dir):
    env = {**os.environ, "JAXLINGS_DATA_DIR": str(tmp_path / "data")}
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(small_bank_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    t0 = time.monotonic()
    line = parent.stdout.readline()
    assert line, "jaxlings serve exited before printing its ready line"
    ready = json.loads(line)
    print(f"jaxlings serve: start -> ready in {time.monotonic() - t0:.1f} s")
    yield parent, ready
    for pid in (ready["pid"], parent.pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    parent.wait()


def test_serve_prints_url_and_token_and_answers_with_the_token_only(served):
    _, ready = served
    assert set(ready) == {"url", "token", "pid"}
    assert ready["url"].startswith("http://127.0.0.1:") and ready["url"].endswith("/")
    assert len(ready["token"]) >= 32
    status, body = get(ready["url"] + "jaxlings/api/progress", ready["token"])
    assert status == 200
    progress = json.loads(body)
    assert progress["total"] == 2 and progress["user"].startswith("os:")
    status, _ = get(ready["url"] + "jaxlings/api/progress")
    assert status == 403
    # only the jaxlings extension: no JupyterLab page
    status, _ = get(ready["url"] + "lab", ready["token"])
    assert status == 404


def test_serve_exits_when_its_parent_dies(served):
    parent, ready = served
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 60
    while alive(ready["pid"]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(ready["pid"]), "jaxlings serve outlived its parent"
