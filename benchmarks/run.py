#!/usr/bin/env python
"""jaxlings benchmark: check latency, throughput and memory, side by side with baselines.

    python benchmarks/run.py            # the full run (a few minutes); writes results/latest.json
    python benchmarks/run.py --smoke    # a tiny run (well under a minute), for the test suite

One run on one machine measures, in this order:

1. the in-process floor: each reference solution exec'd and called on its problem's cases
   inside this process (inputs converted with jnp.asarray, outputs block_until_ready);
2. the notebook-grading baseline: an equivalent two-cell notebook (the function; asserts
   with np.testing.assert_allclose against expected values computed in step 1) executed
   in a fresh kernel with nbclient, and `nbgrader validate` on it when nbgrader is found
   (benchmarks/requirements-optional.txt; never needed by jaxlings itself);
3. a Jupyter server started here (own temp config/data dirs and database, loopback port,
   token auth): process start -> listening -> first check answered -> first check answered
   by a warm worker; then warm checks over HTTP for five problems (p50/p95);
4. a check right after a timeout (`while True: pass` under a short time-limit override):
   with the default pool (a spare worker is ready) and, on a second server with one worker,
   the check that has to wait for a fresh worker;
5. throughput: concurrent clients submitting checks for a fixed time, while another client
   polls /api/status every ~100 ms;
6. peak resident memory (VmHWM/VmRSS from /proc) of the server and of every worker process.

It prints a table and writes JSON with every ratio computed in the same run. HTTP uses only
the standard library (http.client, one keep-alive connection per client thread).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import http.client
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
sys.path.insert(0, str(ROOT / "python"))

from jaxlings.bank import Bank  # noqa: E402  (pure Python: no JAX imported here)

REFERENCE = ["nnx-ema-step", "nnx-counters-and-buffers"]
# heavier problems of the bank: attention, an RNN with lax.scan, a jitted NNX train step
HEAVY = ["causal-attention", "jax-scan", "nnx-train-step"]
PRELUDE = (
    "import jax\nimport jax.numpy as jnp\nimport numpy as np\nimport optax\nfrom flax import nnx\n"
)
FLOOR_ENV = {
    "JAX_PLATFORMS": "cpu",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
}
TARGETS = {
    "warm_p50_ms": 25.0,
    "warm_p95_ms": 60.0,
    "x_nbgrader": 150.0,
    "checks_per_s": 20.0,
    "worker_rss_mib": 350.0,
}


# ---------------------------------------------------------------- small helpers


def pct(xs: list[float], q: float) -> Optional[float]:
    """The q-th percentile (0..100), linear between closest ranks; None for no data."""
    if not xs:
        return None
    s = sorted(xs)
    if len(s) == 1:
        return s[0]
    pos = (len(s) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def summary(xs_ms: list[float]) -> dict:
    return {
        "n": len(xs_ms),
        "p50_ms": r(pct(xs_ms, 50)),
        "p95_ms": r(pct(xs_ms, 95)),
        "min_ms": r(min(xs_ms)) if xs_ms else None,
        "max_ms": r(max(xs_ms)) if xs_ms else None,
        "mean_ms": r(statistics.fmean(xs_ms)) if xs_ms else None,
    }


def r(x: Optional[float], nd: int = 2) -> Optional[float]:
    return None if x is None else round(float(x), nd)


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None or b == 0 else round(a / b, 1)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_status(pid: int) -> dict:
    """VmHWM / VmRSS of a process in MiB (empty if it is gone)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    key, val = line.split(":", 1)
                    out[key] = int(val.split()[0]) / 1024.0
    except (OSError, ValueError):
        pass
    return out


def _pss_mib(pid: int) -> Optional[float]:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024.0
    except (OSError, ValueError):
        pass
    return None


def _ppid(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def worker_pids(server_pid: int) -> list[int]:
    """Python processes running `-m jaxlings.harness.worker` that descend from the server."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        pid = int(name)
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                argv = fh.read().split(b"\0")
        except OSError:
            continue
        if b"jaxlings.harness.worker" not in argv or not argv or argv[0].endswith(b"unshare"):
            continue
        p, hops = pid, 0
        while p > 1 and hops < 8:
            p = _ppid(p)
            hops += 1
            if p == server_pid:
                found.append(pid)
                break
    return found


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = None
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    vers = {}
    for mod in ("jax", "jaxlib", "flax", "numpy", "jupyter_server", "tornado", "nbclient"):
        try:
            from importlib.metadata import version

            vers[mod] = version(mod)
        except Exception:
            vers[mod] = None
    try:
        commit = (
            subprocess.run(
                ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.strip()
            or None
        )
        dirty = bool(
            subprocess.run(
                ["git", "-C", str(ROOT), "status", "--porcelain", "--", "python"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.strip()
        )
    except Exception:
        commit, dirty = None, None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "mem_gib": mem_gib,
        "os": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "versions": vers,
        "commit": commit,
        "python_tree_dirty": dirty,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


# ---------------------------------------------------------------- the in-process floor


def to_jax(value, jnp, np):
    """What the worker does with a case's inputs: numpy arrays become JAX arrays."""
    if isinstance(value, np.ndarray):
        return jnp.asarray(value)
    if isinstance(value, list):
        return [to_jax(v, jnp, np) for v in value]
    if isinstance(value, tuple):
        return tuple(to_jax(v, jnp, np) for v in value)
    if isinstance(value, dict):
        return {k: to_jax(v, jnp, np) for k, v in value.items()}
    return value


def measure_floor(problems: list, reps: int, cache_dir: Path, budget_s: float) -> tuple[dict, dict]:
    """Per problem: p50/p95 of (exec solution.py + call on every case); and the expected values."""
    # JAX configured as the worker configures it (CPU, single-threaded eigen), so that the floor
    # is the same computation
    for k, v in FLOOR_ENV.items():
        os.environ.setdefault(k, v)
    import jax
    import jax.numpy as jnp
    import numpy as np
    import optax
    from flax import nnx

    # and with a persistent compilation cache, as every worker has (references that define a
    # function per call, such as a scan body or an nnx.jit step, compile it on every call)
    jax.config.update("jax_compilation_cache_dir", str(cache_dir))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)
    prelude = {"jax": jax, "jnp": jnp, "np": np, "nnx": nnx, "optax": optax}
    out, expected = {}, {}
    for p in problems:
        code = compile(p.solution, f"<{p.id} solution>", "exec")
        cases = [list(c.inputs.values()) for c in p.cases]

        def one_check(keep=False, code=code, p=p, cases=cases):
            ns = {"__name__": "__main__", **prelude}
            exec(code, ns)
            fn = ns[p.function]
            results = []
            for args in cases:
                res = jax.block_until_ready(fn(*[to_jax(a, jnp, np) for a in args]))
                if keep:
                    results.append(jax.tree.map(np.asarray, res))
            return fn, results

        fn, expected[p.id] = one_check(keep=True)
        for _ in range(3):
            one_check()
        full: list[float] = []
        end = time.perf_counter() + budget_s / 2
        while len(full) < reps and (len(full) < 10 or time.perf_counter() < end):
            t0 = time.perf_counter()
            one_check()
            full.append((time.perf_counter() - t0) * 1000)
        calls: list[float] = []
        end = time.perf_counter() + budget_s / 2
        while len(calls) < reps and (len(calls) < 10 or time.perf_counter() < end):
            t0 = time.perf_counter()
            for args in cases:
                jax.block_until_ready(fn(*[to_jax(a, jnp, np) for a in args]))
            calls.append((time.perf_counter() - t0) * 1000)
        out[p.id] = {
            "cases": len(cases),
            "exec_and_call": summary(full),
            "call_only": summary(calls),
        }
        log(
            f"floor {p.id}: exec+call p50 {out[p.id]['exec_and_call']['p50_ms']} ms, "
            f"call only p50 {out[p.id]['call_only']['p50_ms']} ms"
        )
    return out, expected


# ---------------------------------------------------------------- notebook baselines


def literal(v) -> str:
    """Python source that rebuilds `v` exactly (arrays as base64 bytes)."""
    import numpy as np

    if isinstance(v, np.generic):
        v = np.asarray(v)
    if isinstance(v, np.ndarray):
        b64 = base64.b64encode(np.ascontiguousarray(v).tobytes()).decode()
        return f"_arr({b64!r}, {str(v.dtype)!r}, {tuple(v.shape)!r})"
    if isinstance(v, float):
        return repr(v) if v == v and abs(v) != float("inf") else f"float({str(v)!r})"
    if isinstance(v, (bool, int, str)) or v is None:
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(literal(x) for x in v) + "]"
    if isinstance(v, tuple):
        return "(" + "".join(literal(x) + ", " for x in v) + ")"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {type(v).__name__} as a literal")


def notebook_for(p, expected: list):
    """Two cells: imports + the function; asserts over every case against precomputed values."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    lines = [
        "import base64",
        "",
        "def _arr(b64, dtype, shape):",
        "    return np.frombuffer(base64.b64decode(b64), dtype=dtype).reshape(shape).copy()",
        "",
        "def _j(a):",
        "    return jnp.asarray(a) if isinstance(a, np.ndarray) else a",
        "",
        "def _close(actual, expected):",
        "    got, want = jax.tree.leaves(actual), jax.tree.leaves(expected)",
        "    assert len(got) == len(want), f'{len(got)} leaves returned, {len(want)} expected'",
        "    for g, w in zip(got, want):",
        f"        np.testing.assert_allclose(np.asarray(g), w, rtol={p.rtol!r}, atol={p.atol!r})",
        "",
    ]
    for case, exp in zip(p.cases, expected, strict=True):
        args = ", ".join(f"_j({literal(v)})" for v in case.inputs.values())
        lines.append(f"# {case.name}")
        lines.append(f"_close({p.function}({args}), {literal(exp)})")
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        new_code_cell(PRELUDE + "\n\n" + p.solution.rstrip() + "\n"),
        new_code_cell("\n".join(lines) + "\n"),
    ]
    nbformat.validate(nb)
    return nb


def nbgrader_command() -> Optional[list[str]]:
    """How to run nbgrader: from this interpreter, or the optional overlay venv."""
    try:
        import nbgrader  # noqa: F401

        return [sys.executable, "-m", "nbgrader"]
    except ImportError:
        pass
    for cand in (
        os.environ.get("JAXLINGS_BENCH_NBGRADER"),
        str(HERE / ".venv-optional" / "bin" / "nbgrader"),
    ):
        if cand and os.access(cand, os.X_OK):
            return [cand]
    return None


def install_optional() -> int:
    """Create benchmarks/.venv-optional over this interpreter's packages and install the extras there."""
    import site
    import venv

    target = HERE / ".venv-optional"
    if not (target / "bin" / "python").exists():
        log(f"creating {target} (layered over {sys.prefix})")
        venv.EnvBuilder(with_pip=True).create(target)
    purelib = subprocess.run(
        [
            str(target / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the project's packages (jupyter_server, ipykernel, jax…) are seen, not reinstalled
    Path(purelib, "_jaxlings_project.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    cmd = [
        str(target / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "-r",
        str(HERE / "requirements-optional.txt"),
    ]
    log(" ".join(cmd))
    return subprocess.run(cmd).returncode


def measure_notebooks(
    problems: list, expected: dict, reps: int, with_nbgrader: bool, tmp: Path
) -> dict:
    import nbformat
    from nbclient import NotebookClient

    out: dict = {"nbclient": {}, "nbgrader": {}, "nbgrader_available": False}
    nbg = nbgrader_command() if with_nbgrader else None
    out["nbgrader_available"] = nbg is not None
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    for p in problems:
        nb = notebook_for(p, expected[p.id])
        folder = tmp / "notebooks" / p.id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{p.id}.ipynb"
        nbformat.write(nb, path)
        times = []
        for _ in range(reps):
            run = nbformat.read(path, as_version=4)
            t0 = time.perf_counter()
            NotebookClient(
                run,
                timeout=600,
                kernel_name="python3",
                resources={"metadata": {"path": str(folder)}},
            ).execute()
            times.append((time.perf_counter() - t0) * 1000)
        out["nbclient"][p.id] = summary(times)
        log(f"nbclient {p.id}: median {out['nbclient'][p.id]['p50_ms']:.0f} ms over {reps}")
        if nbg:
            times = []
            for _ in range(reps):
                t0 = time.perf_counter()
                proc = subprocess.run(
                    nbg + ["validate", path.name],
                    cwd=folder,
                    capture_output=True,
                    text=True,
                    timeout=600,
                    env=env,
                )
                times.append((time.perf_counter() - t0) * 1000)
                text = proc.stdout + proc.stderr
                if proc.returncode != 0 or "Success" not in text:
                    raise RuntimeError(f"nbgrader validate failed on {p.id}:\n{text[-2000:]}")
            out["nbgrader"][p.id] = summary(times)
            log(
                f"nbgrader validate {p.id}: median {out['nbgrader'][p.id]['p50_ms']:.0f} ms over {reps}"
            )
    return out


# ---------------------------------------------------------------- the server and a client


class Client:
    """One keep-alive HTTP connection with the server's token."""

    def __init__(self, port: int, token: str, timeout: float = 180.0):
        self.port, self.token, self.timeout = port, token, timeout
        self.conn: Optional[http.client.HTTPConnection] = None

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any, float]:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"token {self.token}"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                t0 = time.perf_counter()
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                raw = resp.read()
                elapsed = (time.perf_counter() - t0) * 1000
                try:
                    doc = json.loads(raw) if raw else None
                except ValueError:
                    doc = raw[:500]
                return resp.status, doc, elapsed
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def check(self, problem_id: str, code: str) -> tuple[int, Any, float]:
        return self.request("POST", f"/jaxlings/api/problems/{problem_id}/check", {"code": code})

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class MemorySampler(threading.Thread):
    """Samples VmHWM/VmRSS of the server and of every worker it has, every `every_s`."""

    def __init__(self, server_pid: int, every_s: float = 0.2):
        super().__init__(daemon=True)
        self.server_pid, self.every_s = server_pid, every_s
        self.stop_event = threading.Event()
        self.server: dict = {}
        self.workers: dict[
            int, dict
        ] = {}  # pid -> {"VmHWM": max seen, "VmRSS": max seen, "last_rss"}
        self.lock = threading.Lock()

    def sample(self) -> None:
        st = proc_status(self.server_pid)
        with self.lock:
            for k, v in st.items():
                self.server[k] = max(self.server.get(k, 0.0), v)
            self.server["last_rss"] = st.get("VmRSS", self.server.get("last_rss"))
            for pid in worker_pids(self.server_pid):
                ws = proc_status(pid)
                if not ws:
                    continue
                w = self.workers.setdefault(pid, {})
                for k, v in ws.items():
                    w[k] = max(w.get(k, 0.0), v)
                w["last_rss"] = ws.get("VmRSS")

    def run(self) -> None:
        while not self.stop_event.wait(self.every_s):
            self.sample()

    def report(self) -> dict:
        with self.lock:
            live = worker_pids(self.server_pid)
            ws = {pid: dict(v) for pid, v in self.workers.items()}
            hwm = [w.get("VmHWM", 0.0) for w in ws.values()]
            rss = [w.get("VmRSS", 0.0) for w in ws.values()]
            pss = [_pss_mib(p) for p in live]
            return {
                "server_peak_mib": r(self.server.get("VmHWM"), 1),
                "server_rss_max_mib": r(self.server.get("VmRSS"), 1),
                "server_rss_last_mib": r(self.server.get("last_rss"), 1),
                "workers_seen": len(ws),
                "worker_peak_mib_max": r(max(hwm), 1) if hwm else None,
                "worker_peak_mib_median": r(statistics.median(hwm), 1) if hwm else None,
                "worker_rss_max_mib": r(max(rss), 1) if rss else None,
                "worker_rss_last_mib": [r(ws[p].get("last_rss"), 1) for p in live if p in ws],
                # proportional share (shared library pages split between the processes using them)
                "worker_pss_last_mib": [r(x, 1) for x in pss if x is not None],
            }


class Server:
    """A Jupyter server with the jaxlings extension, in its own temp dirs, on a loopback port."""

    def __init__(
        self,
        tmp: Path,
        name: str,
        pool_size: int = 3,
        spare: int = 1,
        time_limit_override: float = 0.0,
    ):
        self.dir = tmp / name
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.pool_size, self.spare, self.override = pool_size, spare, time_limit_override
        self.proc: Optional[subprocess.Popen] = None
        self.t_start = 0.0
        self.sampler: Optional[MemorySampler] = None

    def start(self) -> None:
        for sub in ("config", "data", "runtime", "root", "jaxlings"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        cfg = {
            "ServerApp": {
                "jpserver_extensions": {"jaxlings": True},
                "open_browser": False,
                "ip": "127.0.0.1",
                "port": self.port,
                "port_retries": 0,
                "root_dir": str(self.dir / "root"),
                "allow_root": True,
            },
            "IdentityProvider": {"token": self.token},
            "Jaxlings": {
                "data_dir": str(self.dir / "jaxlings"),
                "db_path": str(self.dir / "jaxlings" / "bench.sqlite"),
                "pool_size": self.pool_size,
                "spare_workers": self.spare,
                "time_limit_s_override": self.override,
            },
        }
        (self.dir / "config" / "jupyter_server_config.json").write_text(json.dumps(cfg, indent=1))
        env = dict(
            os.environ,
            JUPYTER_CONFIG_DIR=str(self.dir / "config"),
            JUPYTER_DATA_DIR=str(self.dir / "data"),
            JUPYTER_RUNTIME_DIR=str(self.dir / "runtime"),
            JUPYTER_PLATFORM_DIRS="1",
        )
        env.pop("JAXLINGS_DATA_DIR", None)
        self.logfile = open(self.dir / "server.log", "wb")
        self.t_start = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter_server"],
            cwd=self.dir / "root",
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.logfile,
            stderr=self.logfile,
            start_new_session=True,
        )
        self.sampler = MemorySampler(self.proc.pid)
        self.sampler.start()

    def since_start_ms(self) -> float:
        return (time.perf_counter() - self.t_start) * 1000

    def wait_listening(self, timeout_s: float = 120.0) -> float:
        c = self.client(timeout=5.0)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"the server exited with {self.proc.returncode}; see {self.dir / 'server.log'}"
                )
            try:
                status, _, _ = c.request("GET", "/api/status")
                if status == 200:
                    c.close()
                    return self.since_start_ms()
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError(
            f"the server did not answer within {timeout_s} s; see {self.dir / 'server.log'}"
        )

    def client(self, timeout: float = 180.0) -> Client:
        return Client(self.port, self.token, timeout)

    def stop(self) -> dict:
        mem = {}
        if self.sampler is not None:
            self.sampler.sample()
            self.sampler.stop_event.set()
            mem = self.sampler.report()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        # workers end when the server's socket closes; make sure none of ours is left
        deadline = time.monotonic() + 5
        while self.proc is not None and time.monotonic() < deadline:
            left = [pid for pid in worker_pids(self.proc.pid)]
            if not left:
                break
            time.sleep(0.1)
        self.logfile.close()
        return mem


def expect_passed(status: int, doc: Any, what: str) -> None:
    if status != 200 or not isinstance(doc, dict) or not doc.get("passed"):
        detail = json.dumps(doc)[:1500] if isinstance(doc, (dict, list)) else str(doc)[:500]
        raise RuntimeError(f"{what}: expected a passing check, got HTTP {status}: {detail}")


# ---------------------------------------------------------------- server phases


def measure_startup(srv: Server, problem) -> dict:
    listening = srv.wait_listening()
    c = srv.client()
    status, doc, lat = c.check(problem.id, problem.solution)
    first = srv.since_start_ms()
    expect_passed(status, doc, "first check")
    status, doc, lat2 = c.check(problem.id, problem.solution)
    first_warm = srv.since_start_ms()
    expect_passed(status, doc, "second check")
    c.close()
    out = {
        "listening_ms": r(listening, 0),
        "first_check_ms": r(first, 0),
        "first_check_latency_ms": r(lat, 1),
        "first_warm_check_ms": r(first_warm, 0),
        "first_warm_check_latency_ms": r(lat2, 1),
    }
    log(
        f"startup: listening {out['listening_ms']:.0f} ms, first check {out['first_check_ms']:.0f} ms, "
        f"first warm check {out['first_warm_check_ms']:.0f} ms (its latency {lat2:.1f} ms)"
    )
    return out


def measure_warm(srv: Server, problems: list, n: int, warmup: int) -> dict:
    c = srv.client()
    out = {}
    for p in problems:
        first_ms = None
        for _ in range(warmup):
            status, doc, ms = c.check(p.id, p.solution)
            expect_passed(status, doc, f"warm-up check of {p.id}")
            first_ms = ms if first_ms is None else first_ms
        lat, server_ms = [], []
        for _ in range(n):
            status, doc, ms = c.check(p.id, p.solution)
            expect_passed(status, doc, f"check of {p.id}")
            lat.append(ms)
            server_ms.append(float(doc.get("duration_ms") or 0.0))
        out[p.id] = {
            "cases": len(p.cases),
            "first_check_ms": r(first_ms, 0),
            "http": summary(lat),
            "in_pool": summary(server_ms),
            "workers_rss_mib_after": sorted(
                (r(proc_status(pid).get("VmRSS"), 1) or 0.0) for pid in worker_pids(srv.proc.pid)
            ),
        }
        log(
            f"warm {p.id}: p50 {out[p.id]['http']['p50_ms']} ms, p95 {out[p.id]['http']['p95_ms']} ms "
            f"(pool part p50 {out[p.id]['in_pool']['p50_ms']} ms)"
        )
    c.close()
    return out


def _cpu_ticks(pid: int) -> Optional[int]:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            f = fh.read().rsplit(")", 1)[1].split()
        return int(f[11]) + int(f[12])
    except (OSError, ValueError, IndexError):
        return None


def wait_pool_idle(srv: Server, n: int, timeout_s: float = 180.0) -> float:
    """Wait until `n` worker processes exist and none used CPU for 0.3 s; the ms waited."""
    t0 = time.perf_counter()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        pids = worker_pids(srv.proc.pid)
        if len(pids) >= n:
            before = [_cpu_ticks(p) for p in pids]
            time.sleep(0.3)
            if worker_pids(srv.proc.pid) == pids and [_cpu_ticks(p) for p in pids] == before:
                return (time.perf_counter() - t0) * 1000
        else:
            time.sleep(0.1)
    raise RuntimeError(f"the pool did not settle to {n} idle workers within {timeout_s} s")


def _timeouts(srv: Server, problem, k: int) -> float:
    """`k` checks of an endless loop at once; the ms until every one came back as a timeout."""
    loop = f"def {problem.function}(*args):\n    while True:\n        pass\n"
    res: list = []

    def one() -> None:
        c = srv.client()
        res.append(c.check(problem.id, loop))
        c.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=one) for _ in range(k)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for status, doc, _ in res:
        if status != 200 or not isinstance(doc, dict) or doc.get("status") != "timeout":
            raise RuntimeError(
                f"the endless loop was not reported as a timeout: HTTP {status} {str(doc)[:500]}"
            )
    return (time.perf_counter() - t0) * 1000


def _timed_check(c: Client, problem, what: str) -> float:
    status, doc, ms = c.check(problem.id, problem.solution)
    expect_passed(status, doc, what)
    return ms


def measure_spare_after_timeout(srv: Server, problem, override_s: float) -> dict:
    """The learner's worker is killed by a timeout; the spare worker (started and warm) takes the next check.

    Default pool (3 workers, 1 spare): one worker computed the expected outputs (never handed to a
    learner), one is the learner's, one is the spare; the run waits until all three are idle.
    """
    c = srv.client()
    for _ in range(3):
        _timed_check(c, problem, "check before the timeout")
    try:
        wait_pool_idle(srv, srv.pool_size)
    except RuntimeError as exc:  # the jail keeps reference workers apart: fewer may sit idle
        print(f"note: {exc}; measuring with the workers that are idle")
    out = {
        "time_limit_s": override_s,
        "pool_size": srv.pool_size,
        "spare_workers": srv.spare,
        "timeout_answered_ms": r(_timeouts(srv, problem, 1), 0),
        "next_check_ms": r(_timed_check(c, problem, "check after the timeout"), 1),
        "following_check_ms": r(_timed_check(c, problem, "second check after the timeout"), 1),
    }
    c.close()
    log(
        f"after a timeout, spare ready: next check {out['next_check_ms']} ms (then {out['following_check_ms']} ms)"
    )
    return out


def measure_fresh_after_timeout(srv: Server, problem, override_s: float) -> dict:
    """On a pool of one worker, a timeout kills the only worker a learner can use: the next check
    waits for a freshly started one (process start, JAX import, warm-up on recent problems)."""
    c = srv.client()
    for _ in range(3):
        _timed_check(c, problem, "check before the timeout")
    wait_pool_idle(srv, 1)
    out = {
        "time_limit_s": override_s,
        "pool_size": srv.pool_size,
        "spare_workers": srv.spare,
        "timeout_answered_ms": r(_timeouts(srv, problem, 1), 0),
        "next_check_ms": r(_timed_check(c, problem, "check after the timeout"), 1),
        "following_check_ms": r(_timed_check(c, problem, "second check after the timeout"), 1),
    }
    c.close()
    log(
        f"after a timeout, no spare: next check {out['next_check_ms']} ms (then {out['following_check_ms']} ms)"
    )
    return out


def measure_throughput(srv: Server, problems: list, clients: int, duration_s: float) -> dict:
    lock = threading.Lock()
    lat: list[float] = []
    errors: list[str] = []
    status_lat: list[float] = []
    status_errors: list[str] = []
    start = threading.Event()
    stop_at = [0.0]
    done_at = [0.0]

    def client_loop(k: int) -> None:
        c = srv.client()
        i = k
        start.wait()
        while time.perf_counter() < stop_at[0]:
            p = problems[i % len(problems)]
            i += 1
            try:
                status, doc, ms = c.check(p.id, p.solution)
                ok = status == 200 and isinstance(doc, dict) and doc.get("passed")
                err = None if ok else f"HTTP {status}: {str(doc)[:200]}"
            except Exception as exc:  # counted, never hidden
                ms, err = 0.0, f"{type(exc).__name__}: {exc}"
            with lock:
                if err:
                    errors.append(err)
                else:
                    lat.append(ms)
                done_at[0] = max(done_at[0], time.perf_counter())
        c.close()

    def status_loop() -> None:
        c = srv.client(timeout=30)
        start.wait()
        while time.perf_counter() < stop_at[0]:
            t0 = time.perf_counter()
            try:
                status, _, ms = c.request("GET", "/api/status")
                if status == 200:
                    status_lat.append(ms)
                else:
                    status_errors.append(f"HTTP {status}")
            except Exception as exc:
                status_errors.append(f"{type(exc).__name__}: {exc}")
            time.sleep(max(0.0, 0.1 - (time.perf_counter() - t0)))
        c.close()

    threads = [threading.Thread(target=client_loop, args=(k,), daemon=True) for k in range(clients)]
    threads.append(threading.Thread(target=status_loop, daemon=True))
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    stop_at[0] = t0 + duration_s
    start.set()
    for t in threads:
        t.join(timeout=duration_s + 300)
    elapsed = max(done_at[0], stop_at[0]) - t0
    out = {
        "clients": clients,
        "duration_s": duration_s,
        "problems": [p.id for p in problems],
        "checks": len(lat),
        "errors": len(errors),
        "error_samples": errors[:5],
        "checks_per_s": r(len(lat) / elapsed, 1),
        "latency": summary(lat),
        "status": {
            **summary(status_lat),
            "errors": len(status_errors),
            "error_samples": status_errors[:5],
        },
    }
    log(
        f"throughput: {out['checks_per_s']} checks/s with {clients} clients, p95 {out['latency']['p95_ms']} ms, "
        f"{len(errors)} errors; /api/status p95 {out['status']['p95_ms']} ms"
    )
    return out


def measure_sqlite_commit(tmp: Path, n: int) -> dict:
    """Diagnostic: one attempt-sized INSERT + COMMIT in a WAL database on the data dir's file system,
    with synchronous=FULL (SQLite's default, an fsync per commit) and with synchronous=NORMAL."""
    import sqlite3

    out = {}
    for mode in ("FULL", "NORMAL"):
        conn = sqlite3.connect(str(tmp / f"commit-{mode}.sqlite"), isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {mode}")
        conn.execute("CREATE TABLE a (user TEXT, code TEXT, at REAL)")
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO a VALUES (?, ?, ?)", ("os:bench", "x" * 400, time.time()))
            conn.execute("COMMIT")
            times.append((time.perf_counter() - t0) * 1000)
        conn.close()
        out[mode] = summary(times)
    log(
        f"sqlite commit (WAL): synchronous=FULL p50 {out['FULL']['p50_ms']} ms, NORMAL p50 {out['NORMAL']['p50_ms']} ms"
    )
    return out


# ---------------------------------------------------------------- the run


def measure_jail(problems: list, n: int, tmp: Path) -> dict:
    """Side by side in one run: warm Check p50 with and without the bubblewrap jail (and without
    the 8 emulated devices), worker start-to-ready, and this process's (the server's) memory
    while a worker sends a 128 MB frame."""
    from jaxlings.checker import Checker
    from jaxlings.harness.pool import WorkerPool

    variants = [
        ("jailed", True, None),
        ("plain", False, None),
        (
            "jailed, 1 device",
            True,
            "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
        ),
    ]
    pools: dict = {}
    out: dict = {"warm_p50_ms": {}, "start_to_ready_ms": {}}
    try:
        for name, jailed, xla in variants:
            if xla:
                os.environ["JAXLINGS_XLA_FLAGS"] = xla
            pool = WorkerPool(
                max_workers=1, spare=1, sandbox=jailed, compile_cache_dir=tmp / f"xla-{jailed}"
            )
            if jailed and not pool.isolation.jailed:
                log(f"jail: {pool.isolation.note}")
                return {"skipped": pool.isolation.note}
            pool.prefill()
            checker = Checker(pool, tmp / f"expected-{name}")
            for p in problems:
                assert checker.check(p, p.solution, "bench")["passed"]  # starts, computes, warms
            os.environ.pop("JAXLINGS_XLA_FLAGS", None)
            pools[name] = (pool, checker)
        times: dict = {(name, p.id): [] for name in pools for p in problems}
        for _ in range(n):  # interleaved, so that the machine's noise falls on all alike
            for p in problems:
                for name, (_pool, checker) in pools.items():
                    t0 = time.perf_counter()
                    res = checker.check(p, p.solution, "bench")
                    times[(name, p.id)].append((time.perf_counter() - t0) * 1000)
                    assert res["passed"], res
        for p in problems:
            row = {name: r(pct(times[(name, p.id)], 50)) for name in pools}
            row["jail_overhead"] = ratio(row["jailed"], row["plain"])
            out["warm_p50_ms"][p.id] = row
            log(f"jail {p.id}: warm p50 " + ", ".join(f"{k} {v}" for k, v in row.items()))
        for name, (pool, _c) in pools.items():
            out["start_to_ready_ms"][name] = [r(x, 0) for x in pool.ready_ms]
        log(f"jail: worker start-to-ready ms {out['start_to_ready_ms']}")
        # the huge-frame attack: this process is the server; sample its RSS meanwhile
        pool, checker = pools["jailed"]
        attack = (
            "import os, struct, time\n"
            "def ema_step(seed, params_arr, ema_arr, decay):\n"
            "    for fd in range(3, 40):\n"
            "        try:\n"
            "            os.write(fd, struct.pack('>I', 128 * 2**20) + b'[' * (128 * 2**20))\n"
            "        except OSError:\n"
            "            pass\n"
            "    time.sleep(2)\n"
        )
        before = proc_status(os.getpid()).get("VmRSS")
        peak = [before]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], proc_status(os.getpid()).get("VmRSS") or 0)
                time.sleep(0.02)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        ema = next(p for p in problems if p.id == "nnx-ema-step")
        res = checker.check(ema, attack, "attacker")
        done.set()
        th.join()
        out["huge_frame_attack"] = {
            "status": res["status"],
            "server_rss_before_mib": r(before, 1),
            "server_rss_peak_mib": r(peak[0], 1),
        }
        log(
            f"jail: 128 MB frame attack -> {res['status']}, server RSS {before:.0f} -> peak {peak[0]:.0f} MiB"
        )
    finally:
        for pool, _c in pools.values():
            pool.close()
    return out


def run(args) -> dict:
    smoke = args.smoke
    if args.jail_only:
        bank = Bank(ROOT / "problems")
        tmp = Path(tempfile.mkdtemp(prefix="jaxlings-bench-jail-"))
        try:
            rep = {
                "machine": machine(),
                "jail": measure_jail([bank.get(i) for i in REFERENCE], args.checks or 30, tmp),
            }
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        rep["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
        return rep
    bank = Bank(ROOT / "problems")
    ids = REFERENCE + ([] if smoke else HEAVY)
    missing = [i for i in ids if bank.get(i) is None]
    if missing:
        raise SystemExit(f"benchmark: problems not in the bank: {', '.join(missing)}")
    problems = [bank.get(i) for i in ids]
    n_checks = args.checks or (6 if smoke else 60)
    warmup = 2 if smoke else 5
    clients = args.clients
    duration = args.duration or (3.0 if smoke else 20.0)
    nb_reps = 1 if smoke else args.notebook_reps
    override = 1.0
    # smoke: one server does everything (with the short limit); full: the main server runs with the
    # problems' own limits, and two more (short limit) measure the checks right after a timeout
    main_cfg = dict(pool_size=3, spare=1, time_limit_override=override if smoke else 0.0)

    report: dict = {
        "mode": "smoke" if smoke else "full",
        "machine": machine(),
        "config": {
            "problems": ids,
            "checks_per_problem": n_checks,
            "warmup_checks": warmup,
            "clients": clients,
            "duration_s": duration,
            "notebook_reps": nb_reps,
            "main_server": {
                "pool_size": main_cfg["pool_size"],
                "spare_workers": 1,
                "time_limit_override_s": main_cfg.get("time_limit_override"),
            },
            "timeout_servers": [
                {"pool_size": 3, "spare_workers": 1, "time_limit_override_s": override},
                {"pool_size": 1, "spare_workers": 1, "time_limit_override_s": override},
            ],
        },
    }
    tmp = Path(tempfile.mkdtemp(prefix="jaxlings-bench-"))
    servers: list[Server] = []
    t_run = time.perf_counter()
    try:
        log(f"in-process floor ({'smoke' if smoke else 'full'} mode; temp dir {tmp})")
        floor, expected = measure_floor(
            problems,
            reps=20 if smoke else 200,
            cache_dir=tmp / "floor-xla-cache",
            budget_s=4.0 if smoke else 20.0,
        )
        report["floor"] = floor

        report["notebook"] = measure_notebooks(
            problems[:1] if smoke else problems,
            expected,
            nb_reps,
            with_nbgrader=not smoke and not args.no_nbgrader,
            tmp=tmp,
        )
        if not smoke and not report["notebook"]["nbgrader_available"] and not args.no_nbgrader:
            log("nbgrader not found: skipped (see benchmarks/README.md to install it)")

        report["sqlite_commit"] = measure_sqlite_commit(tmp, 50 if smoke else 200)
        report["jail"] = measure_jail(problems[:2], 10 if smoke else 40, tmp)

        srv = Server(tmp, "server", **main_cfg)
        servers.append(srv)
        log(f"starting the Jupyter server (pool {srv.pool_size}, spare {srv.spare})")
        srv.start()
        report["startup"] = measure_startup(srv, problems[0])
        report["warm"] = measure_warm(srv, problems, n_checks, warmup)
        if smoke:
            report["after_timeout_spare"] = measure_spare_after_timeout(srv, problems[0], override)
        report["throughput"] = measure_throughput(srv, problems[:2], clients, duration)
        report["memory"] = srv.stop()
        servers.remove(srv)
        log(
            f"memory: server peak {report['memory']['server_peak_mib']} MiB, worker peak max "
            f"{report['memory']['worker_peak_mib_max']} MiB over {report['memory']['workers_seen']} workers"
        )

        if not smoke:
            for name, pool_size, key, fn in (
                ("server-spare", 3, "after_timeout_spare", measure_spare_after_timeout),
                ("server-one-worker", 1, "after_timeout_fresh", measure_fresh_after_timeout),
            ):
                s2 = Server(tmp, name, pool_size=pool_size, spare=1, time_limit_override=override)
                servers.append(s2)
                log(f"starting {name} (pool {pool_size}, spare 1, time limit {override:g} s)")
                s2.start()
                report[f"startup_{name}"] = measure_startup(s2, problems[0])
                report[key] = fn(s2, problems[0], override)
                s2.stop()
                servers.remove(s2)
    finally:
        for s in servers:
            try:
                s.stop()
            except Exception as exc:
                log(f"could not stop a server cleanly: {exc}")
        if args.keep_tmp:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    report["run_seconds"] = round(time.perf_counter() - t_run, 1)
    report["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["ratios"] = ratios(report)
    report["targets"] = targets(report)
    return report


def ratios(rep: dict) -> dict:
    out = {}
    for pid, w in rep["warm"].items():
        p50 = w["http"]["p50_ms"]
        nbc = rep["notebook"]["nbclient"].get(pid, {}).get("p50_ms")
        nbg = rep["notebook"]["nbgrader"].get(pid, {}).get("p50_ms")
        out[pid] = {
            "jaxlings_p50_over_floor_p50": ratio(p50, rep["floor"][pid]["exec_and_call"]["p50_ms"]),
            "nbclient_over_jaxlings_p50": ratio(nbc, p50),
            "nbgrader_over_jaxlings_p50": ratio(nbg, p50),
        }
    return out


def targets(rep: dict) -> list[dict]:
    t = []
    for pid in REFERENCE:
        w = rep["warm"][pid]["http"]
        t.append(
            {
                "target": f"{pid}: warm p50 <= {TARGETS['warm_p50_ms']:g} ms",
                "value": w["p50_ms"],
                "met": w["p50_ms"] <= TARGETS["warm_p50_ms"],
            }
        )
        t.append(
            {
                "target": f"{pid}: warm p95 <= {TARGETS['warm_p95_ms']:g} ms",
                "value": w["p95_ms"],
                "met": w["p95_ms"] <= TARGETS["warm_p95_ms"],
            }
        )
    for pid in REFERENCE:
        x = rep["ratios"][pid]["nbgrader_over_jaxlings_p50"]
        t.append(
            {
                "target": f"{pid}: >= {TARGETS['x_nbgrader']:g}x faster than nbgrader validate",
                "value": x,
                "met": None if x is None else x >= TARGETS["x_nbgrader"],
            }
        )
    tp = rep["throughput"]
    t.append(
        {
            "target": f">= {TARGETS['checks_per_s']:g} checks/s on {rep['machine']['cores']} cores, 0 errors",
            "value": tp["checks_per_s"],
            "met": tp["checks_per_s"] >= TARGETS["checks_per_s"] and tp["errors"] == 0,
        }
    )
    m = rep["memory"]
    ref = [x for pid in REFERENCE for x in rep["warm"][pid].get("workers_rss_mib_after") or []]
    ref_max = max(ref) if ref else None
    t.append(
        {
            "target": f"worker <= {TARGETS['worker_rss_mib']:g} MiB resident while checking the reference "
            "problems (VmRSS after their checks)",
            "value": ref_max,
            "met": ref_max is not None and ref_max <= TARGETS["worker_rss_mib"],
        }
    )
    t.append(
        {
            "target": f"every worker <= {TARGETS['worker_rss_mib']:g} MiB over the whole run, heavier problems "
            "included (peak VmHWM)",
            "value": m["worker_peak_mib_max"],
            "met": m["worker_peak_mib_max"] is not None
            and m["worker_peak_mib_max"] <= TARGETS["worker_rss_mib"],
        }
    )
    return t


# ---------------------------------------------------------------- the table


def fmt(x: Any, nd: int = 1, unit: str = "") -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:,.{nd}f}{unit}"
    return f"{x}{unit}"


def table(rep: dict) -> str:
    m = rep["machine"]
    v = m["versions"]
    lines = [
        f"jaxlings benchmark ({rep['mode']}) — {m['date']}, commit {m['commit']}"
        + (" (python/ has local changes)" if m.get("python_tree_dirty") else ""),
        f"machine: {m['cpu']}, {m['cores']} cores, {m['mem_gib']} GiB; Python {m['python']}, jax {v['jax']}, "
        f"flax {v['flax']}, jupyter_server {v['jupyter_server']}; load average (1/5/15 min) "
        f"{'/'.join(str(x) for x in m['loadavg_at_start'])} at start, "
        f"{'/'.join(str(x) for x in m.get('loadavg_at_end', []))} at end; run took {rep.get('run_seconds')} s",
        "",
        "Warm check over HTTP (sequential, one user, keep-alive; each row: "
        f"{rep['config']['checks_per_problem']} checks after {rep['config']['warmup_checks']} warm-up)",
        "",
        "| problem | cases | p50 ms | p95 ms | in pool p50 ms | floor p50 ms | ×floor | nbclient ms | nbclient ÷ p50 "
        "| nbgrader ms | nbgrader ÷ p50 |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for pid, w in rep["warm"].items():
        rt = rep["ratios"][pid]
        nbc = rep["notebook"]["nbclient"].get(pid, {}).get("p50_ms")
        nbg = rep["notebook"]["nbgrader"].get(pid, {}).get("p50_ms")
        lines.append(
            f"| {pid} | {w['cases']} | {fmt(w['http']['p50_ms'])} | {fmt(w['http']['p95_ms'])} "
            f"| {fmt(w['in_pool']['p50_ms'])} | {fmt(rep['floor'][pid]['exec_and_call']['p50_ms'], 2)} "
            f"| {fmt(rt['jaxlings_p50_over_floor_p50'], 1, '×')} | {fmt(nbc, 0)} "
            f"| {fmt(rt['nbclient_over_jaxlings_p50'], 0, '×')} | {fmt(nbg, 0)} "
            f"| {fmt(rt['nbgrader_over_jaxlings_p50'], 0, '×')} |"
        )
    s = rep["startup"]
    lines += [
        "",
        "floor = the reference exec'd and called on the same cases in the benchmark process; nbclient / nbgrader = "
        "the equivalent two-cell notebook in a fresh kernel (median of "
        f"{rep['config']['notebook_reps']}); nbgrader "
        + ("measured" if rep["notebook"]["nbgrader_available"] else "not installed: skipped")
        + ".",
        "",
        "| startup and fresh workers | ms |",
        "|---|--:|",
        f"| server process start → listening | {fmt(s['listening_ms'], 0)} |",
        f"| start → first check answered (cold: worker start, reference run) | {fmt(s['first_check_ms'], 0)} |",
        f"| start → first check answered by a warm worker (the next check) | {fmt(s['first_warm_check_ms'], 0)} |",
    ]
    a = rep["after_timeout_spare"]
    lines.append(
        f"| check right after a timeout ({a['time_limit_s']:g} s limit), a spare worker ready (pool of 3) "
        f"| {fmt(a['next_check_ms'])} |"
    )
    if "after_timeout_fresh" in rep:
        f = rep["after_timeout_fresh"]
        lines.append(
            f"| check right after a timeout that must wait for a fresh worker (pool of 1) "
            f"| {fmt(f['next_check_ms'], 0)} |"
        )
    j = rep.get("jail") or {}
    if j.get("warm_p50_ms"):
        lines += [
            "",
            "| jail: warm Check p50 ms (in process, same run) | jailed | plain | jailed, 1 device | jailed ÷ plain |",
            "|---|--:|--:|--:|--:|",
        ]
        for pid, row in j["warm_p50_ms"].items():
            lines.append(
                f"| {pid} | {fmt(row['jailed'])} | {fmt(row['plain'])} | {fmt(row['jailed, 1 device'])} "
                f"| {fmt(row['jail_overhead'], 2, '×')} |"
            )
        lines.append(f"| worker start-to-ready ms | {j['start_to_ready_ms']} | | | |")
        h = j["huge_frame_attack"]
        lines.append(
            f"| server RSS under a 128 MB frame attack ({h['status']}) | {fmt(h['server_rss_before_mib'], 0)} → "
            f"{fmt(h['server_rss_peak_mib'], 0)} MiB | | | |"
        )
    tp = rep["throughput"]
    lines += [
        "",
        f"| throughput: {tp['clients']} concurrent clients, {tp['duration_s']:g} s "
        f"({' + '.join(tp['problems'])}) | |",
        "|---|--:|",
        f"| checks per second | {fmt(tp['checks_per_s'])} |",
        f"| check latency p50 / p95 ms | {fmt(tp['latency']['p50_ms'], 0)} / {fmt(tp['latency']['p95_ms'], 0)} |",
        f"| errors | {tp['errors']} |",
        f"| /api/status while loaded p50 / p95 / max ms ({tp['status']['n']} polls, {tp['status']['errors']} errors) "
        f"| {fmt(tp['status']['p50_ms'])} / {fmt(tp['status']['p95_ms'])} / {fmt(tp['status']['max_ms'])} |",
    ]
    sq = rep.get("sqlite_commit")
    if sq:
        lines += [
            "",
            "| diagnostic: one SQLite commit in WAL mode (the progress database records every check) | p50 / p95 ms |",
            "|---|--:|",
            f"| synchronous=FULL (SQLite's default: an fsync per commit) | {fmt(sq['FULL']['p50_ms'], 2)} / "
            f"{fmt(sq['FULL']['p95_ms'], 2)} |",
            f"| synchronous=NORMAL (durable except on power loss) | {fmt(sq['NORMAL']['p50_ms'], 2)} / "
            f"{fmt(sq['NORMAL']['p95_ms'], 2)} |",
        ]
    mm = rep["memory"]
    lines += [
        "",
        "| memory (MiB, from /proc) | |",
        "|---|--:|",
        f"| server peak (VmHWM) / resident at end | {fmt(mm['server_peak_mib'], 0)} / "
        f"{fmt(mm['server_rss_last_mib'], 0)} |",
        f"| worker peak (VmHWM), max / median over {mm['workers_seen']} workers | "
        f"{fmt(mm['worker_peak_mib_max'], 0)} / {fmt(mm['worker_peak_mib_median'], 0)} |",
        f"| workers resident at end (VmRSS) / their proportional share (Pss) | "
        f"{', '.join(fmt(x, 0) for x in mm['worker_rss_last_mib']) or '—'} / "
        f"{', '.join(fmt(x, 0) for x in mm.get('worker_pss_last_mib', [])) or '—'} |",
    ]
    after = [(pid, w.get("workers_rss_mib_after") or []) for pid, w in rep["warm"].items()]
    lines += [
        f"| workers resident after the checks of {pid} | {', '.join(fmt(x, 0) for x in xs) or '—'} |"
        for pid, xs in after
    ]
    lines += [
        "",
        "| target | value | met |",
        "|---|--:|---|",
    ]
    for t in rep["targets"]:
        met = "n/a" if t["met"] is None else ("yes" if t["met"] else "**no**")
        lines.append(f"| {t['target']} | {fmt(t['value'])} | {met} |")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--smoke", action="store_true", help="tiny run (few checks, 3 s of load, no nbgrader)"
    )
    ap.add_argument(
        "--checks",
        type=int,
        default=0,
        help="measured warm checks per problem (default 60; smoke 6)",
    )
    ap.add_argument(
        "--clients", type=int, default=20, help="concurrent clients in the throughput phase"
    )
    ap.add_argument(
        "--duration", type=float, default=0.0, help="seconds of load (default 20; smoke 3)"
    )
    ap.add_argument(
        "--notebook-reps", type=int, default=3, help="nbclient / nbgrader runs per problem"
    )
    ap.add_argument(
        "--no-nbgrader", action="store_true", help="skip nbgrader even when it is installed"
    )
    ap.add_argument(
        "--json",
        type=Path,
        default=None,
        help="where to write the JSON (default results/latest.json; smoke: results/smoke.json)",
    )
    ap.add_argument(
        "--keep-tmp", action="store_true", help="keep the temp dir (server logs, notebooks)"
    )
    ap.add_argument(
        "--install-optional",
        action="store_true",
        help="install requirements-optional.txt (nbgrader, py-spy, pyinstrument) into "
        "benchmarks/.venv-optional, then exit",
    )
    ap.add_argument(
        "--jail-only",
        action="store_true",
        help="only the side-by-side jailed / plain warm checks, start-to-ready and the "
        "huge-frame attack (results/jail.json)",
    )
    args = ap.parse_args(argv)
    if args.install_optional:
        return install_optional()
    rep = run(args)
    if args.jail_only:
        out = args.json or HERE / "results" / "jail.json"
        out.write_text(json.dumps(rep, indent=1) + "\n")
        print(json.dumps(rep["jail"], indent=1))
        return 0
    out = args.json or HERE / "results" / ("smoke.json" if args.smoke else "latest.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    rep["table"] = table(rep)
    out.write_text(json.dumps(rep, indent=1) + "\n")
    print(rep["table"])
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
