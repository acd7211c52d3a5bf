"""WorkerPool: warm worker processes, one job at a time each, limits enforced from outside.

A job's stdout/stderr go to fresh pipes handed to the worker per job and drained here, so
nothing learner code prints can reach the protocol socket or block the worker. Wall clock
and resident memory are watched from this side; a worker that ran out of time or memory,
died, left children or threads, or altered its imported modules is killed, never reused.
A used worker only ever serves the same user again. Workers are started with
subprocess (fork+exec from a process without JAX), never forked from a JAX process.
"""

from __future__ import annotations

import json
import math
import os
import queue
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from . import codec

OUTPUT_LIMIT = 64 * 1024
SYSTEM = None  # the owner of workers that ran only trusted (reference) code


def sandbox_prefix() -> list[str]:
    """`unshare` for no network and a private PID namespace, when the OS allows it."""
    if os.environ.get("JAXLINGS_NO_SANDBOX"):
        return []
    cmd = ["unshare", "--net", "--pid", "--fork", "--kill-child", "--"]
    try:
        ok = (
            subprocess.run(
                cmd + ["true"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10
            ).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return cmd if ok else []


class OutputCapture:
    """One output pipe of a job, drained whenever it is readable; keeps the first OUTPUT_LIMIT bytes.

    Read from the pool's own wait loop (no thread per job): the worker never blocks on a full
    pipe because the loop drains it while it waits for frames.
    """

    def __init__(self, fd: int):
        self.fd = fd
        self.data = bytearray()
        self.total = 0
        self.open = True
        os.set_blocking(fd, False)

    def read(self, max_chunks: int = 16) -> None:
        """Read what is there (at most max_chunks * 64 KiB); close the pipe at end of file."""
        try:
            for _ in range(max_chunks):
                chunk = os.read(self.fd, 1 << 16)
                if not chunk:
                    self.close()
                    return
                self.total += len(chunk)
                if len(self.data) < OUTPUT_LIMIT:
                    self.data += chunk[: OUTPUT_LIMIT - len(self.data)]
        except BlockingIOError:
            pass
        except OSError:
            self.close()

    def close(self) -> None:
        if self.open:
            self.open = False
            os.close(self.fd)

    @property
    def truncated(self) -> bool:
        return self.total > len(self.data)

    def text(self) -> str:
        out = self.data.decode("utf-8", errors="replace")
        if self.truncated:
            out += f"\n… output cut: {self.total:,} bytes were printed, the first {OUTPUT_LIMIT:,} are shown."
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

    status: str  # ok | timeout | memory | died | harness
    frames: list[dict[str, Any]] = field(default_factory=list)  # every "case" frame, in order
    result: Optional[dict[str, Any]] = None  # the final "result" frame
    running: Optional[dict[str, Any]] = None  # the last "start" frame: what was running at the end
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    exit_description: str = ""
    duration_ms: float = 0.0
    peak_rss_mb: float = 0.0


class WorkerProcess:
    def __init__(self, pool: WorkerPool):
        self.pool = pool
        self.owner: Any = SYSTEM
        self.jobs = 0
        self.proc: Optional[subprocess.Popen[bytes]] = None
        self.sock: Optional[socket.socket] = None
        self.pid = 0  # the pid of the python process (inside unshare when sandboxed)
        self.dead = False

    def start(self) -> None:
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        env = dict(os.environ)
        env["JAXLINGS_SOCKET_FD"] = str(child.fileno())
        if self.pool.compile_cache_dir:
            env["JAXLINGS_COMPILE_CACHE"] = str(self.pool.compile_cache_dir)
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH")])
        )
        log = open(self.pool.log_path, "ab") if self.pool.log_path else subprocess.DEVNULL
        try:
            self.proc = subprocess.Popen(
                self.pool.prefix + [sys.executable, "-m", "jaxlings.harness.worker"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                pass_fds=(child.fileno(),),
                env=env,
                start_new_session=True,
                close_fds=True,
            )
        finally:
            child.close()
            if not isinstance(log, int):  # DEVNULL is a constant, not a file of ours
                log.close()
        self.sock = parent
        parent.settimeout(self.pool.start_timeout_s)
        try:
            ready, _ = codec.recv_frame(parent)
        except (OSError, EOFError, codec.CodecError, ValueError) as exc:
            self.kill()
            raise RuntimeError(f"worker failed to start: {exc}") from None
        parent.settimeout(None)
        if ready.get("op") != "ready":
            self.kill()
            raise RuntimeError("worker failed to start")
        self.pid = self._python_pid()

    def _python_pid(self) -> int:
        assert self.proc is not None
        if not self.pool.prefix:
            return self.proc.pid
        kids = _children(self.proc.pid)
        return kids[0] if kids else self.proc.pid

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

    def kill(self) -> None:
        if self.dead:
            return
        self.dead = True
        pids = self.tree() if self.pid else []
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if self.proc is not None:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if self.sock is not None:
            self.sock.close()

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
        if code == 1 and self.pool.prefix:
            # unshare also reports its child killed by SIGKILL (from outside) as status 1
            return (
                "the process running your code ended before returning a result: it exited with "
                "status 1 or was killed from outside (os._exit(), a crash, or the system ending it)"
            )
        return (
            f"the process running your code exited with status {code} before returning "
            "a result (os._exit() or a crash ends the whole process)"
        )


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                kids.extend(int(x) for x in fh.read().split())
    except OSError:
        pass
    return kids


def _alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _recv_frame_by(sock: socket.socket, deadline: float) -> Any:
    """codec.recv_frame, but the whole frame must arrive by `deadline` (monotonic).

    A worker that sends half a frame, or drips it a byte at a time, cannot hold a check (or
    a settle thread) past the deadline; raises TimeoutError then.
    """

    def exact(n: int) -> bytes:
        chunks = []
        while n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the frame did not arrive in time")
            sock.settimeout(left)
            chunk = sock.recv(min(n, 1 << 20))
            if not chunk:
                raise EOFError("connection closed")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    try:
        (length,) = struct.unpack(">I", exact(4))
        if length > codec.MAX_FRAME:
            raise codec.CodecError("frame too large")
        return json.loads(exact(length))
    finally:
        try:
            sock.settimeout(None)
        except OSError:
            pass


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


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
    ):
        self.max_workers = max(1, max_workers)
        self.spare = max(0, min(spare, self.max_workers))
        self.compile_cache_dir = compile_cache_dir
        self.log_path = log_path
        self.max_jobs = max_jobs_per_worker
        self.start_timeout_s = start_timeout_s
        self.prefix = sandbox_prefix() if sandbox else []
        self.warm_jobs = warm_jobs
        # memory freed inside a worker is seldom returned to the OS: a worker that has grown
        # this large is retired, so the next job's memory limit measures that job alone
        self.retire_rss_mb = retire_rss_mb
        self._cv = threading.Condition()
        self._idle: list[WorkerProcess] = []
        self._busy: set[WorkerProcess] = set()
        self._starting = 0
        self._closed = False
        self.started_workers = 0
        self.failed_starts = 0
        # used workers wait for their integrity report here, off the request's thread, in threads
        # that are reused (at most one per worker; daemons, like the rest of the pool's threads)
        self._waiting: dict[
            object, Any
        ] = {}  # ticket -> owner of each check waiting for a worker, oldest first
        self._settle_q: queue.SimpleQueue[WorkerProcess] = queue.SimpleQueue()
        self._settle_threads = 0
        self._settle_idle = 0

    # ------------------------------------------------------------ lifecycle

    def prefill(self) -> None:
        """Start the spare workers in the background."""
        with self._cv:
            self._top_up_locked()

    def _total_locked(self) -> int:
        return len(self._idle) + len(self._busy) + self._starting

    def _top_up_locked(self) -> None:
        fresh = sum(1 for w in self._idle if w.owner is SYSTEM) + self._starting
        while not self._closed and fresh < self.spare and self._total_locked() < self.max_workers:
            self._spawn_locked()
            fresh += 1

    def _spawn_locked(self) -> None:
        self._starting += 1
        threading.Thread(target=self._spawn, daemon=True).start()

    def _spawn(self) -> None:
        w = WorkerProcess(self)
        try:
            w.start()
            for job in self.warm_jobs() if self.warm_jobs else []:
                if self._run_on(
                    w, job, time_limit_s=60, memory_limit_mb=4096
                ).status != "ok" or not self._settle(w):
                    raise RuntimeError("warm-up job failed")
        except Exception:
            w.kill()
            with self._cv:
                self._starting -= 1
                self.failed_starts += 1
                self._cv.notify_all()
            return
        with self._cv:
            self._starting -= 1
            self.started_workers += 1
            if self._closed:
                w.kill()
            else:
                self._idle.append(w)
            self._cv.notify_all()

    def close(self) -> None:
        with self._cv:
            self._closed = True
            workers = list(self._idle) + list(self._busy)
            self._idle.clear()
        for w in workers:
            w.kill()

    def stats(self) -> dict[str, Any]:
        with self._cv:
            return {
                "idle": len(self._idle),
                "busy": len(self._busy),
                "starting": self._starting,
                "started": self.started_workers,
                "failed_starts": self.failed_starts,
                "sandboxed": bool(self.prefix),
            }

    def worker_rss_mb(self) -> list[float]:
        with self._cv:
            workers = list(self._idle) + list(self._busy)
        return [w.rss_mb() for w in workers]

    # ------------------------------------------------------------ acquiring

    def _acquire(self, owner: Any, timeout_s: float) -> WorkerProcess:
        deadline = time.monotonic() + timeout_s
        ticket = object()
        with self._cv:
            self._waiting[ticket] = owner
            try:
                while True:
                    if self._closed:
                        raise RuntimeError("the worker pool is closed")
                    for gone in [w for w in self._idle if not w.usable()]:
                        # died while idle (OOM killer, an administrator): drop it, never hand it out
                        self._idle.remove(gone)
                        threading.Thread(target=gone.kill, daemon=True).start()
                        self._top_up_locked()
                    pick = next((w for w in reversed(self._idle) if w.owner == owner), None)
                    if pick is None:
                        pick = next((w for w in self._idle if w.owner is SYSTEM), None)
                    if pick is not None and not self._earlier_claim_locked(ticket, pick):
                        self._idle.remove(pick)
                        self._busy.add(pick)
                        self._top_up_locked()
                        return pick
                    if self._total_locked() < self.max_workers:
                        self._spawn_locked()
                    elif self._idle and self._starting == 0 and pick is None:
                        # every slot holds another user's used worker: retire the oldest for a fresh one
                        old = self._idle.pop(0)
                        threading.Thread(target=old.kill, daemon=True).start()
                        self._spawn_locked()
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise TimeoutError("no worker became free in time")
                    self._cv.wait(min(left, 1.0))
            finally:
                del self._waiting[ticket]
                self._cv.notify_all()  # a waiter queued behind this one may go now

    def _earlier_claim_locked(self, ticket: object, w: WorkerProcess) -> bool:
        """First come, first served: True if a check waiting since before `ticket` could take `w`.

        Without it, every release woke all waiting checks and a random one won, so under load
        some checks waited many rounds (p95 far above p50)."""
        for t, owner in self._waiting.items():
            if t is ticket:
                return False
            if w.owner is SYSTEM or w.owner == owner:
                return True
        return False

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
        owner: Any,
        time_limit_s: float,
        memory_limit_mb: float,
        queue_timeout_s: float = 120.0,
    ) -> Outcome:
        """Run one job for `owner` (a user key; None for trusted code) and return its Outcome."""
        w = self._acquire(owner, queue_timeout_s)
        if owner is not SYSTEM:
            w.owner = owner
        outcome = self._run_on(w, job, time_limit_s, memory_limit_mb)
        if outcome.status != "ok":
            self._release(w, reusable=False)
        else:
            self._settle_later(w)
        return outcome

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
            try:
                ok = self._settle(w)
            except Exception:
                ok = False
            self._release(w, ok)
            with self._cv:
                self._settle_idle += 1

    def _settle(self, w: WorkerProcess) -> bool:
        """After a job: wait for the worker's own integrity report; True if it may be reused."""
        try:
            assert w.sock is not None
            msg = _recv_frame_by(w.sock, time.monotonic() + 10)
        except (OSError, EOFError, codec.CodecError, ValueError):
            return False
        if not isinstance(msg, dict):
            return False
        if msg.get("op") != "idle" or not msg.get("clean"):
            return False
        return not _children(w.pid) and w.rss_mb() < self.retire_rss_mb

    def _run_on(
        self, w: WorkerProcess, job: dict[str, Any], time_limit_s: float, memory_limit_mb: float
    ) -> Outcome:
        assert w.sock is not None
        w.jobs += 1
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        captures = [OutputCapture(out_r), OutputCapture(err_r)]
        outcome = Outcome(status="ok")
        try:
            self._wait_for_result(
                w, job, outcome, captures, out_w, err_w, time_limit_s, memory_limit_mb
            )
            if outcome.status != "ok":
                if outcome.status == "died":
                    outcome.exit_description = w.exit_description()
                w.kill()
            # output ends when the worker lets go of the pipes; something still holding them is
            # a process the code left behind
            if not _drain(captures, 1.0):
                w.kill()
                _drain(captures, 2.0)
                if outcome.status == "ok":
                    outcome.status = "ok-leftover"
        finally:
            for c in captures:
                c.close()
        outcome.stdout, outcome.stderr = captures[0].text(), captures[1].text()
        outcome.stdout_truncated, outcome.stderr_truncated = (
            captures[0].truncated,
            captures[1].truncated,
        )
        if outcome.status == "ok-leftover":
            outcome.status = "ok"
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
    ) -> None:
        """Send the job, then read its frames (and drain its output) until the result, a limit or death."""
        assert w.sock is not None
        t0 = time.monotonic()
        try:
            codec.send_frame(w.sock, job, fds=[out_w, err_w])
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
        n_cases = len(job.get("cases") or []) if job.get("op") == "check" else 0
        while outcome.status == "ok":
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
            try:
                frame = _recv_frame_by(w.sock, max(deadline, time.monotonic() + 2.0))
            except EOFError:
                outcome.status = "died"
                break
            except (
                TimeoutError
            ):  # half a frame, or one dripped byte by byte: out of time all the same
                outcome.status = "timeout"
                break
            except (OSError, codec.CodecError, ValueError):
                outcome.status = "harness"
                break
            op = frame.get("op") if isinstance(frame, dict) else None
            if op == "start":
                outcome.running = frame
            elif op == "case":
                outcome.frames.append(frame)
                # the worker goes straight on to the next case: it sends "start" only for the first
                i = frame.get("i")
                if isinstance(i, int) and 0 <= i < n_cases - 1:
                    outcome.running = {"op": "start", "case": i + 1}
            elif op == "result":
                outcome.result = frame
                if frame.get("harness_error"):
                    outcome.status = "harness"
                break
            else:
                outcome.status = "harness"
                break
        outcome.duration_ms = (time.monotonic() - t0) * 1000.0
