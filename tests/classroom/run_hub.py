"""A classroom on one machine for the browser test: a real JupyterHub whose managed
`jaxlings service` owns a private copy of the bank and the class's database, and whose
learners' servers run as an unprivileged user, in client mode.

`python -m tests.classroom.run_hub` prints one line `READY {json}` (the hub's URL, the admin
token, the paths a learner must not read, the service's pid file) and runs until SIGTERM.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from tests.classroom.hub import REPO, Hub, free_port

LEARNER_UID = 65534  # nobody: the learners' servers and kernels hold no privilege
VENV_BIN = Path(sys.executable).parent
SITE = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
# The venv's interpreter may be a link into a home the learner cannot enter (pyenv under
# /root): the learners' kernels run the system's Python 3.11 on the venv's packages.
KERNEL = {
    "argv": ["/usr/bin/python3.11", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
    "env": {"PYTHONPATH": str(SITE)},
}


def build(root: Path) -> tuple[Hub, dict]:
    root.chmod(0o711)  # the learners (nobody) may pass through to their homes, and no further
    private = root / "service"
    private.mkdir(mode=0o700)
    bank = private / "problems"
    shutil.copytree(REPO / "problems", bank, ignore=shutil.ignore_patterns("__pycache__"))
    db = private / "progress.sqlite"
    data = private / "data"
    pid_file = private / "service.pid"
    homes = root / "home"
    homes.mkdir(mode=0o711)
    port = free_port()
    service = {
        "url": f"http://127.0.0.1:{port}",
        "command": [
            sys.executable, "-m", "jaxlings.cli", "service", "--db", str(db),
            "--data-dir", str(data), "--problems", str(bank), "--workers", "2", "--spare", "1",
            "--time-limit", "10", "--pid-file", str(pid_file),
        ],
        "environment": {"JAXLINGS_COOKIE_SECRET": secrets.token_hex(32)},
        "oauth_no_confirm": True,
    }  # fmt: skip
    hub = Hub(root, service=service)
    hub.add_config(
        f"""
import os
c.Spawner.cmd = ["setpriv", "--reuid={LEARNER_UID}", "--regid={LEARNER_UID}", "--clear-groups",
                 "--", "{VENV_BIN}/jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 180
c.Spawner.start_timeout = 240
c.Spawner.poll_interval = 5
c.SimpleLocalProcessSpawner.home_dir_template = "{homes}/{{username}}"
# the learner's server forwards to the service through the hub's proxy, with its own hub token
c.Spawner.environment = {{"JAXLINGS_SERVICE_URL": "{hub.url}services/jaxlings/"}}

def _home(spawner):
    import json
    home = os.path.join("{homes}", spawner.user.name)
    kernel = os.path.join(home, ".local/share/jupyter/kernels/python3")
    os.makedirs(kernel, exist_ok=True)
    with open(os.path.join(kernel, "kernel.json"), "w") as f:
        json.dump({KERNEL!r}, f)
    for d, _, files in os.walk(home):
        os.chown(d, {LEARNER_UID}, {LEARNER_UID})
        for name in files:
            os.chown(os.path.join(d, name), {LEARNER_UID}, {LEARNER_UID})

c.Spawner.pre_spawn_hook = _home
"""
    )
    secret = {
        "solution": str(next(bank.glob("*/*-nnx-ema-step/solution.py"))),
        "cases": str(next(bank.glob("*/*-nnx-ema-step/cases.py"))),
        "database": str(db),
        "bank": str(bank),
        "service_dir": str(private),
    }
    return hub, {"pid_file": str(pid_file), "secret": secret}


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix=f"jaxlings-hub-{os.getpid()}-"))
    hub, info = build(root)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        hub.start()
        for name in ("ann", "bob"):
            hub.add_user(name)
        hub.add_user("teacher", instructor=True)
        ready = {"url": hub.url, "admin_token": hub.admin_token, "root": str(root), **info}
        print("READY " + json.dumps(ready), flush=True)
        stop.wait()
    finally:
        hub.stop()
        if os.environ.get("JAXLINGS_KEEP_HUB"):
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
