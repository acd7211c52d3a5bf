"""The worker's jail: what a worker process can see (bubblewrap) and use (cgroups, rlimits).

A jailed worker runs in its own user, PID, network, IPC, UTS and mount namespaces with its own
/proc; it sees the interpreter, the venv's libraries and a private read-only copy of the worker
code, and nothing else of the host (no problem bank, data dir, Jupyter runtime dir, home,
config or project tree); /tmp and /dev/shm are small private tmpfs; all capabilities are
dropped (bubblewrap sets no_new_privs); the environment is an allow-list; it dies with the
server. Where bubblewrap or user namespaces are missing, workers run as plain processes and
`Isolation.note` says so in a sentence the learner sees.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

HARNESS = Path(__file__).resolve().parent
WORKER_CODE_MOUNT = "/opt/jaxlings-worker"
CACHE_MOUNT = "/opt/xla-cache"
# the environment a worker gets; nothing else of the server's (no tokens, no paths to data)
PASSED_THROUGH = ("JAXLINGS_WORKER_CLEAR_CACHES_MB",)
# several emulated CPU devices, for sharding problems; single-threaded Eigen keeps a worker small
XLA_FLAGS = (
    "--xla_force_host_platform_device_count=8 "
    "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
)
NOT_JAILED = (
    "Checks on this machine run without the jaxlings sandbox ({why}): your code runs as an "
    "ordinary process of the server's user, so only run code you trust here."
)


@dataclass(frozen=True)
class Isolation:
    """How workers are kept apart from the server, as shown to learners and administrators."""

    jailed: bool
    tool: str  # "bubblewrap 0.8.0", or "" when not jailed
    limits: str  # "cgroup v1 memory+pids", "cgroup v2 memory+pids" or "rlimits"
    note: Optional[str]  # a sentence for the learner when the jail is missing

    def as_json(self) -> dict[str, Any]:
        return {"jailed": self.jailed, "tool": self.tool, "limits": self.limits, "note": self.note}


def _run_ok(cmd: list[str]) -> tuple[bool, str]:
    try:
        p = subprocess.run(
            cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=30, text=True
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return p.returncode == 0, (p.stderr or p.stdout).strip()[:300]


@functools.cache
def bubblewrap() -> tuple[Optional[str], str]:
    """(path to bwrap, version) when it can make the namespaces here; (None, why) otherwise."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return None, "bubblewrap (bwrap) is not installed"
    ok, out = _run_ok([bwrap, "--version"])
    version = out.split()[-1] if ok and out else "?"
    ok, why = _run_ok(
        [bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        + _system_binds()
        + ["--proc", "/proc", "--dev", "/dev", "--", "/bin/true"]
    )
    if not ok:
        return None, f"bubblewrap cannot create namespaces here: {why or 'it failed'}"
    return bwrap, f"bubblewrap {version}"


def _system_binds() -> list[str]:
    """/usr read-only, and /lib, /lib64, /bin, /sbin as the host has them (links or dirs)."""
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("/lib", "/lib64", "/lib32", "/bin", "/sbin"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    if os.path.exists("/etc/ld.so.cache"):
        args += ["--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    return args


def _runtime_binds() -> list[str]:
    """The interpreter's own tree and the venv's libraries (not the project holding the venv)."""
    args: list[str] = []
    seen: set[str] = set()

    def ro(path: str) -> None:
        real = os.path.realpath(path)
        for p in {path, real}:
            if p in seen or not os.path.exists(p) or p.startswith(("/usr/", "/lib")):
                continue
            seen.add(p)
            args.extend(["--ro-bind", p, p])

    ro(sys.base_prefix)
    exe = sys.executable
    # the venv: its python links, pyvenv.cfg and lib dirs only
    if sys.prefix != sys.base_prefix:
        venv = Path(sys.prefix)
        for link in venv.glob("bin/python*"):
            ro(str(link))
        ro(str(venv / "pyvenv.cfg"))
        for name in ("lib", "lib64"):
            if (venv / name).is_dir() and not (venv / name).is_symlink():
                ro(str(venv / name))
    ro(exe)
    for key in ("purelib", "platlib"):
        ro(sysconfig.get_paths()[key])
    return args


class WorkerCode:
    """A private, read-only copy of the code a worker imports (worker.py, codec.py, scratch.py), so a jail
    binds those two files and not the project's tree."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="jaxlings-worker-code-"))
        pkg = self.root / "jaxlings" / "harness"
        pkg.mkdir(parents=True)
        (self.root / "jaxlings" / "__init__.py").write_text('"""Worker-side copy."""\n')
        (pkg / "__init__.py").write_text('"""Worker-side copy."""\n')
        for name in ("worker.py", "codec.py", "scratch.py"):
            shutil.copy(HARNESS / name, pkg / name)
        for p in sorted(self.root.rglob("*"), reverse=True):
            p.chmod(0o555 if p.is_dir() else 0o444)
        self.root.chmod(0o755)

    def remove(self) -> None:
        for p in self.root.rglob("*"):
            try:
                p.chmod(0o755)
            except OSError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)


# ---------------------------------------------------------------- cgroups


def _writable_dir(path: str) -> bool:
    return os.path.isdir(path) and os.access(path, os.W_OK | os.X_OK)


def _own_v2_cgroup() -> Optional[str]:
    try:
        with open("/proc/self/cgroup") as fh:
            for line in fh:
                if line.startswith("0::"):
                    return "/sys/fs/cgroup" + line[3:].strip()
    except OSError:
        pass
    return None


class Cgroups:
    """Per-worker cgroups for memory (tmpfs pages included) and a pids cap, where writable:
    cgroup v1 `memory` and `pids` hierarchies (as root here), or a delegated v2 subtree."""

    def __init__(self, memory_mb: float, pids_max: int):
        self.memory_bytes = int(memory_mb * 2**20)
        self.pids_max = pids_max
        self.version = ""
        self.parents: list[str] = []
        self._tag = f"jaxlings-{os.getpid()}-{os.urandom(3).hex()}"
        self._roots: list[str] = []
        v1 = [f"/sys/fs/cgroup/{c}" for c in ("memory", "pids")]
        if all(_writable_dir(d) and os.path.exists(f"{d}/cgroup.procs") for d in v1):
            self.version, self._roots = "v1", v1
            self._sweep(v1)
        else:
            own = _own_v2_cgroup()
            if own and os.path.exists("/sys/fs/cgroup/cgroup.controllers") and _writable_dir(own):
                try:
                    controllers = Path(own, "cgroup.subtree_control").read_text().split()
                except OSError:
                    controllers = []
                if {"memory", "pids"} <= set(controllers):
                    self.version, self._roots = "v2", [own]

    @staticmethod
    def _sweep(roots: list[str]) -> None:
        """Remove the empty cgroups of pools whose server is gone (killed before it cleaned up)."""
        for root in roots:
            for d in Path(root).glob("jaxlings-*-*"):
                pid = d.name.split("-")[1]
                if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
                    for child in d.iterdir():
                        if child.is_dir():
                            try:
                                os.rmdir(child)
                            except OSError:
                                pass
                    try:
                        os.rmdir(d)
                    except OSError:
                        pass

    def _make_parents(self) -> bool:
        """The pool's own cgroups, made when its first worker starts (not for idle pools)."""
        if self.parents:
            return True
        try:
            for root in self._roots:
                os.mkdir(f"{root}/{self._tag}")
                self.parents.append(f"{root}/{self._tag}")
                if self.version == "v2":
                    Path(root, self._tag, "cgroup.subtree_control").write_text("+memory +pids")
            return True
        except OSError:
            self._rmdirs(self.parents)
            self.parents = []
            return False

    @property
    def available(self) -> bool:
        return bool(self.version)

    def create(self, name: str) -> list[str]:
        """Make one worker's cgroups; the paths of their cgroup.procs files."""
        dirs: list[str] = []
        if not self._make_parents():
            return dirs
        try:
            for parent in self.parents:
                d = f"{parent}/{name}"
                os.mkdir(d)
                dirs.append(d)
                if self.version == "v1" and parent.startswith("/sys/fs/cgroup/memory"):
                    Path(d, "memory.limit_in_bytes").write_text(str(self.memory_bytes))
                    if os.path.exists(f"{d}/memory.memsw.limit_in_bytes"):
                        Path(d, "memory.memsw.limit_in_bytes").write_text(str(self.memory_bytes))
                elif self.version == "v1":
                    Path(d, "pids.max").write_text(str(self.pids_max))
                else:
                    Path(d, "memory.max").write_text(str(self.memory_bytes))
                    Path(d, "memory.swap.max").write_text("0")
                    Path(d, "pids.max").write_text(str(self.pids_max))
        except OSError:
            self.remove(dirs)
            return []
        return dirs

    @staticmethod
    def pids(dirs: list[str]) -> set[int]:
        out: set[int] = set()
        for d in dirs:
            try:
                out.update(int(x) for x in Path(d, "cgroup.procs").read_text().split())
            except (OSError, ValueError):
                pass
        return out

    def kill(self, dirs: list[str]) -> None:
        """SIGKILL everything in the worker's cgroups, until they are empty (a fork bomb too)."""
        for d in dirs:
            if os.path.exists(f"{d}/cgroup.kill"):
                try:
                    Path(d, "cgroup.kill").write_text("1")
                except OSError:
                    pass
        for _ in range(200):
            left = self.pids(dirs)
            if not left:
                return
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.01)

    def ran_out_of_memory(self, dirs: list[str]) -> bool:
        """True if the kernel refused the worker memory (it hit the cgroup's limit)."""
        for d in dirs:
            for name, key in (("memory.oom_control", "oom_kill "), ("memory.events", "oom_kill ")):
                try:
                    for line in Path(d, name).read_text().splitlines():
                        if line.startswith(key) and int(line.split()[1]) > 0:
                            return True
                except (OSError, ValueError, IndexError):
                    pass
            try:
                if int(Path(d, "memory.failcnt").read_text()) > 0:
                    return True
            except (OSError, ValueError):
                pass
        return False

    def remove(self, dirs: list[str]) -> None:
        self._rmdirs(dirs)

    @staticmethod
    def _rmdirs(dirs: list[str]) -> None:
        for d in dirs:
            for _ in range(50):
                try:
                    os.rmdir(d)
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)

    def close(self) -> None:
        self._rmdirs(self.parents)


# ---------------------------------------------------------------- the command line


class Jail:
    """Builds the command and environment that start one worker, jailed when possible."""

    def __init__(
        self,
        enabled: bool = True,
        compile_cache_dir: Optional[Path] = None,
        tmp_mb: int = 64,
        shm_mb: int = 64,
        memory_mb: float = 4096.0,
        pids_max: int = 64,
    ):
        self.compile_cache_dir = Path(compile_cache_dir) if compile_cache_dir else None
        self.tmp_mb, self.shm_mb = tmp_mb, shm_mb
        self.bwrap, why = bubblewrap() if enabled else (None, "the sandbox is turned off")
        self.tool = why if self.bwrap else ""
        self.code = WorkerCode() if self.bwrap else None
        self.cgroups = Cgroups(memory_mb, pids_max)
        limits = (
            f"cgroup {self.cgroups.version} memory+pids" if self.cgroups.available else "rlimits"
        )
        self.isolation = Isolation(
            jailed=bool(self.bwrap),
            tool=self.tool,
            limits=limits,
            note=None if self.bwrap else NOT_JAILED.format(why=why),
        )

    def env(self, socket_fd: int, trusted: bool, nproc: int) -> dict[str, str]:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            "TMPDIR": "/tmp",
            "LANG": "C.UTF-8",
            "JAX_PLATFORMS": "cpu",
            "JAX_TRACEBACK_FILTERING": "off",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "XLA_FLAGS": os.environ.get("JAXLINGS_XLA_FLAGS", XLA_FLAGS),
            "OMP_NUM_THREADS": "1",
            "JAXLINGS_SOCKET_FD": str(socket_fd),
            "JAXLINGS_JAILED": "1" if self.bwrap else "0",
            "JAXLINGS_WORKER_FSIZE_MB": str(max(self.tmp_mb, self.shm_mb)),
        }
        if nproc:
            env["JAXLINGS_WORKER_NPROC"] = str(nproc)
        for k in PASSED_THROUGH:
            if k in os.environ:
                env[k] = os.environ[k]
        if self.compile_cache_dir:
            env["JAXLINGS_COMPILE_CACHE"] = (
                CACHE_MOUNT if self.bwrap else str(self.compile_cache_dir)
            )
            env["JAXLINGS_COMPILE_CACHE_WRITE"] = "1" if trusted else "0"
        return env

    def command(self, trusted: bool, cgroup_procs: list[str], env: dict[str, str]) -> list[str]:
        """The argv that starts a worker: [cgroup join] [bwrap …] python -I -c <launcher>."""
        code_dir = WORKER_CODE_MOUNT if self.bwrap else str(HARNESS.parents[1])
        launcher = (
            f"import sys; sys.path.insert(0, {code_dir!r}); "
            "from jaxlings.harness.worker import main; main()"
        )
        py = [sys.executable, "-I", "-B", "-c", launcher]
        cmd = py
        if self.bwrap:
            assert self.code is not None
            cache: list[str] = []
            if self.compile_cache_dir:
                self.compile_cache_dir.mkdir(parents=True, exist_ok=True)
                # only trusted (reference) runs write programs that later workers load
                cache = [
                    "--bind" if trusted else "--ro-bind",
                    str(self.compile_cache_dir),
                    CACHE_MOUNT,
                ]
            cmd = (
                [
                    self.bwrap,
                    "--unshare-all",
                    "--die-with-parent",
                    "--new-session",
                    "--cap-drop",
                    "ALL",
                    "--clearenv",
                ]
                + _system_binds()
                + ["--proc", "/proc", "--dev", "/dev"]
                + ["--size", str(self.tmp_mb * 2**20), "--tmpfs", "/tmp"]
                + ["--size", str(self.shm_mb * 2**20), "--tmpfs", "/dev/shm"]
                # after the tmpfs mounts: a venv that lives under /tmp (a CI clone) stays visible
                + _runtime_binds()
                + ["--ro-bind", str(self.code.root), WORKER_CODE_MOUNT]
                + cache
                + [a for k, v in sorted(env.items()) for a in ("--setenv", k, v)]
                + ["--chdir", "/tmp", "--"]
                + py
            )
        if cgroup_procs:
            # join the cgroups before exec, so nothing the worker starts is ever outside them
            join = 'for f in $JAXLINGS_CG; do echo $$ > "$f" || exit 97; done; exec "$@"'
            cmd = ["/bin/sh", "-c", join, "sh"] + cmd
        return cmd

    def close(self) -> None:
        if self.code is not None:
            self.code.remove()
        self.cgroups.close()
