"""A real JupyterHub for tests: configurable-http-proxy, DummyAuthenticator and
SimpleLocalProcessSpawner on 127.0.0.1 with free ports, in a temp dir, with an admin service
token the tests use to create users, groups and tokens.

Used by the classroom service tests (which run `jaxlings service` processes themselves) and,
through `python -m tests.classroom.hub`, by the browser test (a hub-managed service and
learners' servers in client mode).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]
CHP = Path(__file__).with_name("node_modules") / ".bin" / "configurable-http-proxy"
INSTRUCTORS = "jaxlings-instructors"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_proxy() -> None:
    subprocess.run([str(REPO / "scripts" / "hub-deps.sh")], check=True)


class Hub:
    """One JupyterHub; `services` and `extra` are jupyterhub_config.py text."""

    def __init__(self, root: Path, *, service: dict, extra: str = "") -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.hub_port = free_port()
        self.proxy_api_port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.api_url = f"http://127.0.0.1:{self.hub_port}/hub/api"
        self.admin_token = secrets.token_hex(16)
        self.service_token = secrets.token_hex(16)
        self.log_path = self.root / "hub.log"
        self.proc: Optional[subprocess.Popen] = None
        service = {**service, "name": "jaxlings", "api_token": self.service_token}
        config = (
            f"""
import sys
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {self.hub_port}
c.JupyterHub.db_url = "sqlite:///{self.root}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{self.root}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{self.root}/jupyterhub.pid"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{self.proxy_api_port}"
c.ConfigurableHTTPProxy.command = ["{CHP}"]
c.ConfigurableHTTPProxy.pid_file = "{self.root}/proxy.pid"
c.ConfigurableHTTPProxy.auth_token = "{secrets.token_hex(16)}"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.services = [
    {service!r},
    {{"name": "test-admin", "api_token": "{self.admin_token}"}},
]
c.JupyterHub.load_roles = [
    {{"name": "user", "scopes": ["self", "access:services!service=jaxlings"]}},
    {{"name": "jaxlings-service", "scopes": ["read:groups!group={INSTRUCTORS}"], "services": ["jaxlings"]}},
    {{"name": "test-admin", "scopes": ["admin:users", "admin:groups", "tokens", "admin:servers",
      "access:servers", "access:services"], "services": ["test-admin"]}},
]
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                 "access:services!service=jaxlings"]
"""
            + extra
        )
        (self.root / "jupyterhub_config.py").write_text(config)

    def add_config(self, text: str) -> None:
        with open(self.root / "jupyterhub_config.py", "a") as f:
            f.write("\n" + text + "\n")

    # ------------------------------------------------------------ lifecycle

    def start(self, timeout: float = 90.0) -> Hub:
        ensure_proxy()
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", "jupyterhub_config.py"],
            cwd=self.root,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub exited: {self.log_text()[-3000:]}")
            try:  # the hub's API, and the proxy's route to it
                if self.api("GET", "")[0] == 200:
                    with urllib.request.urlopen(self.url + "hub/api/", timeout=5) as r:
                        if r.status == 200:
                            return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"JupyterHub did not answer in {timeout} s: {self.log_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the hub stops its proxy and servers
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        for pidfile in ("proxy.pid",):  # a proxy the hub could not stop
            try:
                os.kill(int((self.root / pidfile).read_text()), signal.SIGTERM)
            except (OSError, ValueError):
                pass

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    # ------------------------------------------------------------ the hub's REST API

    def api(self, method: str, path: str, body: Any = None, token: Optional[str] = None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            f"{self.api_url}/{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {token or self.admin_token}"},
        )
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                text = resp.read()
                return resp.status, json.loads(text) if text else None
        except urllib.error.HTTPError as err:
            text = err.read()
            try:
                return err.code, json.loads(text)
            except ValueError:
                return err.code, text.decode(errors="replace")

    def add_user(self, name: str, instructor: bool = False) -> None:
        status, _ = self.api("POST", f"users/{name}")
        assert status in (201, 409), status
        if instructor:
            status, _ = self.api("POST", f"groups/{INSTRUCTORS}")
            assert status in (201, 409), status
            status, _ = self.api("POST", f"groups/{INSTRUCTORS}/users", {"users": [name]})
            assert status == 200, status

    def token(self, name: str, scopes: Optional[list[str]] = None) -> str:
        body = {"note": "test", "expires_in": 3600}
        body["scopes"] = scopes if scopes is not None else ["access:services!service=jaxlings"]
        status, model = self.api("POST", f"users/{name}/tokens", body)
        assert status == 201, (status, model)
        return model["token"]


def service_env(hub: Hub, url: str) -> dict:
    """What JupyterHub gives a service it manages: for replicas the tests start themselves."""
    return {
        **os.environ,
        "JUPYTERHUB_API_TOKEN": hub.service_token,
        "JUPYTERHUB_API_URL": hub.api_url,
        "JUPYTERHUB_BASE_URL": "/",
        "JUPYTERHUB_SERVICE_NAME": "jaxlings",
        "JUPYTERHUB_SERVICE_PREFIX": "/services/jaxlings/",
        "JUPYTERHUB_SERVICE_URL": url,
        "JUPYTERHUB_CLIENT_ID": "service-jaxlings",
        "JUPYTERHUB_HOST": "",
        "JUPYTERHUB_OAUTH_CALLBACK_URL": "/services/jaxlings/oauth_callback",
        "JUPYTERHUB_OAUTH_ACCESS_SCOPES": json.dumps(["access:services!service=jaxlings"]),
    }


def clean(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
