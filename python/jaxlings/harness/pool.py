"""WorkerPool: warm jailed worker processes, one job at a time each, limits enforced from outside.

A job's stdout/stderr go to fresh pipes handed to the worker per job and drained here, so
nothing learner code prints can reach the protocol socket or block the worker. Wall clock
and resident memory are watched from this side (and by the kernel, in a cgroup, where the host
allows); a worker that ran out of time or memory, died, left children or threads, or altered
its imported modules is killed, never reused. Everything a worker sends is read as if an
attacker wrote it: frames capped in size and depth, schema-checked, tagged with the job's
nonce, within a byte budget per job. Workers are started with subprocess (fork+exec from a
process without JAX), never forked from a JAX process.

Who may use a worker is its owner: `Fresh` (ran only warm-up code), `Reference` (ran trusted
code on real cases, so it held expected outputs: never handed to a learner) or a `User`.
"""

from __future__ import annotations

import math
import os
import queue
import re
import secrets
import select
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, cast

from . import codec
from .jail import Isolation, Jail
from .scratch import empty_private_dirs

OUTPUT_LIMIT = 64 * 1024
MAX_JOB_BYTES = 16 * 1024 * 1024  # every frame of one job together
PER_USER_IN_FLIGHT = 2
CLEAR_CACHES_ENV = "JAXLINGS_WORKER_CLEAR_CACHES_MB"  # worker.CLEAR_CACHES_ABOVE_MB
# how long a Check waits for the busy worker that has its problem compiled before it takes
# another (cold) one: a warm Check takes tens to hundreds of ms, a cold one seconds of CPU
WARM_WAIT_S = 3.0
# sharing, a Check on a worker that has not compiled its problem may run this many times its
# time limit: compiling is the harness's cost, not the code's, and a worker killed while it
# compiles loses every program it held
COLD_LIMIT_FACTOR = 3.0
MIN_CLEAR_MB = 512.0  # under a memory budget, no worker clears below this size


@dataclass(frozen=True)
class User:
    """A learner (their progress key): their workers serve them alone, unless shared when clean."""

    key: str


@dataclass(frozen=True)
class Reference:
    """Trusted code (reference solutions, `jaxlings validate`): its workers never serve learners."""


@dataclass(frozen=True)
class Fresh:
    """A worker that has run only warm-up code."""


Owner = User | Reference | Fresh
REFERENCE = Reference()
FRESH = Fresh()
SYSTEM = REFERENCE  # the owner trusted callers (validate) pass

Status = Literal["ok", "timeout", "memory", "died", "harness", "too_large", "tampered", "cancelled"]


class Busy(Exception):
    """The user already has as many Checks in flight as the pool allows one user."""


def as_owner(owner: Owner | str | None) -> Owner:
    if isinstance(owner, (User, Reference, Fresh)):
        return owner
    if owner is None:
        return REFERENCE
    return User(str(owner))


class OutputCapture:
    """One output pipe of a job, drained whenever it is readable; keeps the first OUTPUT_LIMIT bytes.

    Read from the pool's own wait loop (no thread per job): the worker never blocks on a full
    pipe because the loop drains it while it waits for frames. With a `mark` (stdout of a check),
    the worker's marks between cases are taken out as they arrive and remembered as offsets.
    """

    def __init__(self, fd: int, mark: str = ""):
        self.fd = fd
        self.data = bytearray()
        self.total = 0
        self.open = True
        self.starts: list[tuple[int, int]] = []  # (case index in the job, offset in the output)
        self._head = b"\x00" + mark.encode() + b":" if mark else b""
        self._mark = re.compile(re.escape(self._head) + rb"(\d{1,6})\x00") if mark else None
        self._pending = b""  # a mark cut in two by a read, kept for the next one
        os.set_blocking(fd, False)

    def read(self, max_chunks: int = 16) -> None:
        """Read what is there (at most max_chunks * 64 KiB); close the pipe at end of file."""
        try:
            for _ in range(max_chunks):
                chunk = os.read(self.fd, 1 << 16)
                if not chunk:
                    self.close()
                    return
                self._take(chunk)
        except BlockingIOError:
            pass
        except OSError:
            self.close()

    def _take(self, chunk: bytes) -> None:
        if self._mark is None:
            return self._keep(chunk)
        buf, pos = self._pending + chunk, 0
        for m in self._mark.finditer(buf):
            self._keep(buf[pos : m.start()])
            self.starts.append((int(m.group(1)), self.total))
            pos = m.end()
        rest = buf[pos:]
        cut = rest.rfind(b"\x00")
        tail = rest[cut:] if cut >= 0 else b""
        if tail and (
            self._head.startswith(tail)
            or (tail.startswith(self._head) and tail[len(self._head) :].isdigit())
        ):
            self._pending, rest = tail, rest[:cut]
        else:
            self._pending = b""
        self._keep(rest)

    def _keep(self, data: bytes) -> None:
        self.total += len(data)
        if len(self.data) < OUTPUT_LIMIT:
            self.data += data[: OUTPUT_LIMIT - len(self.data)]

    def close(self) -> None:
        if self.open:
            self.open = False
            os.close(self.fd)
            self._keep(self._pending)
            self._pending = b""

    @property
    def truncated(self) -> bool:
        return self.total > len(self.data)

    def text(self) -> str:
        out = self.data.decode("utf-8", errors="replace")
        if self.truncated:
            out += f"\n… output cut: {self.total:,} bytes were printed, the first {OUTPUT_LIMIT:,} are shown."
        return out

    def per_case(self) -> dict[int, str]:
        """What was printed during each case (by index in the job), from the marks' offsets."""
        out: dict[int, str] = {}
        if not self.starts:
            return out
        ends = [offset for _, offset in self.starts[1:]] + [len(self.data)]
        for (case, begin), end in zip(self.starts, ends, strict=True):
            chunk = bytes(self.data[begin:end])
            if chunk:
                out[case] = chunk.decode("utf-8", errors="replace")
        return out


def _drain(captures: list[OutputCapture], timeout_s: float) -> bool:
    """Read the pipes until every one is at end of file; False if some are still open at the deadline."""
    end = time.monotonic() + timeout_s
    while True:
        live = [c for c in captures if c.open]
        if not live:
            return True
        left = end - time.monotonic()
        if left <= 0:
            return False
        poller = select.poll()
        for c in live:
            poller.register(c.fd, select.POLLIN)
        ready = {fd for fd, _ in poller.poll(max(1, int(left * 1000)))}
        for c in live:
            if c.fd in ready:
                c.read()


@dataclass
class Outcome:
    """What happened to one job, as seen from outside the worker."""

    status: Status
    frames: list[dict[str, Any]] = field(default_factory=list)  # every "case" frame, in order
    result: Optional[dict[str, Any]] = None  # the final "result" frame
    running: Optional[dict[str, Any]] = None  # the last "start" frame: what was running at the end
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    case_stdout: dict[int, str] = field(default_factory=dict)  # per case, by index in the job
    exit_description: str = ""
    tampered: str = ""  # what the code altered in the harness (status "tampered")
    left: str = ""  # what the job left that another user would see (the worker is then retired)
    detail: str = ""  # why the harness gave up on the worker (for the server's log)
    duration_ms: float = 0.0
    peak_rss_mb: float = 0.0
    cleared: bool = False  # the worker dropped its compiled programs after the job


class WorkerProcess:
    def __init__(self, pool: WorkerPool, trusted: bool):
        self.pool = pool
        self.trusted = trusted  # may write the compile cache; serves Reference only
        self.owner: Owner = REFERENCE if trusted else FRESH
        self.jobs = 0
        self.proc: Optional[subprocess.Popen[bytes]] = None
        self.sock: Optional[socket.socket] = None
        self.pid = 0  # the pid of the python process (inside the jail when jailed)
        self.cgroups: list[str] = []
        self.dead = False
        self.ready_ms = 0.0  # start to ready, for the benchmark
        self.left = False  # its last job left something: retired
        # the problems (job tags) whose programs this worker has compiled, and its resident size
        # after its last job: a Check goes to a worker warm for its problem (WorkerPool._fits)
        self.warm: set[str] = set()
        self.settled_rss_mb = 0.0
        self.settled_pss_mb = 0.0  # measured only under a memory budget

    def start(self) -> None:
        t0 = time.monotonic()
        pool = self.pool
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pool._seq += 1
        self.cgroups = (
            pool.jail.cgroups.create(f"w{pool._seq}") if pool.jail.cgroups.available else []
        )
        env = pool.jail.env(child.fileno(), self.trusted, pool.nproc_limit)
        if pool.clear_caches_mb is not None and CLEAR_CACHES_ENV not in env:
            env[CLEAR_CACHES_ENV] = str(pool.clear_caches_mb)
        if self.cgroups:
            env["JAXLINGS_CG"] = " ".join(f"{d}/cgroup.procs" for d in self.cgroups)
        log = open(pool.log_path, "ab") if pool.log_path else subprocess.DEVNULL
        try:
            self.proc = pool.launcher.popen(
                pool.jail.command(self.trusted, self.cgroups, env),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                pass_fds=(child.fileno(),),
                env=env,
                start_new_session=True,
                close_fds=True,
                cwd="/",
            )
        finally:
            child.close()
            if not isinstance(log, int):  # not subprocess.DEVNULL
                log.close()
        self.sock = parent
        try:
            ready, _ = codec.recv_frame(parent, deadline=time.monotonic() + pool.start_timeout_s)
            codec.check_frame(ready)
        except (OSError, EOFError, TimeoutError, codec.CodecError) as exc:
            self.kill()
            raise RuntimeError(f"worker failed to start: {exc}") from None
        if ready.get("op") != "ready":
            self.kill()
            raise RuntimeError("worker failed to start")
        self.pid = self._python_pid()
        self.ready_ms = (time.monotonic() - t0) * 1000.0

    def _python_pid(self) -> int:
        """The worker's python process: the deepest process under the one we started."""
        assert self.proc is not None
        pid, kids = self.proc.pid, _children(self.proc.pid)
        while kids:
            pid = kids[0]
            kids = _children(pid)
        return pid

    def tree(self) -> list[int]:
        """pids of the worker and every descendant still attached to it."""
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            todo.extend(_children(pid))
        return out

    def rss_mb(self) -> float:
        return sum(_rss_kb(pid) for pid in self.tree()) / 1024.0

    def pss_mb(self) -> float:
        """Its proportional share of memory: pages shared with the other workers count in part."""
        return sum(_rss_kb(pid, "smaps_rollup", "Pss:") for pid in self.tree()) / 1024.0

    def kill(self) -> None:
        if self.dead:
            return
        self.dead = True
        pids = self.tree() if self.pid else []
        if self.proc is not None:
            pids = [self.proc.pid] + _descendants(self.proc.pid) + pids
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if self.cgroups:
            self.pool.jail.cgroups.kill(self.cgroups)
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if self.sock is not None:
            self.sock.close()
        if self.cgroups:
            self.pool.jail.cgroups.remove(self.cgroups)

    def usable(self) -> bool:
        """An idle worker is alive and quiet: its socket has nothing to read (EOF = it died)."""
        if self.dead or self.proc is None or self.sock is None or self.proc.poll() is not None:
            return False
        try:
            if select.select([self.sock], [], [], 0)[0]:
                return False
        except (OSError, ValueError):
            return False
        return _alive(self.pid)

    def out_of_memory(self) -> bool:
        return bool(self.cgroups) and self.pool.jail.cgroups.ran_out_of_memory(self.cgroups)

    def exit_description(self) -> str:
        if self.proc is None:
            return "the process is gone"
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "the process stopped answering"
        if code < 0 or code > 128:
            sig = -code if code < 0 else code - 128
            try:
                name = signal.Signals(sig).name
            except ValueError:
                name = f"signal {sig}"
            return f"the process running your code was killed by {name}"
        if code == 1 and self.pool.isolation.jailed:
            # bwrap reports its child killed by a signal (from outside) as status 1
            return (
                "the process running your code ended before returning a result: it exited with "
                "status 1 or was killed from outside (os._exit(), a crash, or the system ending it)"
            )
        return (
            f"the process running your code exited with status {code} before returning "
            "a result (os._exit() or a crash ends the whole process)"
        )


# (argv and options for Popen, the box for its result, set when it is there)
_LaunchItem = tuple[
    tuple[Any, ...],
    dict[str, Any],
    list["subprocess.Popen[bytes] | BaseException"],
    threading.Event,
]


class Launcher:
    """Starts every worker from one long-lived thread: bwrap's --die-with-parent ends a worker
    when the *thread* that started it ends, so a short-lived thread would kill it at once."""

    def __init__(self) -> None:
        self._q: queue.SimpleQueue[Optional[_LaunchItem]] = queue.SimpleQueue()
        self._thread: Optional[threading.Thread] = None
        self._lock = threading.Lock()

    def _loop(self) -> None:
        while True:
            item = self._q.get()
            if item is None:
                return
            args, kwargs, box, done = item
            try:
                # never in text mode: a worker's pipes carry bytes
                box.append(cast("subprocess.Popen[bytes]", subprocess.Popen(*args, **kwargs)))
            except BaseException as exc:  # handed to the caller, raised there
                box.append(exc)
            done.set()

    def popen(self, *args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, daemon=True, name="jaxlings-launcher"
                )
                self._thread.start()
        box: list[subprocess.Popen[bytes] | BaseException] = []
        done = threading.Event()
        self._q.put((args, kwargs, box, done))
        done.wait()
        got = box[0]
        if isinstance(got, BaseException):
            raise got
        return got

    def close(self) -> None:
        self._q.put(None)


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                kids.extend(int(x) for x in fh.read().split())
    except OSError:
        pass
    return kids


def _descendants(pid: int) -> list[int]:
    out, todo = [], _children(pid)
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def _alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _rss_kb(pid: int, file: str = "status", field: str = "VmRSS:") -> int:
    """A process's resident size in KiB (its proportional share: file smaps_rollup, field Pss:)."""
    try:
        with open(f"/proc/{pid}/{file}") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _nproc_limit() -> int:
    """An RLIMIT_NPROC for workers when no pids cgroup exists: what this user runs now, plus 64."""
    if os.getuid() == 0:
        return 0  # root is not held by RLIMIT_NPROC
    uid, n = os.getuid(), 0
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if os.stat(f"/proc/{name}").st_uid == uid:
                    n += len(os.listdir(f"/proc/{name}/task"))
            except OSError:
                pass
    return n + 64


class WorkerPool:
    """Keeps up to `max_workers` warm workers and runs one job on one of them."""

    def __init__(
        self,
        max_workers: int = 3,
        spare: int = 1,
        compile_cache_dir: Optional[Path] = None,
        log_path: Optional[Path] = None,
        max_jobs_per_worker: int = 200,
        sandbox: bool = True,
        start_timeout_s: float = 120.0,
        warm_jobs: Optional[Callable[[], list[dict[str, Any]]]] = None,
        retire_rss_mb: float = 1024.0,
        per_user_in_flight: int = PER_USER_IN_FLIGHT,
        share_workers: bool = False,
        worker_memory_mb: float = 4096.0,
        clear_caches_mb: Optional[float] = None,
        warm_wait_s: float = WARM_WAIT_S,
        memory_budget_mb: Optional[float] = None,
    ):
        self.max_workers = max(1, max_workers)
        self.spare = max(0, min(spare, self.max_workers))
        self.log_path = log_path
        self.max_jobs = max_jobs_per_worker
        self.start_timeout_s = start_timeout_s
        self.jail = Jail(sandbox, compile_cache_dir, memory_mb=worker_memory_mb)
        self.launcher = Launcher()
        self.isolation: Isolation = self.jail.isolation
        self.nproc_limit = 0 if self.jail.cgroups.available else _nproc_limit()
        self.warm_jobs = warm_jobs
        # memory freed inside a worker is seldom returned to the OS: a worker that has grown
        # this large is retired, so the next job's memory limit measures that job alone
        self.retire_rss_mb = retire_rss_mb
        self.per_user_in_flight = max(1, per_user_in_flight)
        # a used worker may serve another user only if its last job left nothing (the worker's
        # scan: README, "Reuse and users at class scale") and its private dirs were emptied
        # from here; only jailed, where those dirs are the worker's own
        self.share_workers = share_workers and self.isolation.jailed
        # a worker above this resident size drops its compiled programs after a job (None: the
        # worker's default; README, "Workers at class scale")
        self.clear_caches_mb = clear_caches_mb
        # the workers' memory together (PSS): a job that takes its worker past what is left of
        # it makes the worker drop its compiled programs after the job (see _clear_above_mb)
        self.memory_budget_mb = memory_budget_mb
        self.warm_wait_s = warm_wait_s
        self.warm_hits = 0  # Checks given a worker that had compiled their problem
        self.cleared = 0  # times a worker dropped its compiled programs (clear_caches_mb)
        # Checks given a worker that had not: {True: one that had was busy, False: none had}
        self.warm_misses: dict[bool, int] = {True: 0, False: 0}
        self._cv = threading.Condition()
        self._idle: list[WorkerProcess] = []
        self._busy: set[WorkerProcess] = set()
        self._starting: dict[bool, int] = {False: 0, True: 0}  # trusted -> workers starting
        self._closed = False
        self._seq = 0
        self.started_workers = 0
        self.failed_starts = 0
        self.ready_ms: list[float] = []
        self.handoffs = 0  # used workers handed to another user
        self.reuses = 0  # used workers handed back to the same user
        self.retired_unclean = 0  # workers retired because a job left something behind
        self.retired: dict[str, int] = {}  # workers ended after a job, by why
        self.left: dict[str, int] = {}  # what was left, by first finding (for the benchmark)
        self.scan_ms: list[float] = []  # the worker's leftover scan, per job (last 1000)
        # ticket -> owner of each check waiting for a worker, oldest first
        self._waiting: dict[object, tuple[Owner, Optional[str], float]] = {}  # owner, tag, since
        self._in_flight: dict[Owner, int] = {}
        self._stops: dict[tuple[Owner, Optional[str]], list[threading.Event]] = {}  # cancel()
        self._served: dict[Owner, int] = {}  # owner -> turn of its last grant (round robin)
        self._turn = 0
        # used workers wait for their integrity report here, off the request's thread
        self._settle_q: queue.SimpleQueue[WorkerProcess] = queue.SimpleQueue()
        self._settle_threads = 0
        self._settle_idle = 0

    # ------------------------------------------------------------ lifecycle

    def prefill(self) -> None:
        """Start the spare workers in the background."""
        with self._cv:
            self._top_up_locked()

    def _total_locked(self) -> int:
        return len(self._idle) + len(self._busy) + sum(self._starting.values())

    def _top_up_locked(self) -> None:
        fresh = sum(1 for w in self._idle if w.owner == FRESH) + self._starting[False]
        while not self._closed and fresh < self.spare and self._total_locked() < self.max_workers:
            self._spawn_locked(trusted=False)
            fresh += 1

    def _spawn_locked(self, trusted: bool) -> None:
        self._starting[trusted] += 1
        threading.Thread(target=self._spawn, args=(trusted,), daemon=True).start()

    def _spawn(self, trusted: bool) -> None:
        w = WorkerProcess(self, trusted)
        try:
            w.start()
            for job in self.warm_jobs() if self.warm_jobs and not trusted else []:
                # trusted code from the bank: what it loads becomes the worker's baseline
                job = {**job, "rebase": True}
                tag = job.pop("tag", None)  # the problem it warms (not sent to the worker)
                outcome = self._run_on(w, job, time_limit_s=60, memory_limit_mb=4096, tag=tag)
                if outcome.status != "ok":
                    raise RuntimeError("warm-up job failed")
        except Exception:
            w.kill()
            with self._cv:
                self._starting[trusted] -= 1
                self.failed_starts += 1
                self._cv.notify_all()
            return
        with self._cv:
            self._starting[trusted] -= 1
            self.started_workers += 1
            self.ready_ms.append(w.ready_ms)
            if self._closed:
                w.kill()
            else:
                self._idle.append(w)
            self._cv.notify_all()

    def stats(self) -> dict[str, Any]:
        """Counters of the pool's life so far (for the server's log and the benchmarks)."""
        with self._cv:
            scans = sorted(self.scan_ms)
            return {
                "workers_started": self.started_workers,
                "handed_to_another_user": self.handoffs,
                "reused_by_same_user": self.reuses,
                "retired_left_something": self.retired_unclean,
                "retired_by_why": dict(self.retired),
                "left": dict(self.left),
                "scan_ms_p50": scans[len(scans) // 2] if scans else None,
                "scan_ms_max": scans[-1] if scans else None,
                "sharing": self.share_workers,
                "warm_hits": self.warm_hits,
                "cold_while_warm_busy": self.warm_misses[True],
                "cold_nowhere_warm": self.warm_misses[False],
                "caches_cleared": self.cleared,
            }

    def close(self) -> None:
        with self._cv:
            self._closed = True
            workers = list(self._idle) + list(self._busy)
            self._idle.clear()
        for w in workers:
            w.kill()
        self.launcher.close()
        self.jail.close()

    # ------------------------------------------------------------ acquiring

    def _fits(self, owner: Owner, w: WorkerProcess) -> int:
        """Whether `w` may serve `owner`, and how well: 3 its own, 2 another user's clean one
        (sharing only), 1 fresh, 0 not at all."""
        if isinstance(owner, Reference):
            # a fresh worker may become a reference one (never to serve learners after); it keeps
            # its read-only compile cache, so only workers started trusted ever write that cache
            return 3 if w.trusted or w.owner == REFERENCE else (2 if w.owner == FRESH else 0)
        if w.trusted:
            return 0
        if w.owner == owner:
            return 3
        if w.owner == FRESH:
            return 1
        return 2 if self.share_workers and isinstance(w.owner, User) else 0

    def _rank(self, owner: Owner, tag: Optional[str], w: WorkerProcess) -> tuple[int, ...]:
        """How much `owner`'s Check of problem `tag` wants `w` (higher first; never 0 unless it
        may not use it). A worker that already compiled the problem first: a warm Check costs
        tens of ms, a cold one seconds. Sharing workers, then the smallest one, so that the
        problems of a class spread over the pool instead of every worker compiling all of them;
        not sharing, the learner's own one before a fresh one."""
        fit = self._fits(owner, w)
        if not fit or isinstance(owner, Reference):
            return (fit,)
        warm = int(tag is not None and tag in w.warm)
        if self.share_workers:
            return (fit and 1 + warm, -round(w.settled_rss_mb))
        return (fit and 1 + warm, fit)

    def _holding_out(self, owner: Owner, tag: Optional[str], since: float, now: float) -> bool:
        """Whether a Check waits for a busy worker warm for its problem rather than take a cold
        one: for at most `warm_wait_s` after it asked."""
        if tag is None or isinstance(owner, Reference) or now - since >= self.warm_wait_s:
            return False
        return any(
            tag in w.warm and not w.dead and (self.share_workers or w.owner == owner)
            for w in self._busy
        )

    def _wants(self, ticket: object, w: WorkerProcess, now: float) -> tuple[int, ...]:
        owner, tag, since = self._waiting[ticket]
        rank = self._rank(owner, tag, w)
        if rank[0] and tag not in w.warm and self._holding_out(owner, tag, since, now):
            return (0,)
        return rank

    def _acquire(self, owner: Owner, timeout_s: float, tag: Optional[str] = None) -> WorkerProcess:
        since = time.monotonic()
        deadline = since + timeout_s
        ticket = object()
        trusted = isinstance(owner, Reference)
        with self._cv:
            self._waiting[ticket] = (owner, tag, since)
            try:
                while True:
                    if self._closed:
                        raise RuntimeError("the worker pool is closed")
                    for gone in [w for w in self._idle if not w.usable()]:
                        # died while idle (OOM killer, an administrator): drop it, never hand it out
                        self._idle.remove(gone)
                        threading.Thread(target=gone.kill, daemon=True).start()
                        self._top_up_locked()
                    now = time.monotonic()
                    ranked = [(self._wants(ticket, w, now), i, w) for i, w in enumerate(self._idle)]
                    best = max(ranked, key=lambda r: (r[0], -r[1]), default=None)
                    if best is not None and best[0][0]:
                        w = best[2]
                        if self._next_claim_locked(w, now) is ticket:
                            self._idle.remove(w)
                            self._busy.add(w)
                            if isinstance(w.owner, User) and isinstance(owner, User):
                                if w.owner == owner:
                                    self.reuses += 1
                                else:
                                    self.handoffs += 1
                            if tag is not None and tag in w.warm:
                                self.warm_hits += 1
                            elif tag is not None:
                                busy = any(tag in b.warm for b in self._busy)
                                self.warm_misses[busy] += 1
                            self._turn += 1
                            self._served[owner] = self._turn
                            self._top_up_locked()
                            return w
                    elif not any(self._fits(owner, w) for w in self._idle):
                        kind = sum(
                            isinstance(o, Reference) == trusted
                            for o, _, _ in self._waiting.values()
                        )
                        if self._total_locked() < self.max_workers:
                            if self._starting[trusted] < kind:
                                self._spawn_locked(trusted)
                        elif self._idle and not self._starting[trusted]:
                            # every slot holds a worker this check may not use: retire the oldest
                            old = self._idle.pop(0)
                            threading.Thread(target=old.kill, daemon=True).start()
                            self._spawn_locked(trusted)
                    left = deadline - now
                    if left <= 0:
                        raise TimeoutError("no worker became free in time")
                    wait = min(left, 1.0)
                    if self._holding_out(owner, tag, since, now):
                        wait = min(wait, since + self.warm_wait_s - now + 0.001)
                    self._cv.wait(wait)
            finally:
                del self._waiting[ticket]
                self._cv.notify_all()  # a waiter queued behind this one may go now

    def _next_claim_locked(self, w: WorkerProcess, now: Optional[float] = None) -> Optional[object]:
        """Which waiting check gets `w`: one of its problem, if it is warm for one (the problem's
        Check would be slow anywhere else); else a user's own worker goes to that user; else round
        robin between users (the user served longest ago first), first come first served within a
        user. Checks holding out for another worker warm for their problem are passed over."""
        now = time.monotonic() if now is None else now
        best, best_key = None, None
        for seq, (t, (owner, tag, _since)) in enumerate(self._waiting.items()):
            if not self._wants(t, w, now)[0]:
                continue
            first = (
                0 if tag is not None and tag in w.warm else (1 if self._fits(owner, w) == 3 else 2)
            )
            key = (first, self._served.get(owner, 0), seq)
            if best_key is None or key < best_key:
                best, best_key = t, key
        return best

    def _clear_above_mb(self, w: WorkerProcess) -> float:
        """The resident size past which `w` drops its compiled programs after its next job: its
        size now plus what the budget has left (the workers' last measured PSS together), but
        never below MIN_CLEAR_MB, so that a small worker does not clear what little it holds."""
        if w.trusted or w.owner == REFERENCE:
            return MIN_CLEAR_MB  # reference runs come once per problem: warmth is worth little
        with self._cv:
            used = sum(x.settled_pss_mb or x.settled_rss_mb for x in [*self._idle, *self._busy])
        assert self.memory_budget_mb is not None
        left = w.settled_rss_mb + self.memory_budget_mb - used
        # (a worker that stays larger than retire_rss_mb is replaced: clear before that)
        return round(max(MIN_CLEAR_MB, min(left, 0.9 * self.retire_rss_mb)), 1)

    def _release(self, w: WorkerProcess, reusable: bool) -> None:
        if not reusable or w.jobs >= self.max_jobs:
            w.kill()
        with self._cv:
            self._busy.discard(w)
            if reusable and not w.dead and not self._closed:
                self._idle.append(w)
            self._top_up_locked()
            self._cv.notify_all()

    # ------------------------------------------------------------ running

    def run(
        self,
        job: dict[str, Any],
        owner: Owner | str | None,
        time_limit_s: float,
        memory_limit_mb: float,
        queue_timeout_s: float = 120.0,
        tag: Optional[str] = None,
    ) -> Outcome:
        """Run one job for `owner` and return its Outcome; `cancel(owner, tag)` stops it (status
        "cancelled", the worker killed).

        Raises Busy when a user already has `per_user_in_flight` jobs queued or running,
        TimeoutError when no worker frees in `queue_timeout_s`, RuntimeError once closed."""
        owner = as_owner(owner)
        stop = threading.Event()
        with self._cv:
            if isinstance(owner, User) and self._in_flight.get(owner, 0) >= self.per_user_in_flight:
                raise Busy(owner.key)
            self._in_flight[owner] = self._in_flight.get(owner, 0) + 1
            self._stops.setdefault((owner, tag), []).append(stop)
        try:
            w = self._acquire(owner, queue_timeout_s, tag)
            settled = False
            outcome: Optional[Outcome] = None
            try:
                w.owner = owner
                if self.share_workers and tag is not None and tag not in w.warm:
                    time_limit_s *= COLD_LIMIT_FACTOR
                outcome = self._run_on(w, job, time_limit_s, memory_limit_mb, stop, tag)
                if outcome.status == "ok":
                    self._settle_later(w)
                    settled = True
            finally:
                if not settled:  # whatever was raised, the slot is freed
                    self._count_retired(outcome.status if outcome else "harness raised")
                    self._release(w, reusable=False)
            return outcome
        finally:
            with self._cv:
                self._in_flight[owner] -= 1
                if not self._in_flight[owner]:
                    del self._in_flight[owner]
                stops = self._stops.get((owner, tag), [])
                if stop in stops:
                    stops.remove(stop)
                if not stops:
                    self._stops.pop((owner, tag), None)

    def cancel(self, owner: Owner | str | None, tag: Optional[str] = None) -> int:
        """Stop `owner`'s jobs run with `tag` (queued or running); how many were asked to stop."""
        with self._cv:
            stops = list(self._stops.get((as_owner(owner), tag), []))
        for stop in stops:
            stop.set()
        return len(stops)

    def _count_retired(self, why: str) -> None:
        with self._cv:
            self.retired[why] = self.retired.get(why, 0) + 1

    def _settle_later(self, w: WorkerProcess) -> None:
        with self._cv:
            if self._settle_idle == 0 and self._settle_threads < self.max_workers:
                self._settle_threads += 1
                self._settle_idle += 1
                threading.Thread(
                    target=self._settle_loop, daemon=True, name="jaxlings-settle"
                ).start()
        self._settle_q.put(w)

    def _settle_loop(self) -> None:
        while True:
            w = self._settle_q.get()
            with self._cv:
                self._settle_idle -= 1
            why = ""
            try:
                w.settled_rss_mb = w.rss_mb()
                if self.memory_budget_mb is not None:
                    w.settled_pss_mb = w.pss_mb()
                if _children(w.pid):
                    why = "children left"
                elif w.settled_rss_mb >= self.retire_rss_mb:
                    why = "rss"
                elif self.isolation.jailed and not empty_private_dirs(w.pid):
                    # emptied again from outside: the next job starts from nothing on disk,
                    # whatever the code did to the worker's own view of these dirs
                    why = "private dirs"
                elif w.jobs >= self.max_jobs:
                    why = "jobs" if not w.left else "left something"
            except Exception:
                why = "settle failed"
            finally:
                if why:
                    self._count_retired(why)
                self._release(w, not why)
            with self._cv:
                self._settle_idle += 1

    def _run_on(
        self,
        w: WorkerProcess,
        job: dict[str, Any],
        time_limit_s: float,
        memory_limit_mb: float,
        stop: Optional[threading.Event] = None,
        tag: Optional[str] = None,
    ) -> Outcome:
        assert w.sock is not None
        w.jobs += 1
        if self.memory_budget_mb is not None:
            job = {**job, "clear_above_mb": self._clear_above_mb(w)}
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        # marks where each case's output starts (worker._mark_output); the code never sees it
        mark = secrets.token_hex(8) if job.get("op") == "check" else ""
        if mark:
            job = {**job, "mark": mark}
        captures = [OutputCapture(out_r, mark), OutputCapture(err_r)]
        outcome = Outcome(status="ok")
        try:
            self._wait_for_result(
                w, job, outcome, captures, out_w, err_w, time_limit_s, memory_limit_mb, stop
            )
            if outcome.status != "ok":
                if outcome.status == "died":
                    if w.out_of_memory():
                        outcome.status = "memory"
                    else:
                        outcome.exit_description = w.exit_description()
                w.kill()
            # output ends when the worker lets go of the pipes; something still holding them is
            # a process the code left behind: the worker goes, the verdict stands
            if not _drain(captures, 1.0):
                w.kill()
                _drain(captures, 2.0)
        finally:
            for c in captures:
                c.close()
        outcome.stdout, outcome.stderr = captures[0].text(), captures[1].text()
        outcome.case_stdout = captures[0].per_case()
        outcome.stdout_truncated, outcome.stderr_truncated = (
            captures[0].truncated,
            captures[1].truncated,
        )
        ran = any(f.get("ok") is True for f in outcome.frames)
        if tag is not None and ran and outcome.status == "ok" and not outcome.cleared:
            w.warm.add(tag)  # the code ran through a case: the problem's ops are compiled here
        return outcome

    def _wait_for_result(
        self,
        w: WorkerProcess,
        job: dict[str, Any],
        outcome: Outcome,
        captures: list[OutputCapture],
        out_w: int,
        err_w: int,
        time_limit_s: float,
        memory_limit_mb: float,
        stop: Optional[threading.Event] = None,
    ) -> None:
        """Send the job, then read its frames (and drain its output) until the worker reports idle
        after the result, a limit is hit, the worker dies or `stop` is set; time after the result
        counts."""
        assert w.sock is not None
        nonce = secrets.token_hex(16)
        t0 = time.monotonic()
        try:
            codec.send_frame(w.sock, {**job, "nonce": nonce}, fds=[out_w, err_w])
        except OSError:
            outcome.status = "died"
        finally:
            os.close(out_w)
            os.close(err_w)
        sock_fd = w.sock.fileno()
        poller = select.poll()
        poller.register(sock_fd, select.POLLIN)
        for c in captures:
            poller.register(c.fd, select.POLLIN)
        deadline = t0 + time_limit_s
        next_rss = t0
        over = 0
        budget = MAX_JOB_BYTES
        n_cases = len(job.get("cases") or []) if job.get("op") == "check" else 0
        while outcome.status == "ok":
            if stop is not None and stop.is_set():
                outcome.status = "cancelled"  # the worker is killed: the code may be anywhere
                break
            now = time.monotonic()
            if now >= next_rss:
                rss = w.rss_mb()
                outcome.peak_rss_mb = max(outcome.peak_rss_mb, rss)
                if rss > memory_limit_mb:
                    over += 1
                    if over >= 2:  # two samples in a row: a one-off misread never kills a check
                        outcome.status = "memory"
                        break
                else:
                    over = 0
                next_rss = now + 0.05
            if now >= deadline:
                outcome.status = "timeout"
                break
            wait_ms = max(0.0, min(deadline, next_rss) - now) * 1000.0
            events = poller.poll(math.ceil(wait_ms))
            sock_ready = False
            for fd, _ev in events:
                if fd == sock_fd:
                    sock_ready = True
                    continue
                for c in captures:
                    if c.fd == fd and c.open:
                        c.read()
                        if not c.open:
                            poller.unregister(fd)
            if not sock_ready:
                continue
            sizes: list[int] = []
            try:
                frame, _ = codec.recv_frame(
                    w.sock,
                    deadline=max(deadline, time.monotonic() + 2.0),
                    max_bytes=min(codec.MAX_FRAME, budget),
                    sizes=sizes,
                )
                codec.check_frame(frame)
            except EOFError:
                outcome.status = "died"
                break
            except (
                TimeoutError
            ):  # half a frame, or one dripped byte by byte: out of time all the same
                outcome.status = "timeout"
                break
            except codec.CodecError as exc:
                outcome.status = "too_large" if "limit" in str(exc) else "harness"
                outcome.detail = str(exc)[:300]
                break
            except OSError as exc:
                outcome.status = "harness"
                outcome.detail = f"reading a frame: {exc}"
                break
            budget -= sizes[0]
            if frame.get("nonce") != nonce:
                outcome.status = "harness"  # not written by the harness: forged by the code
                outcome.detail = f"a {frame['op']} frame without the job's nonce"
                break
            op = frame["op"]
            if op == "start":
                outcome.running = frame
            elif op == "case":
                if len(outcome.frames) >= n_cases:
                    outcome.status = "harness"
                    outcome.detail = "more case frames than cases"
                    break
                outcome.frames.append(frame)
                # the worker goes straight on to the next case: it sends "start" only for the first
                i = frame["i"]
                if 0 <= i < n_cases - 1:
                    outcome.running = {"op": "start", "case": i + 1}
            elif op == "result" and outcome.result is None:
                outcome.result = frame
                outcome.running = None
                if frame.get("harness_error"):
                    outcome.status = "harness"
                elif frame.get("reason"):
                    outcome.status = "tampered"
                    outcome.tampered = str(frame["reason"])[:300]
            elif op == "idle" and outcome.result is not None:
                if frame.get("reason"):
                    outcome.status = "tampered"
                    outcome.tampered = str(frame["reason"])[:300]
                elif not frame["clean"]:
                    w.jobs = self.max_jobs  # settings changed: retire it after this job
                    w.left = True
                    outcome.left = str(frame.get("left") or "a setting was changed")[:300]
                    with self._cv:
                        self.retired_unclean += 1
                        key = outcome.left.split(" was ")[0][:80]
                        self.left[key] = self.left.get(key, 0) + 1
                if frame.get("cleared") is True:
                    w.warm.clear()  # it dropped every compiled program
                    outcome.cleared = True
                    with self._cv:
                        self.cleared += 1
                scan = frame.get("scan_ms")
                if isinstance(scan, (int, float)):
                    with self._cv:
                        self.scan_ms = self.scan_ms[-999:] + [float(scan)]
                break
            else:
                outcome.status = "harness"
                outcome.detail = f"an unexpected {op} frame"
                break
        if outcome.status == "timeout" and outcome.result is not None:
            outcome.running = {"after": True}  # the function returned; what ran after did not end
        outcome.duration_ms = (time.monotonic() - t0) * 1000.0
