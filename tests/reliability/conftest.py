"""Reliability suite: a real `jupyter server` subprocess with jaxlings, driven over HTTP.

`JupyterServer` starts `python -m jupyter_server` on a free loopback port with token auth,
a temp root_dir / data_dir / db_path and a temp copy of the two reference problems, and
talks to it with http.client (raw paths, raw bodies, any header). The session-scoped
`server` fixture is shared by every test that does not need to restart or break it; it
uses the test IdentityProvider in rel_identity.py so one server sees several users (the
`X-Test-User` header names the user).
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PROBLEMS = REPO / "problems"

EMA = "nnx-ema-step"
COUNTERS = "nnx-counters-and-buffers"
REFERENCE = {
    EMA: "B-nnx-modules/19-nnx-ema-step",
    COUNTERS: "B-nnx-modules/14-nnx-counters-and-buffers",
}

EMA_OK = (
    "def ema_step(seed, params_arr, ema_arr, decay):\n"
    "    return decay * ema_arr + (1.0 - decay) * params_arr\n"
)
EMA_WRONG = (
    "def ema_step(seed, params_arr, ema_arr, decay):\n"
    "    # swapped blend\n"
    "    return decay * params_arr + (1.0 - decay) * ema_arr\n"
)
EMA_HANG = "def ema_step(seed, params_arr, ema_arr, decay):\n    while True:\n        pass\n"

SERVER_ERROR_MARKERS = ("Traceback", " 500 ", "[E ")

# every HTTP request the suite makes, for the summary at the end of the run
TALLY = {"sent": 0, "answered": 0, "500": 0, "other 5xx": 0}
_TALLY_LOCK = threading.Lock()


# ---------------------------------------------------------------- HTTP


@dataclass
class Resp:
    status: int
    headers: dict
    body: bytes
    elapsed: float

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def __repr__(self) -> str:
        return f"<Resp {self.status} {self.text[:300]!r}>"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- /proc helpers


def children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                kids.extend(int(x) for x in fh.read().split())
    except OSError:
        pass
    return kids


def descendants(pid: int) -> list[int]:
    out, todo = [], children(pid)
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children(p))
    return out


def cmdline(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return [a.decode(errors="replace") for a in fh.read().split(b"\0") if a]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def pids_with_env(marker: str) -> list[int]:
    """Every live process whose environment holds `marker` (how escapees are found)."""
    needle = marker.encode()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as fh:
                if needle in fh.read() and alive(int(name)):
                    found.append(int(name))
        except OSError:
            pass
    return found


def pids_holding(path: str) -> list[int]:
    """Every live process with an open file descriptor on `path`."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            for fd in os.listdir(f"/proc/{name}/fd"):
                try:
                    if os.readlink(f"/proc/{name}/fd/{fd}") == path:
                        found.append(int(name))
                        break
                except OSError:
                    pass
        except OSError:
            pass
    return found


def wait_for(predicate, timeout: float, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


# ---------------------------------------------------------------- the bank


def problem_dir(bank: Path, problem_id: str) -> Path:
    return bank / REFERENCE[problem_id]


def make_bank(root: Path) -> Path:
    """A copy of the two reference problems (others edit problems/ while we run)."""
    root.mkdir(parents=True, exist_ok=True)
    for rel in REFERENCE.values():
        sprint = rel.split("/")[0]
        (root / sprint).mkdir(exist_ok=True)
        shutil.copy(PROBLEMS / sprint / "sprint.toml", root / sprint / "sprint.toml")
        shutil.copytree(
            PROBLEMS / rel,
            root / rel,
            ignore=shutil.ignore_patterns("__pycache__"),
            dirs_exist_ok=True,
        )
    return root


# ---------------------------------------------------------------- the server


class JupyterServer:
    """One `jupyter server` subprocess with jaxlings; restartable on the same dirs."""

    def __init__(
        self,
        workdir: Path,
        *,
        bank: Path,
        time_limit_s: Optional[float] = 3.0,
        pool_size: int = 3,
        spare_workers: int = 1,
        header_identity: bool = True,
        sandbox: bool = True,
        extra_config: str = "",
        run_as: Optional[tuple[int, int]] = None,
    ):
        self.run_as = run_as  # (uid, gid): run the server as that user (the caller is root)
        self.workdir = Path(workdir)
        self.bank = bank
        self.root_dir = self.workdir / "root"
        self.data_dir = self.workdir / "data"
        self.db_dir = self.workdir / "db"
        self.db_path = self.db_dir / "progress.sqlite"
        self.config_dir = self.workdir / "config"
        self.log_path = self.workdir / "server.log"
        for d in (
            self.root_dir,
            self.data_dir,
            self.db_dir,
            self.config_dir,
            self.workdir / "runtime",
        ):
            d.mkdir(parents=True, exist_ok=True)
        self.token = secrets.token_hex(16)
        self.port = 0
        self.proc: Optional[subprocess.Popen] = None
        self.known_workers: set[int] = set()
        self.starts = 0
        lines = [
            "c.ServerApp.ip = '127.0.0.1'",
            "c.ServerApp.open_browser = False",
            "c.ServerApp.allow_root = True",
            f"c.ServerApp.root_dir = {str(self.root_dir)!r}",
            f"c.IdentityProvider.token = {self.token!r}",
            # only what is under test: fewer extensions, faster start
            "c.ServerApp.jpserver_extensions = {'jaxlings': True, 'jupyterlab': False, 'jupyter_lsp': False,"
            " 'notebook_shim': False, 'jupyter_server_terminals': False}",
            f"c.Jaxlings.problems_dir = {str(bank)!r}",
            f"c.Jaxlings.data_dir = {str(self.data_dir)!r}",
            f"c.Jaxlings.db_path = {str(self.db_path)!r}",
            f"c.Jaxlings.pool_size = {pool_size}",
            f"c.Jaxlings.spare_workers = {spare_workers}",
            f"c.Jaxlings.sandbox = {sandbox!r}",
        ]
        if time_limit_s:
            lines.append(f"c.Jaxlings.time_limit_s_override = {float(time_limit_s)!r}")
        if header_identity:
            lines.append(
                "c.ServerApp.identity_provider_class = 'rel_identity.HeaderIdentityProvider'"
            )
        (self.config_dir / "jupyter_server_config.py").write_text(
            "\n".join(lines) + "\n" + extra_config
        )

    # ------------------------------------------------------------ lifecycle

    def start(self, timeout: float = 120.0) -> JupyterServer:
        """Start the server and wait for /api/status (a new free port if the port was taken)."""
        for tries_left in range(2, -1, -1):
            mark = self.log_mark() if self.log_path.exists() else 0
            try:
                return self._start(timeout)
            except RuntimeError:
                if tries_left and "is already in use" in self.log_since(mark):
                    continue  # another process took the free port between bind and listen
                raise
        raise AssertionError("unreachable")

    def _start(self, timeout: float) -> JupyterServer:
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JAXLINGS_", "JUPYTER_"))}
        env.update(
            {
                "JUPYTER_CONFIG_DIR": str(self.config_dir),
                "JUPYTER_DATA_DIR": str(self.workdir / "jupyter-data"),
                "JUPYTER_RUNTIME_DIR": str(self.workdir / "runtime"),
                "JUPYTER_PLATFORM_DIRS": "1",
                "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")])),
                "PYTHONUNBUFFERED": "1",
            }
        )
        log = open(self.log_path, "ab")
        log.write(f"\n=== start #{self.starts + 1} on port {self.port}\n".encode())
        log.flush()
        cmd = [
            sys.executable,
            "-m",
            "jupyter_server",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
        ]
        if self.run_as:
            env["HOME"] = str(self.workdir)
            cmd = as_user(self.run_as, self.workdir) + cmd
        self.proc = subprocess.Popen(
            cmd,
            cwd=self.workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.starts += 1
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"jupyter server exited with {self.proc.returncode}:\n{self.log_tail()}"
                )
            try:
                if self.request("GET", "/api/status", timeout=5).status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop(signal.SIGKILL)
                raise RuntimeError(
                    f"jupyter server did not answer within {timeout:g} s:\n{self.log_tail()}"
                )
            time.sleep(0.2)
        return self

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> None:
        """Stop the server (SIGTERM: graceful; SIGKILL: a crash) and wait until it is gone."""
        if self.proc is None:
            return
        self.remember_workers()
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)

    def reap_workers(self, timeout: float = 15.0) -> list[int]:
        """After stop(): wait for the server's workers to end; kill and return any that did not."""
        left = wait_for(lambda: not [p for p in self.known_workers if alive(p)], timeout) or [
            p for p in self.known_workers if alive(p)
        ]
        if left is True:
            return []
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        return left

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    # ------------------------------------------------------------ processes

    def worker_pids(self) -> list[int]:
        """The python worker processes (inside unshare when sandboxed) of this server."""
        if not self.running:
            return []
        pids = [
            p
            for p in descendants(self.proc.pid)
            if "jaxlings.harness.worker" in " ".join(cmdline(p))
            and not cmdline(p)[0].endswith(("unshare", "bwrap", "sh"))
        ]
        return pids

    def remember_workers(self) -> None:
        if self.running:
            self.known_workers.update(descendants(self.proc.pid))

    # ------------------------------------------------------------ log

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def log_mark(self) -> int:
        return self.log_path.stat().st_size

    def log_since(self, mark: int) -> str:
        with open(self.log_path, "rb") as fh:
            fh.seek(mark)
            return fh.read().decode(errors="replace")

    def log_tail(self, n: int = 4000) -> str:
        return self.log_text()[-n:]

    # ------------------------------------------------------------ HTTP

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        user: Optional[str] = None,
        token: bool = True,
        headers: Optional[dict] = None,
        timeout: float = 120.0,
    ) -> Resp:
        """One HTTP request; `path` is sent exactly as given (no normalisation or quoting)."""
        hdrs = {"Connection": "close"}
        if token:
            hdrs["Authorization"] = f"token {self.token}"
        if user:
            hdrs["X-Test-User"] = user
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
            hdrs["Content-Type"] = "application/json"
        if isinstance(body, str):
            body = body.encode("utf-8", errors="surrogatepass")
        hdrs.update(headers or {})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        t0 = time.monotonic()
        try:
            conn.putrequest(method, path, skip_accept_encoding=True)
            for k, v in hdrs.items():
                conn.putheader(k, v)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)  # connects: a server not up yet raises here, and is not counted
            with _TALLY_LOCK:
                TALLY["sent"] += 1
            r = conn.getresponse()
            data = r.read()
            with _TALLY_LOCK:
                TALLY["answered"] += 1
                TALLY["500"] += r.status == 500
                TALLY["other 5xx"] += r.status > 500  # 503: a hint that could not be recorded
            return Resp(
                r.status, {k.lower(): v for k, v in r.getheaders()}, data, time.monotonic() - t0
            )
        finally:
            conn.close()

    def api(self, method: str, sub: str, body: Any = None, **kw) -> Resp:
        return self.request(method, "/jaxlings/api/" + sub, body, **kw)

    def check(self, problem: str, code: Any, user: Optional[str] = None, **kw) -> Resp:
        return self.api("POST", f"problems/{problem}/check", {"code": code}, user=user, **kw)

    def check_json(self, problem: str, code: str, user: Optional[str] = None) -> dict:
        r = self.check(problem, code, user)
        assert r.status == 200, r
        return r.json()

    def detail(self, problem: str, user: Optional[str] = None) -> dict:
        r = self.api("GET", f"problems/{problem}", user=user)
        assert r.status == 200, r
        return r.json()


def as_user(ids: tuple[int, int], workdir: Path) -> list[str]:
    """A command prefix (root only) that runs the rest as uid/gid `ids` in a private mount
    namespace where the interpreter's tree is reachable even when it lives under /root (mode
    0700): /root is covered by a tmpfs holding just that tree. Nothing changes on the host."""
    uid, gid = ids
    base = os.path.realpath(sys.base_prefix)
    hold = workdir / "interpreter"
    hold.mkdir(exist_ok=True)
    script = "set -e; "
    if base.startswith("/root/"):
        script += (
            f"mount --bind {base!r} {str(hold)!r}; mount -t tmpfs -o mode=0755 tmpfs /root; "
            f"mkdir -p {base!r}; mount --bind {str(hold)!r} {base!r}; "
        )
    script += f'exec setpriv --reuid {uid} --regid {gid} --clear-groups -- "$@"'
    return ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script, "sh"]


def attempts_in_db(db_path: Path, user: Optional[str] = None, problem: Optional[str] = None) -> int:
    """Rows in the attempts table (read straight from SQLite, not through the server)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        sql, args = "SELECT COUNT(*) FROM attempts WHERE 1=1", []
        if user is not None:
            sql += " AND user = ?"
            args.append(user)
        if problem is not None:
            sql += " AND problem = ?"
            args.append(problem)
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def user_key(name: str) -> str:
    """How jaxlings keys a Jupyter user's progress (server/__init__.py user_key)."""
    return f"jupyter:{name}"


def unique_user(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(3)}"


def assert_no_server_error(text: str) -> None:
    bad = [line for line in text.splitlines() if any(m in line for m in SERVER_ERROR_MARKERS)]
    assert not bad, "the server logged errors:\n" + "\n".join(bad[:20])


def wait_healthy(server: JupyterServer, user: str, problem: str = EMA, code: str = EMA_OK) -> dict:
    """The next correct check passes (the server and its pool recovered).

    A timeout is retried (twice): on a loaded machine a fresh worker's first Check can spend
    the short test time limit compiling, which says nothing about the server's health."""
    for _ in range(3):
        res = server.check_json(problem, code, user)
        if res["status"] != "timeout":
            break
    assert res["passed"] and res["status"] == "passed", res
    return res


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def bank_dir(tmp_path_factory) -> Path:
    return make_bank(tmp_path_factory.mktemp("rel-bank"))


@pytest.fixture(scope="session")
def server(tmp_path_factory, bank_dir):
    """The shared server: header identities, 3 s time limit, default pool (3 workers, 1 spare)."""
    srv = JupyterServer(tmp_path_factory.mktemp("rel-server"), bank=bank_dir, time_limit_s=3.0)
    srv.start()
    # first check: computes the expected outputs and warms a worker
    wait_healthy(srv, "warmup")
    yield srv
    srv.stop()
    left = srv.reap_workers()
    assert not left, f"workers outlived the shared server: {left}"
    assert_no_server_error(srv.log_text())


@pytest.fixture
def user(request) -> str:
    return unique_user(request.node.name.split("[")[0][-24:].replace("_", "-"))


@pytest.fixture
def marker() -> str:
    """A unique string to plant in environments of processes a test must find again."""
    return f"JAXLINGS_REL_{secrets.token_hex(6)}"


def pytest_terminal_summary(terminalreporter) -> None:
    """The suite's numbers: requests, load figures, faults survived."""
    if not TALLY["sent"]:
        return
    tr = terminalreporter
    tr.section("jaxlings reliability")
    tr.write_line(
        f"HTTP requests sent {TALLY['sent']}, answered {TALLY['answered']}, 500s {TALLY['500']}, "
        f"other 5xx {TALLY['other 5xx']}"
    )
    load = getattr(sys.modules.get(__package__ + ".test_load"), "LOAD_STATS", None)
    if load:
        tr.write_line("load: " + ", ".join(f"{k} {v}" for k, v in load.items()))
    held = getattr(sys.modules.get(__package__ + ".test_jail"), "HELD", None)
    if held:
        tr.write_line(f"attacks from a Check held ({len(held)}): " + "; ".join(held))
    faults = getattr(sys.modules.get(__package__ + ".test_faults"), "FAULTS", None)
    if faults:
        tr.write_line(f"faults injected and survived ({len(faults)}): " + "; ".join(faults))
