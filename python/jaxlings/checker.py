"""Checker: runs a submission through the pool and turns the outcome into a CheckResult.

Expected outputs come from the reference solution run through the very same worker path (in
workers never handed to learners), cached on disk per problem content hash (which includes the
JAX/Flax versions) where no worker can see it, each file authenticated with an HMAC whose key
no worker sees. The verdict is decided here, in the server process, from plain data.
"""

from __future__ import annotations

import ast
import hmac
import json
import logging
import os
import re
import stat
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, cast

import numpy as np

from .api import ArrayDiff, CaseResult, CheckError, CheckReport, Verdict
from .bank import Problem
from .context import EarlierCell, context_jobs, missing_name_note
from .harness import codec
from .harness.compare import array_diff, compare, preview
from .harness.pool import REFERENCE, Outcome, Owner, WorkerPool

log = logging.getLogger("jaxlings")

MAX_CODE_BYTES = 256 * 1024
MAX_CACHE_BYTES = 64 * 1024 * 1024  # an expected-output cache file larger than this is refused
CACHE_READ_S = 5.0  # and one that takes longer than this to read
MAX_DIFFS = 3  # failed cases per Check that carry an ArrayDiff (each up to 64 x 64 values a side)
HIDDEN_MESSAGE = (
    "This hidden case failed; its inputs are not shown. Re-read the edge cases the statement names."
)
# the codec's sentence for a returned object it cannot send, e.g. "a flax.nnx.variablelib.Param
# object is not an array, number, tuple, list or dict"
_NOT_A_VALUE = re.compile(r"\ba ([\w.]*?)(\w+) object is not an array")


def hidden_message(case: Any) -> str:
    """What a failed hidden case says: the property it tests, when cases.py names it."""
    probes = getattr(case, "probes", None)
    if not probes:
        return HIDDEN_MESSAGE
    return (
        f"This hidden case failed; it tests {probes}. Its inputs are not shown: "
        "re-read what the statement says about that."
    )


def explain_result_error(message: str) -> str:
    """The worker's sentence for an unreadable return value, turned towards the usual cause."""
    m = _NOT_A_VALUE.search(message or "")
    if m and ("nnx" in m.group(1) or "variablelib" in m.group(1)):
        return (
            f"Your function returned an nnx.{m.group(2)} (the Variable itself) instead of the "
            "array inside it; read its value with `v[...]` (or `v.get_value()`)."
        )
    return message


class ProblemError(RuntimeError):
    """The problem itself is broken (its reference fails): not the learner's fault."""


@dataclass
class Expected:
    values: list[Any]  # decoded expected value per case
    checks: dict[str, tuple[str, Any]]  # structural check name -> (doc, decoded value)
    previews: Optional[list[str]] = None  # preview() of each expected value, made once
    check_previews: Optional[dict[str, str]] = None  # structural check name -> preview()

    def preview(self, index: int) -> str:
        if self.previews is None:
            self.previews = [preview(v) for v in self.values]
        return self.previews[index]

    def check_preview(self, name: str) -> str:
        if self.check_previews is None:
            self.check_previews = {n: preview(v) for n, (_doc, v) in self.checks.items()}
        return self.check_previews[name]


# a problem's inputs, encoded for the wire, and their previews: the same for every check
# A job or a frame on the wire to and from a worker: JSON-shaped, checked where it is read.
Frame = dict[str, Any]
ProblemKey = tuple[str, str]  # (id, content hash)

_ENCODED: dict[ProblemKey, list[list[Any]]] = {}
_INPUT_PREVIEWS: dict[ProblemKey, list[str]] = {}


def _encoded_cases(problem: Problem) -> list[list[Any]]:
    key = (problem.id, problem.content_hash)
    cases = _ENCODED.get(key)
    if cases is None:
        cases = _ENCODED[key] = [
            [codec.encode(v) for v in c.inputs.values()] for c in problem.cases
        ]
    return cases


def case_order(problem: Problem) -> list[int]:
    """The order cases run in: visible ones first, so that output can stop at the hidden ones."""
    return [i for i, c in enumerate(problem.cases) if not c.hidden] + [
        i for i, c in enumerate(problem.cases) if c.hidden
    ]


def check_job(problem: Problem, source: str, context: Optional[list[EarlierCell]] = None) -> Frame:
    """The job for a worker: cases in case_order(); what runs from `silent_from` on (hidden cases,
    structural checks) prints nothing the learner sees; `context` cells' definitions run first."""
    order = case_order(problem)
    encoded = _encoded_cases(problem)
    return {
        "op": "check",
        "context": context_jobs(context or []),
        "source": source,
        "function": problem.function,
        "cases": [encoded[i] for i in order],
        "silent_from": sum(not c.hidden for c in problem.cases),
        "checks_source": problem.checks_source,
    }


# Workers that ran the reference on the real cases held expected outputs (freed memory keeps
# them): their owner is REFERENCE (harness.pool), and the pool never hands them to a learner.

_STAND_INS: dict[ProblemKey, list[list[Any]]] = {}


def _stand_in(value: Any) -> Any:
    """The same shape and dtype with other values: arrays zeroed, numbers plus one."""
    if isinstance(value, np.ndarray):
        return np.zeros_like(value)
    if isinstance(value, (bool, np.bool_)):
        return value
    if isinstance(value, (int, float, np.number)):
        return value + 1
    if isinstance(value, (list, tuple)):
        return type(value)(_stand_in(v) for v in value)
    if isinstance(value, dict):
        return {k: _stand_in(v) for k, v in value.items()}
    return value


def warm_job(problem: Problem) -> Frame:
    """The reference on stand-in inputs: compiles the same ops, computes no expected output."""
    key = (problem.id, problem.content_hash)
    cases = _STAND_INS.get(key)
    if cases is None:
        cases = _STAND_INS[key] = [
            [codec.encode(_stand_in(v)) for v in c.inputs.values()] for c in problem.cases
        ]
    return {
        **check_job(problem, problem.solution),
        "cases": [cases[i] for i in case_order(problem)],
        "tag": problem.id,  # for the pool: the worker is warm for this problem (not sent)
    }


class RecentProblems:
    """The problems checked last, whose ops a fresh worker compiles before it is handed out.

    Made before the pool and the checker, since the pool asks it for warm-up jobs and the
    checker tells it what was checked."""

    def __init__(self, keep: int = 3):
        self.keep = keep
        self._problems: list[Problem] = []
        self._lock = threading.Lock()

    def add(self, problem: Problem) -> None:
        with self._lock:
            others = [p for p in self._problems if p.id != problem.id]
            self._problems = [problem, *others][: self.keep]

    def problems(self) -> list[Problem]:
        with self._lock:
            return list(self._problems)

    def warm_jobs(self) -> list[Frame]:
        """Reference runs of recently checked problems on stand-in inputs, so a fresh worker has
        their ops compiled but has never held an expected output."""
        return [warm_job(p) for p in self.problems()]


class Checker:
    def __init__(
        self,
        pool: WorkerPool,
        cache_dir: Path,
        time_limit_override: Optional[float] = None,
        recent: Optional[RecentProblems] = None,
    ):
        self.pool = pool
        self.cache_dir = Path(cache_dir)
        self.time_limit_override = time_limit_override
        self._memo: dict[str, Expected] = {}
        self._hmac_key: Optional[bytes] = None
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self.recent = recent or RecentProblems()

    def time_limit(self, problem: Problem) -> float:
        return self.time_limit_override or problem.time_limit_s

    # ------------------------------------------------------------ expected outputs

    def _cache_path(self, problem: Problem) -> Path:
        return self.cache_dir / f"{problem.id}-{problem.content_hash}.json"

    def expected(self, problem: Problem) -> Expected:
        """The expected outputs: from memory, else the disk cache, else a reference run."""
        key = f"{problem.id}-{problem.content_hash}"
        if key in self._memo:
            return self._memo[key]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._memo:
                payload = self._read_cache(problem)
                if payload is None:
                    payload = self._compute(problem)
                    self._write_cache(problem, payload)
                self._memo[key] = _decoded(payload)
        return self._memo[key]

    def recompute_expected(
        self, problem: Problem, owner: Owner = REFERENCE, time_limit_s: Optional[float] = None
    ) -> Expected:
        """Run the reference afresh and replace the cached expected outputs with its own: what
        `jaxlings validate` proves a problem against, whatever a cache held before. `validate`
        passes SYSTEM: it runs trusted code only, so its reference runs share its workers."""
        key = f"{problem.id}-{problem.content_hash}"
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            payload = self._compute(problem, owner, time_limit_s)
            self._write_cache(problem, payload)
            self._memo[key] = _decoded(payload)
        return self._memo[key]

    def prepare(self, problem: Problem) -> None:
        """Compute the expected outputs in the background, if they aren't ready yet."""
        if f"{problem.id}-{problem.content_hash}" in self._memo:
            return

        def work() -> None:
            try:
                self.expected(problem)
            except Exception as exc:  # reported again, to the learner, when they check
                log.warning("jaxlings: preparing %s failed: %s", problem.id, exc)

        threading.Thread(target=work, daemon=True).start()

    def _key(self) -> bytes:
        """The HMAC key of the expected-output cache: made once, readable by the server alone,
        and never inside a worker's jail (the data dir is not mounted there)."""
        if self._hmac_key is None:
            path = self.cache_dir / "cache.key"
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(os.urandom(32))
            except FileExistsError:
                pass
            key = read_regular(path, 4096, CACHE_READ_S)
            if key is None or len(key) < 32:
                raise OSError(f"{path} is not a usable cache key")
            self._hmac_key = key
        return self._hmac_key

    def sign(self, problem: Problem, body: bytes, purpose: bytes = b"") -> str:
        """The HMAC of a cache file's body for this exact problem content; `purpose` keeps one
        kind of cache file (b"pitfalls") from passing for another."""
        message = problem.content_hash.encode() + b"\0" + purpose + body
        return hmac.new(self._key(), message, "sha256").hexdigest()

    def _read_cache(self, problem: Problem) -> Optional[Frame]:
        path = self._cache_path(problem)
        try:
            raw = read_regular(path, MAX_CACHE_BYTES, CACHE_READ_S)
            if raw is None:
                return None
            doc = codec.loads_bounded(raw)
            body = json.dumps(doc["payload"], sort_keys=True).encode()
            if not hmac.compare_digest(self.sign(problem, body), str(doc["hmac"])):
                raise ValueError("its HMAC does not match: it was not written by this server")
            payload: Frame = doc["payload"]
            if len(payload["cases"]) != len(problem.cases):
                raise ValueError("case count changed")
            for v in payload["cases"]:
                codec.decode(v)
            return payload
        except Exception as exc:  # corrupted, forged, a FIFO, too large or stale: rebuild it
            log.warning(
                "jaxlings: expected-output cache %s is unusable (%s); rebuilding", path, exc
            )
            return None

    def _write_cache(self, problem: Problem, payload: Frame) -> None:
        path = self._cache_path(problem)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            body = json.dumps(payload, sort_keys=True).encode()
            doc = {"problem": problem.id, "hmac": self.sign(problem, body), "payload": payload}
            tmp = path.with_suffix(f".tmp{os.getpid()}-{threading.get_ident()}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(json.dumps(doc))
            os.replace(tmp, path)
            for old in path.parent.glob(f"{problem.id}-*.json"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("jaxlings: could not write %s: %s", path, exc)

    def has_cached_expected(self, problem: Problem) -> bool:
        """True when valid expected outputs for this exact content are in memory or on disk."""
        key = f"{problem.id}-{problem.content_hash}"
        return key in self._memo or self._read_cache(problem) is not None

    def _compute(
        self, problem: Problem, owner: Owner = REFERENCE, time_limit_s: Optional[float] = None
    ) -> Frame:
        outcome = self.pool.run(
            check_job(problem, problem.solution),
            owner,
            time_limit_s=time_limit_s or max(60.0, self.time_limit(problem) * 3),
            memory_limit_mb=problem.memory_limit_mb,
        )
        where = f"problem {problem.id}: the reference solution"
        if outcome.status != "ok" or outcome.result is None:
            raise ProblemError(
                f"{where} did not finish ({outcome.status}, peak {outcome.peak_rss_mb:.0f} MiB, "
                f"{outcome.duration_ms:.0f} ms) {outcome.exit_description}"
                f"\n{outcome.stderr[-2000:]}"
            )
        res = outcome.result
        if res.get("cell_error") or res.get("missing"):
            raise ProblemError(
                f"{where} fails to load: {res.get('cell_error') or res.get('missing')}"
            )
        if len(outcome.frames) != len(problem.cases):
            raise ProblemError(
                f"{where} returned {len(outcome.frames)} results for {len(problem.cases)} cases"
            )
        values: list[Any] = [None] * len(problem.cases)
        for frame in outcome.frames:
            i = case_order(problem)[frame["i"]]
            if not frame.get("ok"):
                raise ProblemError(
                    f"{where} raises on case {problem.cases[i].name!r}: {frame['error']['message']}"
                )
            values[i] = frame["value"]
        checks = []
        for c in res.get("checks", []):
            if not c.get("ok"):
                raise ProblemError(
                    f"problem {problem.id}: structural check {c['name']} fails on the "
                    f"reference: {c['error']['message']}"
                )
            checks.append([c["name"], c["doc"], c["value"]])
        return {"cases": values, "checks": checks}

    # ------------------------------------------------------------ checking a submission

    def check(
        self,
        problem: Problem,
        source: str,
        owner: Any,
        time_limit_s: Optional[float] = None,
        context: Optional[list[EarlierCell]] = None,
    ) -> CheckReport:
        """Run `source` (after the definitions of the `context` cells) against `problem` for
        `owner` and decide the verdict."""
        expected = self.expected(problem)
        limit = time_limit_s or self.time_limit(problem)
        t0 = time.monotonic()
        outcome = self.pool.run(
            check_job(problem, source, context),
            owner,
            time_limit_s=limit,
            memory_limit_mb=problem.memory_limit_mb,
            tag=problem.id,
        )
        if outcome.status == "cancelled":
            raise Cancelled(problem.id)
        self.recent.add(problem)
        # the learner waited for a worker too: the duration is the whole check's
        report = build_result(problem, expected, outcome, limit, (time.monotonic() - t0) * 1000.0)
        error = report["error"]
        note = missing_name_note(error["message"], context or []) if error else None
        if error and note:
            old = error["message"]
            error["message"] = f"{old} {note}"
            for row in report["cases"]:
                if row["message"] and old in row["message"]:
                    row["message"] = row["message"].replace(old, error["message"])
        return report


class Cancelled(Exception):
    """The learner stopped the Check (WorkerPool.cancel) before it finished."""


def is_starter(code: str, starter: str) -> bool:
    """Whether `code` is the problem's starter, up to comments, blank lines and formatting."""
    try:
        return ast.dump(ast.parse(code)) == ast.dump(ast.parse(starter))
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False


def _decoded(payload: Frame) -> Expected:
    return Expected(
        values=[codec.decode(v) for v in payload["cases"]],
        checks={name: (doc, codec.decode(v)) for name, doc, v in payload["checks"]},
    )


def read_regular(path: Path, max_bytes: int, timeout_s: float) -> Optional[bytes]:
    """A regular file's bytes, or None if it is missing; refuses (OSError) symlinks, FIFOs,
    devices, files over max_bytes, and reads that take longer than timeout_s."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"{path} is not a regular file")
        if st.st_size > max_bytes:
            raise OSError(f"{path} is larger than {max_bytes:,} bytes")
        deadline = time.monotonic() + timeout_s
        chunks: list[bytes] = []
        total = 0
        while True:
            if time.monotonic() > deadline:
                raise OSError(f"reading {path} took longer than {timeout_s:g} s")
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > max_bytes:
                raise OSError(f"{path} is larger than {max_bytes:,} bytes")
            chunks.append(chunk)
    finally:
        os.close(fd)


def _inputs_preview(problem: Problem, index: int) -> str:
    key = (problem.id, problem.content_hash)
    previews = _INPUT_PREVIEWS.get(key)
    if previews is None:
        previews = _INPUT_PREVIEWS[key] = [
            ", ".join(f"{k}={preview(v, 80)}" for k, v in c.inputs.items()) for c in problem.cases
        ]
    return previews[index]


def _identical(a: Any, b: Any) -> bool:
    """True when two decoded values are the same bits in the same types, so that compare() finds
    no difference and preview() renders them alike (the usual case for a passing check)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return (
            a.dtype == b.dtype
            and a.shape == b.shape
            and getattr(a, "source_dtype", None) == getattr(b, "source_dtype", None)
            and a.tobytes() == b.tobytes()
        )
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return [(type(k), repr(k)) for k in a] == [(type(k), repr(k)) for k in b] and all(
            _identical(a[k], b[k]) for k in a
        )
    return a is None or (type(a) in (bool, int, float, complex, str) and repr(a) == repr(b))


def _error(
    type_: str, message: str, line: Optional[int] = None, tb: Optional[str] = None
) -> CheckError:
    return {"type": type_, "message": message, "line": line, "traceback": tb}


def build_result(
    problem: Problem,
    expected: Expected,
    outcome: Outcome,
    time_limit_s: float,
    duration_ms: Optional[float] = None,
) -> CheckReport:
    """The verdict on an outcome; `duration_ms` is the whole check's (the worker's run's when
    not given)."""
    cases: list[CaseResult] = []
    error: Optional[CheckError] = None
    status: Verdict = "failed"
    order = case_order(problem)
    diffs = 0
    by_index = {
        order[f["i"]]: f
        for f in outcome.frames
        if isinstance(f.get("i"), int) and 0 <= f["i"] < len(order)
    }
    running = outcome.running or {}
    running_name = None
    if isinstance(running.get("case"), int) and 0 <= running["case"] < len(problem.cases):
        running_name = problem.cases[order[running["case"]]].name
    elif running.get("after"):
        running_name = "after your function returned (a __del__, a thread or a callback)"
    elif isinstance(running.get("check"), str):
        running_name = f"structural check {running['check']}"
    during = (
        f" (during case {running_name!r})"
        if running_name and "case" in running
        else (f" ({running_name})" if running.get("after") else "")
        or (f" (during {running_name})" if running_name else "")
    )
    res = outcome.result or {}

    if outcome.status == "timeout":
        status = "timeout"
        finished = sum(1 for f in outcome.frames if isinstance(f.get("i"), int) and f.get("ok"))
        progress = (
            f" {finished} of {len(problem.cases)} cases had finished, so it may well be "
            "correct but too slow rather than endless:"
            if finished
            else " It may be correct but too slow rather than endless:"
        )
        error = _error(
            "Timeout",
            f"Your code was still running after {time_limit_s:g} s{during}.{progress} look for "
            "work that is compiled again on every call (a jit inside a loop, shapes or Python "
            "values that change each call), a Python loop over many elements, or a loop that "
            "never ends.",
        )
    elif outcome.status == "memory":
        status = "memory"
        error = _error(
            "MemoryLimit",
            f"Your code used more than {problem.memory_limit_mb:g} MiB of "
            f"memory{during}; look for an array far larger than the inputs.",
        )
    elif outcome.status == "died":
        status = "error"
        error = _error(
            "ProcessDied",
            f"{outcome.exit_description[:1].upper()}{outcome.exit_description[1:]}{during}.",
        )
    elif outcome.status == "tampered":
        status = "error"
        error = _error(
            "HarnessAltered",
            f"Your code changed the checker's own code or state ({outcome.tampered}), so this "
            "Check cannot be trusted and does not count; a Check passes only on what your "
            "function computes.",
        )
    elif outcome.status == "too_large":
        status = "error"
        error = _error(
            "ResultTooLarge",
            "Your code's results are too large to compare (the checker reads at most a few MiB "
            "per Check); return arrays the size the statement asks for.",
        )
    elif outcome.status == "harness":
        status = "error"
        error = _error(
            "CheckFailed",
            "The check could not read what your code returned; "
            "return arrays, numbers, tuples, lists or dicts.",
        )
    elif res.get("cell_error"):
        status = "error"
        e = res["cell_error"]
        error = _error(e["type"], e["message"], e.get("line"), e.get("traceback"))
    elif res.get("missing"):
        status = "error"
        m = res["missing"]
        if m.get("not_callable"):
            sentence = f"`{m['function']}` in your cell is not a function."
        elif m.get("close"):
            sentence = f"No function named `{m['function']}` in your cell; did you mean to rename `{m['close'][0]}`?"
        elif m.get("defined"):
            sentence = (
                f"No function named `{m['function']}` in your cell; it defines "
                + ", ".join(f"`{n}`" for n in m["defined"][:6])
                + "."
            )
        else:
            sentence = f"No function named `{m['function']}` in your cell; it defines nothing."
        error = _error("MissingFunction", sentence)

    for i, case in enumerate(problem.cases):
        frame = by_index.get(i)
        visible = not case.hidden
        row: CaseResult = {
            "name": case.name,
            "passed": False,
            "hidden": case.hidden,
            "kind": "case",
            "inputs_preview": _inputs_preview(problem, i) if visible else None,
            "expected_preview": expected.preview(i) if visible else None,
            "actual_preview": None,
            "message": None,
            "stdout": (outcome.case_stdout.get(order.index(i)) or None) if visible else None,
            "diff": None,
        }
        if frame is None:
            row["message"] = "Not run: " + (
                error["message"] if error else "the check stopped early."
            )
            if case.hidden:
                row["message"] = "Not run."
        elif frame.get("ok"):
            same = False
            try:
                actual = codec.decode(frame.get("value"))
                same = _identical(expected.values[i], actual)
                msg = (
                    None
                    if same
                    else compare(
                        expected.values[i],
                        actual,
                        problem.rtol,
                        problem.atol,
                        names=problem.outputs or None,
                    )
                )
            except codec.CodecError as exc:
                actual, msg = None, f"the returned value could not be read ({exc})"
            row["passed"] = msg is None
            if visible:
                row["actual_preview"] = (
                    expected.preview(i)
                    if same
                    else (preview(actual) if actual is not None else None)
                )
                row["message"] = msg[:1].upper() + msg[1:] + "." if msg else None
                if msg and actual is not None and diffs < MAX_DIFFS:
                    row["diff"] = cast(
                        Optional[ArrayDiff],
                        array_diff(
                            expected.values[i],
                            actual,
                            problem.rtol,
                            problem.atol,
                            names=problem.outputs or None,
                        ),
                    )
                    diffs += row["diff"] is not None
            elif msg:
                row["message"] = hidden_message(case)
        else:
            e = dict(frame.get("error") or {})
            if e.get("type") == "ResultTypeError":
                e["message"] = explain_result_error(e.get("message", ""))
            row["message"] = (
                (e.get("message") or "The case raised an error.")
                if visible
                else hidden_message(case)
            )
            if error is None and visible:
                error = _error(
                    e.get("type", "Error"), e.get("message", ""), e.get("line"), e.get("traceback")
                )
        cases.append(row)

    for _name, _doc, row in _structural(expected, res):
        cases.append(row)

    if outcome.status == "tampered":
        for row in cases:
            if row["passed"]:
                row["passed"] = False
                row["message"] = "Not counted: your code changed the checker's own code."
    all_passed = (
        outcome.status == "ok"
        and not res.get("cell_error")
        and not res.get("missing")
        and cases
        and all(c["passed"] for c in cases)
    )
    if all_passed:
        status = "passed"
    elif (
        status == "failed"
        and cases
        and not any(c["passed"] for c in cases if c["kind"] == "case")
        and all(by_index.get(i, {}).get("ok") is False for i in range(len(problem.cases)))
    ):
        status = "error"  # every case raised: the code does not run, rather than computes wrong
    return {
        "problem": problem.id,
        "passed": bool(all_passed),
        "status": status,
        "cases": cases,
        "error": error,
        "stdout": outcome.stdout,
        "stderr": outcome.stderr,
        "stdout_truncated": outcome.stdout_truncated,
        "stderr_truncated": outcome.stderr_truncated,
        "duration_ms": round(outcome.duration_ms if duration_ms is None else duration_ms, 1),
        "pitfall": None,  # named by the service (pitfalls.py), which knows the listed pitfalls
        "ran": outcome.status != "tampered"
        and (bool(by_index) or isinstance(running.get("case"), int)),
    }


def _structural(expected: Expected, res: Frame) -> Iterator[tuple[str, str, CaseResult]]:
    """One CaseResult per structural check of the problem, in the reference's order."""
    got = {c.get("name"): c for c in res.get("checks", []) if isinstance(c, dict)}
    ran = bool(res) and not res.get("cell_error") and not res.get("missing")
    for name, (doc, exp) in expected.checks.items():
        row: CaseResult = {
            "name": doc,
            "passed": False,
            "hidden": False,
            "kind": "structure",
            "inputs_preview": None,
            "expected_preview": expected.check_preview(name),
            "actual_preview": None,
            "message": None,
            "stdout": None,
            "diff": None,
        }
        c = got.get(name)
        if not ran or c is None:
            row["message"] = "Not run."
        elif not c.get("ok"):
            row["message"] = (
                f"This check could not run on your code: {(c.get('error') or {}).get('message', '')}"
            )
        else:
            same = False
            try:
                actual = codec.decode(c.get("value"))
                same = _identical(exp, actual)
                msg = None if same else compare(exp, actual, 0.0, 0.0)
            except codec.CodecError as exc:
                actual, msg = None, f"unreadable value ({exc})"
            row["passed"] = msg is None
            row["actual_preview"] = (
                row["expected_preview"]
                if same
                else (preview(actual) if actual is not None else None)
            )
            if msg:
                mine, theirs = _differing(exp, actual)
                row["message"] = f"Yours gives {mine}; the reference gives {theirs}."
        yield name, doc, row


def _differing(expected: Any, actual: Any) -> tuple[str, str]:
    """Previews of a structural check's two values; of a dict, only the entries that differ."""
    if isinstance(expected, dict) and isinstance(actual, dict) and set(expected) == set(actual):
        keys = [k for k in expected if compare(expected[k], actual[k], 0.0, 0.0) is not None]
        if keys and len(keys) < len(expected):
            expected = {k: expected[k] for k in keys}
            actual = {k: actual[k] for k in keys}
    return preview(actual), preview(expected)
