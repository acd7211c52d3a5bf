"""The classroom service (`jaxlings service`) behind a real JupyterHub, on SQLite and PostgreSQL.

The hub authenticates every call (HubOAuth): learners' tokens carry the scope
access:services!service=jaxlings, instructors are members of the hub group jaxlings-instructors.
Two service processes (replicas) share one database; requests alternate between them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Optional

import pytest
import requests

from tests.classroom.hub import Hub, free_port, service_env

EMA = "nnx-ema-step"
GOOD = "def ema_step(seed, params_arr, ema_arr, decay):\n    return decay * ema_arr + (1.0 - decay) * params_arr\n"
WRONG = "def ema_step(seed, params_arr, ema_arr, decay):\n    return (1.0 - decay) * ema_arr + decay * params_arr\n"
CHECKS_PER_MINUTE = 5
PREFIX = "/services/jaxlings/"


class Replica:
    """One `jaxlings service` process on its own port."""

    def __init__(self, hub: Hub, root: Path, db: str, bank: Path, port: Optional[int] = None):
        self.hub, self.root, self.db, self.bank = hub, root, db, bank
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: Optional[subprocess.Popen] = None
        self.log_path = root / f"service-{self.port}.log"

    def start(self, timeout: float = 120.0) -> Replica:
        cmd = [
            sys.executable,
            "-m",
            "jaxlings.cli",
            "service",
            "--db",
            self.db,
            "--data-dir",
            str(self.root / "data"),
            "--problems",
            str(self.bank),
            "--url",
            self.url,
            "--workers",
            "2",
            "--spare",
            "1",
            "--time-limit",
            "120",
            "--checks-per-minute",
            str(CHECKS_PER_MINUTE),
        ]  # fmt: skip  (a generous time limit: load must not fail a Check)
        self.proc = subprocess.Popen(
            cmd,
            env=service_env(self.hub, self.url),
            stdout=open(self.log_path, "ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            assert self.proc.poll() is None, self.log()
            try:
                if requests.get(self.url + PREFIX + "health", timeout=2).ok:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"the service did not start: {self.log()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def api(self, method: str, path: str, token: Optional[str], **kw) -> requests.Response:
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"token {token}"
        return requests.request(
            method, self.url + PREFIX + "api/" + path, headers=headers, timeout=120, **kw
        )


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    root = tmp_path_factory.mktemp("hub")
    port = free_port()  # the first replica's: the hub's proxy routes /services/jaxlings/ there
    h = Hub(root, service={"url": f"http://127.0.0.1:{port}", "oauth_no_confirm": True})
    h.first_port = port
    h.start()
    for name in ("ann", "bob", "cat", "dan", "eve"):
        h.add_user(name)
    h.add_user("teacher", instructor=True)
    yield h
    h.stop()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def replicas(request, hub, tmp_path_factory, small_bank_dir):
    root = tmp_path_factory.mktemp(f"svc-{request.param}")
    if request.param == "sqlite":
        db = str(root / "progress.sqlite")
    else:
        db = request.getfixturevalue("postgres").create_database(f"c{uuid.uuid4().hex[:10]}")
    pair = [
        Replica(hub, root, db, small_bank_dir, port=hub.first_port),
        Replica(hub, root, db, small_bank_dir),
    ]
    for r in pair:
        r.start()
    yield pair
    for r in pair:
        r.stop()
    for r in pair:
        assert "Traceback" not in r.log_path.read_text(errors="replace"), r.log()


@pytest.fixture(scope="module")
def tokens(hub):
    return {name: hub.token(name) for name in ("ann", "bob", "cat", "dan", "eve", "teacher")}


def ok(resp: requests.Response) -> dict:
    assert resp.status_code == 200, (resp.status_code, resp.text)
    return resp.json()


def check(replica: Replica, token: str, code: str, **kw) -> requests.Response:
    return replica.api("POST", f"problems/{EMA}/check", token, json={"code": code}, **kw)


def test_each_learner_sees_only_their_own_progress(replicas, tokens):
    a, b = replicas
    assert ok(check(a, tokens["ann"], WRONG))["attempt"] == 1
    solved = ok(check(b, tokens["ann"], GOOD))
    assert solved["passed"] and solved["attempt"] == 2
    assert ok(check(a, tokens["bob"], WRONG))["attempt"] == 1
    ann = ok(a.api("GET", "progress", tokens["ann"]))
    bob = ok(b.api("GET", "progress", tokens["bob"]))
    assert ann["user"] == "hub:ann" and bob["user"] == "hub:bob"
    assert ann["solved"] == 1 and bob["solved"] == 0
    rows = {r["id"]: r for r in ok(b.api("GET", "problems", tokens["bob"]))}
    assert (rows[EMA]["status"], rows[EMA]["attempts"]) == ("attempted", 1)
    # gating follows each learner: ann solved it, bob has one failed attempt
    assert ok(b.api("GET", f"problems/{EMA}/solution", tokens["ann"]))["code"]
    locked = a.api("GET", f"problems/{EMA}/solution", tokens["bob"])
    assert locked.status_code == 403 and "solution" in locked.json()["message"].lower()


def test_instructors_see_the_class_and_learners_get_403(replicas, tokens, hub):
    a, b = replicas
    ok(check(a, tokens["cat"], WRONG))
    klass = ok(b.api("GET", "class/progress", tokens["teacher"]))
    cat = next(lr for lr in klass["learners"] if lr["user"] == "cat")
    assert cat["problems"][EMA] == {"status": "attempted", "attempts": 1}
    for who in ("ann", "cat"):
        r = a.api("GET", "class/progress", tokens[who])
        assert r.status_code == 403 and "instructors" in r.json()["message"], r.text
    # a token without the service's scope, and no token at all
    bare = hub.token("ann", scopes=["read:users:name!user"])
    r = a.api("GET", "progress", bare)
    assert r.status_code == 403 and "access:services!service=jaxlings" in r.json()["message"]
    assert a.api("GET", "progress", None).status_code == 403


def test_checks_are_rate_limited_per_learner_across_replicas(replicas, tokens):
    a, b = replicas
    for i in range(CHECKS_PER_MINUTE):
        ok(check((a, b)[i % 2], tokens["dan"], WRONG))
    refused = check(a, tokens["dan"], WRONG)
    assert refused.status_code == 429, refused.text
    words = refused.json()["message"]
    assert "try again in" in words and " s." in words
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    # the limit is dan's: eve checks as usual
    assert ok(check(b, tokens["eve"], WRONG))["attempt"] == 1
    assert ok(b.api("GET", "progress", tokens["dan"]))["problems"][1]["attempts"] == 5


def test_a_retried_check_is_recorded_once_whichever_replica_gets_it(replicas, tokens):
    a, b = replicas
    key = {"Idempotency-Key": uuid.uuid4().hex}
    first = ok(check(a, tokens["eve"], WRONG, headers=dict(key)))
    again = ok(check(b, tokens["eve"], WRONG, headers=dict(key)))
    assert again["attempt"] == first["attempt"] and again["cases"] == first["cases"]
    detail = ok(a.api("GET", f"problems/{EMA}", tokens["eve"]))
    assert detail["attempts"] == first["attempt"]
    bad = check(a, tokens["eve"], WRONG, headers={"Idempotency-Key": "x"})
    assert bad.status_code == 400 and "Idempotency-Key" in bad.json()["message"]


def test_replicas_agree_on_attempts_gating_and_hints(replicas, tokens, hub):
    """Alternating replicas: attempt numbers continue, three failures unlock the solution."""
    a, b = replicas
    hub.add_user("fay")
    fay = hub.token("fay")
    numbers = [ok(check((a, b)[i % 2], fay, WRONG))["attempt"] for i in range(3)]
    assert numbers == [1, 2, 3]
    hint = ok(b.api("POST", f"problems/{EMA}/hints/next", fay))
    assert hint["index"] == 0
    detail = ok(a.api("GET", f"problems/{EMA}", fay))
    assert detail["hints"]["unlocked"] == [hint["text"]] and detail["solution_available"]
    assert ok(b.api("GET", f"problems/{EMA}/solution", fay))["code"]


def test_a_restarted_service_has_lost_nothing(replicas, tokens):
    a, b = replicas
    before = {who: ok(b.api("GET", "progress", tokens[who])) for who in ("ann", "bob")}
    a.stop()
    a.start()
    after = {who: ok(a.api("GET", "progress", tokens[who])) for who in ("ann", "bob")}
    assert after == before
    assert ok(check(a, tokens["bob"], WRONG))["attempt"] == 2


def test_the_hubs_proxy_reaches_the_service(replicas, tokens, hub):
    r = requests.get(
        hub.url + "services/jaxlings/api/progress",
        headers={"Authorization": f"token {tokens['ann']}"},
        timeout=60,
    )
    assert r.status_code == 200 and r.json()["user"] == "hub:ann"


CLASS_ENDPOINTS = [
    "class/overview",
    "class/matrix",
    f"class/problems/{EMA}",
    "class/activity?bucket_s=60",
    "class/learners/ann",
    f"class/learners/ann/problems/{EMA}/latest",
    "class/attempts.csv",
    "class/progress.csv?format=json",
]


def test_the_class_endpoints_answer_instructors_and_refuse_learners(replicas, tokens):
    a, b = replicas
    ok(check(a, tokens["ann"], WRONG))
    for path in CLASS_ENDPOINTS:
        r = a.api("GET", path, tokens["ann"])
        assert r.status_code == 403 and "instructors" in r.json()["message"], (path, r.text)
        assert WRONG not in r.text
        assert b.api("GET", path, tokens["teacher"]).status_code == 200, path
    latest = ok(b.api("GET", f"class/learners/ann/problems/{EMA}/latest", tokens["teacher"]))
    assert latest["code"] == WRONG and latest["status"] == "failed"
    overview = ok(a.api("GET", "class/overview", tokens["teacher"]))
    assert "ann" in {lr["user"] for lr in overview["learners"]}
    csv_resp = a.api("GET", "class/attempts.csv?anonymize=1", tokens["teacher"])
    assert csv_resp.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in csv_resp.headers["Content-Disposition"]
    header, *rows = csv_resp.text.splitlines()
    assert header == "user,problem,at_iso,verdict,failed_cases,duration_ms,attempt"
    assert rows and not any(r.startswith("ann,") for r in rows)
    missing = b.api("GET", f"class/learners/nobody/problems/{EMA}/latest", tokens["teacher"])
    assert missing.status_code == 404 and "nobody" in missing.json()["message"]
