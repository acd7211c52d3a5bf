"""Faults: workers killed from outside, the server restarted (and crashed), the progress
database locked or read-only, the expected-output cache corrupted.

Each fault must end in a clear answer (never a hang, a 500 or a silently lost attempt)
and the service must carry on. Faults that break the server's own state run on a
dedicated server (`fault_server`), restarted on the same data dir as the tests need.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from .conftest import (
    COUNTERS,
    EMA,
    EMA_OK,
    EMA_WRONG,
    JupyterServer,
    alive,
    attempts_in_db,
    pids_holding,
    problem_dir,
    unique_user,
    user_key,
    wait_for,
    wait_healthy,
)

FAULTS: list[str] = []  # what was injected and survived, for the summary


# ---------------------------------------------------------------- workers killed from outside


@pytest.mark.timeout(60)
def test_worker_sigkilled_mid_check_reports_a_clear_error_and_the_next_check_passes(
    server, user, tmp_path
):
    # a name in /tmp: the jail's private /tmp (or the host's), seen from here in /proc/*/fd
    flag = f"/tmp/jaxlings-running-{os.getpid()}-{os.urandom(4).hex()}"
    source = (
        "import time\n"
        "def ema_step(seed, params_arr, ema_arr, decay):\n"
        f"    fh = open({flag!r}, 'w')  # lets the test find this process\n"
        "    time.sleep(30)\n"
    )
    box: dict = {}
    t = threading.Thread(
        target=lambda: box.setdefault("r", server.check(EMA, source, user, timeout=45))
    )
    t.start()
    pids = wait_for(lambda: pids_holding(flag), 30.0)
    assert pids, "the check never started running"
    assert all(p in server.worker_pids() for p in pids), "the marker is held by something else"
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    t.join(30)
    r = box["r"]
    assert r.status == 200, r
    res = r.json()
    assert res["status"] == "error" and not res["passed"], res
    err = res["error"]
    assert err["type"] == "ProcessDied"
    assert "killed" in err["message"] and "during case 'worked example'" in err["message"], err
    assert res["saved"] and res["attempt"] == 1
    if os.path.exists(flag):  # an unjailed worker wrote it in the host's /tmp
        os.unlink(flag)
    FAULTS.append("worker SIGKILLed mid-check")
    assert wait_healthy(server, user)["attempt"] == 2


@pytest.mark.timeout(90)
def test_idle_workers_killed_from_outside_are_never_handed_out(server, user):
    """A worker that died while idle (the OOM killer, an administrator) is replaced, not used."""
    assert server.check_json(EMA, EMA_OK, user)["passed"]  # this user now owns a warm worker
    for round_ in range(2):
        idle = wait_for(
            lambda: server.worker_pids() if len(server.worker_pids()) >= 2 else [], 20.0
        )
        assert idle, "the pool never refilled"
        for pid in idle:
            os.kill(pid, signal.SIGKILL)
        wait_for(lambda idle=idle: not any(alive(p) for p in idle), 5.0)
        res = server.check_json(EMA, EMA_OK, user)
        assert res["passed"], (round_, res["status"], res["error"])
        FAULTS.append(f"{len(idle)} idle workers SIGKILLed")


# ---------------------------------------------------------------- a dedicated server for state faults


@pytest.fixture(scope="module")
def fault_server(tmp_path_factory, bank_dir):
    srv = JupyterServer(
        tmp_path_factory.mktemp("rel-fault-server"), bank=bank_dir, time_limit_s=10.0
    )
    srv.start()
    yield srv
    srv.stop()
    if os.geteuid() == 0:  # never leave an immutable file behind (pytest could not remove it)
        chattr("-i", srv.db_dir, *srv.db_dir.iterdir())
    left = srv.reap_workers()
    assert not left, f"workers outlived the fault server: {left}"


def restart(srv: JupyterServer, sig: int = signal.SIGTERM) -> None:
    srv.stop(sig)
    left = srv.reap_workers()
    assert not left, f"workers outlived the server ({signal.Signals(sig).name}): {left}"
    srv.start()


@pytest.mark.timeout(180)
def test_progress_survives_restarts_graceful_and_crash(fault_server):
    srv = fault_server
    rita = unique_user("rita")
    first = srv.check_json(EMA, EMA_WRONG, rita)
    assert first["status"] == "failed" and first["attempt"] == 1
    hint = srv.api("POST", f"problems/{EMA}/hints/next", user=rita)
    assert hint.status == 200, hint
    srv.check_json(
        COUNTERS, "def counter_after_n_calls(seed, n_calls):\n    return jnp.zeros(2)\n", rita
    )

    def state() -> tuple:
        ema, cnt = srv.detail(EMA, rita), srv.detail(COUNTERS, rita)
        prog = srv.api("GET", "progress", user=rita).json()
        return (
            ema["attempts"],
            ema["status"],
            ema["hints"]["unlocked"],
            cnt["attempts"],
            cnt["status"],
            prog["solved"],
            sorted((p["id"], p["attempts"]) for p in prog["problems"]),
        )

    before = state()
    assert before[0] == 1 and len(before[2]) == 1 and before[3] == 1

    restart(srv, signal.SIGKILL)  # a crash: no shutdown hooks, WAL not checkpointed
    FAULTS.append("server SIGKILLed and restarted")
    assert state() == before
    second = srv.check_json(EMA, EMA_OK, rita)
    assert second["passed"] and second["attempt"] == 2

    restart(srv, signal.SIGTERM)
    FAULTS.append("server stopped (SIGTERM) and restarted")
    after = state()
    assert after[0] == 2 and after[1] == "solved" and after[2] == before[2]
    assert srv.api("GET", f"problems/{EMA}/solution", user=rita).status == 200
    assert attempts_in_db(srv.db_path, user_key(rita)) == 3


# ---------------------------------------------------------------- the expected-output cache


def cache_file(srv: JupyterServer, problem: str) -> Path:
    files = sorted((srv.data_dir / "expected").glob(f"{problem}-*.json"))
    assert len(files) == 1, files
    return files[0]


@pytest.mark.timeout(180)
def test_a_corrupted_expected_output_cache_is_detected_and_rebuilt(fault_server, bank_dir):
    srv = fault_server
    user = unique_user("cache")
    starter = {p: (problem_dir(bank_dir, p) / "starter.py").read_text() for p in (EMA, COUNTERS)}
    solution = {p: (problem_dir(bank_dir, p) / "solution.py").read_text() for p in (EMA, COUNTERS)}
    for p in (EMA, COUNTERS):  # both caches exist
        assert srv.check_json(p, solution[p], user)["passed"]
    good = {p: cache_file(srv, p).read_bytes() for p in (EMA, COUNTERS)}

    srv.stop()
    # 1. EMA: truncated (a crash mid-write on a filesystem without atomic rename)
    cache_file(srv, EMA).write_bytes(good[EMA][: len(good[EMA]) // 2])
    # 2. counters: valid JSON, every expected value replaced by the starter's answer, checksum stale
    tampered = json.loads(good[COUNTERS])
    for case in tampered["payload"]["cases"]:
        if case.get("k") == "array":
            arr = np.frombuffer(base64.b64decode(case["data"]), dtype=case["dtype"]).copy()
            arr[...] = -1.0  # what the starter returns
            case["data"] = base64.b64encode(arr.tobytes()).decode()
    # ... with a fresh checksum: what an attacker who can write the file would do (a sha256 of
    # the payload proves nothing; the HMAC's key is not in the file and no worker sees it)
    body = json.dumps(tampered["payload"], sort_keys=True).encode()
    tampered["sha256"] = hashlib.sha256(body).hexdigest()
    tampered["hmac"] = hashlib.sha256(b"guessed key" + body).hexdigest()
    cache_file(srv, COUNTERS).write_text(json.dumps(tampered))
    mark = srv.log_mark()
    srv.start()
    FAULTS.append("expected-output cache truncated")
    FAULTS.append("expected-output cache values altered (checksum recomputed, HMAC forged)")

    # the starter must still fail and the solution still pass: the altered values were not used
    for p in (EMA, COUNTERS):
        assert not srv.check_json(p, starter[p], user)["passed"], p
        assert srv.check_json(p, solution[p], user)["passed"], p
    log = srv.log_since(mark)
    for p in (EMA, COUNTERS):
        assert f"expected-output cache {cache_file(srv, p)} is unusable" in log, log[-2000:]
        # rebuilt, byte for byte what it was, with a valid checksum
        rebuilt = cache_file(srv, p).read_bytes()
        assert rebuilt == good[p]
        d = json.loads(rebuilt)
        assert re.fullmatch(r"[0-9a-f]{64}", d["hmac"]) and "sha256" not in d
    assert "Traceback" not in log


# ---------------------------------------------------------------- the progress database


def unsaved(res: dict) -> None:
    assert res["saved"] is False and res["attempt"] is None, res
    assert res["save_error"] and "not" in res["save_error"] and "saved" in res["save_error"], res


@pytest.mark.timeout(120)
def test_a_locked_progress_database_still_answers_and_says_the_attempt_was_not_saved(fault_server):
    srv = fault_server
    user = unique_user("locked")
    assert srv.check_json(EMA, EMA_WRONG, user)["attempt"] == 1
    locker = sqlite3.connect(str(srv.db_path), timeout=1, isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        t0 = time.monotonic()
        failed = srv.check_json(EMA, EMA_WRONG, user)
        passed = srv.check_json(EMA, EMA_OK, user)
        took = time.monotonic() - t0
        # reads still work while writes are locked out
        detail = srv.detail(EMA, user)
        hint = srv.api("POST", f"problems/{EMA}/hints/next", user=user)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    FAULTS.append("progress database write-locked by another process")
    assert failed["status"] == "failed" and not failed["passed"]
    assert passed["status"] == "passed" and passed["passed"]
    unsaved(failed)
    unsaved(passed)
    assert took < 20, f"two checks against a locked database took {took:.1f} s"
    assert detail["attempts"] == 1
    assert hint.status in (200, 503), hint  # a hint reveal is a write too: refused honestly if so
    if hint.status == 503:
        assert "could not be recorded" in hint.json()["message"]
    # the lock is gone: attempts count again, and the unsaved ones were not counted
    again = srv.check_json(EMA, EMA_OK, user)
    assert again["saved"] and again["attempt"] == 2
    assert attempts_in_db(srv.db_path, user_key(user), EMA) == 2
    assert (
        "the attempt could not be saved: database is locked" in srv.log_text()
    )  # the operator is told


def chattr(flag: str, *paths: Path) -> bool:
    try:
        return (
            subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True).returncode == 0
        )
    except OSError:
        return False


@pytest.mark.timeout(120)
def test_a_read_only_progress_database_still_answers_and_says_the_attempt_was_not_saved(
    fault_server,
):
    srv = fault_server
    user = unique_user("readonly")
    assert srv.check_json(EMA, EMA_WRONG, user)["attempt"] == 1
    # read-only for root too: the immutable flag on the database, its WAL and its folder
    # (not on -shm, which SQLite has mapped: that would SIGBUS the server, not test it)
    targets = [p for p in (srv.db_path, Path(f"{srv.db_path}-wal")) if p.exists()] + [srv.db_dir]
    if os.geteuid() == 0:
        if not chattr("+i", *targets):
            pytest.skip(
                "chattr +i is not supported on this filesystem, and root ignores file modes"
            )
    else:
        for p in targets:
            p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        res = srv.check_json(EMA, EMA_OK, user)
        res2 = srv.check_json(EMA, EMA_WRONG, user)
        listing = srv.api("GET", "problems", user=user)
        # many requests at once: new server threads open their connections now, read-only
        with ThreadPoolExecutor(16) as ex:
            reads = list(ex.map(lambda _: srv.api("GET", "progress", user=user), range(16)))
    finally:
        if os.geteuid() == 0:
            chattr("-i", *targets)
        else:
            for p in targets:
                p.chmod(0o755 if p.is_dir() else 0o644)
    FAULTS.append("progress database made read-only")
    assert res["passed"] and res["status"] == "passed"
    assert res2["status"] == "failed"
    unsaved(res)
    unsaved(res2)
    assert listing.status == 200 and all(r.status == 200 for r in reads)
    # writable again: the store recovers without a restart, in every server thread (a
    # connection opened during the read-only spell must not stay read-only)
    with ThreadPoolExecutor(16) as ex:
        again = list(ex.map(lambda _: check_accepted(srv, EMA_WRONG, user), range(16)))
    unsaved_after = [r for r in again if not r["saved"]]
    assert not unsaved_after, (
        f"{len(unsaved_after)} of 16 checks after the fault were not saved: "
        f"{unsaved_after[0]['save_error']}"
    )
    assert sorted(r["attempt"] for r in again) == list(range(2, 18))
    assert attempts_in_db(srv.db_path, user_key(user), EMA) == 17  # nothing unsaved was counted


def check_accepted(srv: JupyterServer, code: str, user: str) -> dict:
    """A Check, pressed again while the server says this user has too many running (429)."""
    while True:
        r = srv.check(EMA, code, user)
        if r.status != 429:
            assert r.status == 200, r
            return r.json()
        time.sleep(0.2)


def test_fault_server_logged_no_tracebacks(fault_server):
    """Faults are reported as sentences in the log for the operator, never as tracebacks or 500s."""
    text = fault_server.log_text()
    assert "Traceback" not in text and " 500 " not in text, text[-3000:]
