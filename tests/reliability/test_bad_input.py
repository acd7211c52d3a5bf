"""Bad input over HTTP: every malformed request gets a 4xx with a JSON message.

Unknown ids, ids with `/`, `..` or encoded traversal, non-JSON / non-UTF-8 / oddly shaped
bodies, null bytes, lone surrogates, absurd nesting, code over 256 KiB, wrong methods, no
token. None of them may log a server error, record an attempt, or touch a file outside
the data dir (mtimes of the bank, the root dir, the config are snapshotted around them).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import (
    COUNTERS,
    EMA,
    PROBLEMS,
    REFERENCE,
    assert_no_server_error,
    attempts_in_db,
    user_key,
)

A = "/jaxlings/api/"

# (method, path, status): ids that are not ids
BAD_PATHS = [
    ("GET", A + "problems/does-not-exist", 404),
    ("GET", A + "problems/NNX-EMA-STEP", 404),
    ("GET", A + "problems/nnx-ema-step%0A", 404),
    ("GET", A + "problems/nnx_ema_step", 404),
    ("GET", A + "problems/..", 404),
    ("GET", A + "problems/%2e%2e", 404),
    ("GET", A + "problems/%2e%2e%2f%2e%2e%2fsolution.py", 404),
    ("GET", A + "problems/..%2F..%2F..%2Fetc%2Fpasswd", 404),
    ("GET", A + "problems/nnx-ema-step%2Fsolution", 404),
    ("GET", A + "problems/nnx-ema-step%2F..%2Fnnx-counters-and-buffers", 404),
    ("GET", A + "problems/B-nnx-modules%2F19-nnx-ema-step%2Fsolution.py", 404),
    ("GET", A + "problems/../../../etc/passwd", 404),
    ("GET", A + "problems/nnx-ema-step/../../../../etc/passwd", 404),
    ("GET", A + "problems/nnx-ema-step/solution/../../nnx-counters-and-buffers/solution", 404),
    ("GET", A + "problems/%00", 404),
    ("GET", A + "problems/nnx-ema-step%00", 404),
    ("GET", A + "problems/nnx-ema-step%00/solution", 404),
    ("GET", A + "problems/%ff%fe", 400),
    ("GET", A + "problems/" + "a" * 10000, 404),
    ("GET", A + "problems/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404),
    ("GET", A + "problems/%2e%2e%2f%2e%2e%2fsolution.py/solution", 404),
    ("GET", A + "problems/..%2F..%2Fproblems%2FB-nnx-modules/solution", 404),
    ("POST", A + "problems/..%2F19-nnx-ema-step/hints/next", 404),
    ("POST", A + "problems/%2e%2e/check", 404),
    ("POST", A + "problems/does-not-exist/check", 404),
    ("GET", A + "nope", 404),
    ("GET", A + "problems/nnx-ema-step/nope", 404),
    ("GET", A + "problems/nnx-ema-step/solution/extra", 404),
    ("GET", A + "%2e%2e%2f%2e%2e%2fapi/contents", 404),
    # wrong methods
    ("GET", A + "problems/nnx-ema-step/check", 405),
    ("GET", A + "problems/nnx-ema-step/hints/next", 405),
    ("POST", A + "problems/nnx-ema-step/solution", 405),
    ("DELETE", A + "problems", 405),
    ("PUT", A + "progress", 405),
]

CHECK = A + f"problems/{EMA}/check"
BIG = 256 * 1024

# (name, raw body, status)
BAD_BODIES = [
    ("empty", b"", 400),
    ("form", b"code=def+ema_step%28%29%3A+pass", 400),
    ("not json", b"{code: 'x'}", 400),
    ("truncated json", b'{"code": "def f(', 400),
    ("not utf-8", b'\xff\xfe{"code": "x"}', 400),
    ("latin-1", '{"code": "# café"}'.encode("latin-1"), 400),
    ("json array", b"[]", 400),
    ("json string", b'"def ema_step(): pass"', 400),
    ("json null", b"null", 400),
    ("json number", b"123", 400),
    ("no code field", b"{}", 400),
    ("code is a number", b'{"code": 5}', 400),
    ("code is null", b'{"code": null}', 400),
    ("code is a list", b'{"code": ["x"]}', 400),
    ("code is an object", b'{"code": {"code": "x"}}', 400),
    (
        "null byte in code",
        b'{"code": "def ema_step(seed, p, e, d):\\u0000\\n    return p\\n"}',
        400,
    ),
    ("raw null byte", b'{"code": "x\x00"}', 400),
    ("lone surrogate", b'{"code": "x = \\"\\ud800\\"\\n"}', 400),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, 400),
    ("deep object nesting", b'{"code": ' * 50_000 + b"1" + b"}" * 50_000, 400),
    ("code over 256 KiB", json.dumps({"code": "#" * (BIG + 1)}).encode(), 413),
    (
        "code over 256 KiB in bytes",
        json.dumps({"code": "é" * (BIG // 2 + 1)}, ensure_ascii=False).encode(),
        413,
    ),
    ("5 MB of code", json.dumps({"code": "x = 1\n" * 900_000}).encode(), 413),
]


def snapshot(*roots: Path) -> dict:
    out = {}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames:
                p = Path(dirpath) / name
                try:
                    st = p.lstat()
                except OSError:
                    continue
                out[str(p)] = (st.st_mtime_ns, st.st_size)
    return out


@pytest.fixture
def guarded(server, bank_dir):
    """Snapshot files outside the data dir and the log position; check both afterwards."""
    repo_refs = [PROBLEMS / rel for rel in REFERENCE.values()]
    roots = [bank_dir, server.root_dir, server.config_dir, *repo_refs]
    before = snapshot(*roots)
    mark = server.log_mark()
    yield server
    after = snapshot(*roots)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"files outside the data dir were touched: {changed[:10]}"
    log = server.log_since(mark)
    assert_no_server_error(log)


def assert_json_refusal(r, status: int) -> dict:
    assert r.status == status, r
    assert r.headers.get("content-type", "").startswith("application/json"), r.headers
    body = r.json()
    assert (
        isinstance(body, dict) and isinstance(body.get("message"), str) and body["message"].strip()
    ), body
    return body


@pytest.mark.parametrize(
    "method,path,status", BAD_PATHS, ids=[f"{m} {p[len(A) :][:60]}" for m, p, _ in BAD_PATHS]
)
def test_bad_paths_get_a_json_4xx(guarded, user, method, path, status):
    body = None
    if method == "POST":
        body = {"code": "def ema_step(seed, params_arr, ema_arr, decay):\n    return params_arr\n"}
    r = guarded.request(method, path, body, user=user)
    msg = assert_json_refusal(r, status)["message"]
    assert "Traceback" not in msg
    assert attempts_in_db(guarded.db_path, user_key(user)) == 0


@pytest.mark.parametrize("name,raw,status", BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_bad_bodies_get_a_json_4xx(guarded, user, name, raw, status):
    r = guarded.request("POST", CHECK, raw, user=user, headers={"Content-Type": "application/json"})
    assert_json_refusal(r, status)
    assert attempts_in_db(guarded.db_path, user_key(user)) == 0


@pytest.mark.parametrize("token", ["none", "wrong"])
@pytest.mark.parametrize(
    "method,sub",
    [
        ("GET", "problems"),
        ("GET", f"problems/{EMA}"),
        ("POST", f"problems/{EMA}/check"),
        ("POST", f"problems/{EMA}/hints/next"),
        ("GET", f"problems/{EMA}/solution"),
        ("GET", "progress"),
        ("GET", "problems/..%2F..%2Fetc"),
    ],
)
def test_requests_without_a_valid_token_are_refused(guarded, method, sub, token):
    headers = {"Authorization": "token " + "0" * 32} if token == "wrong" else {}
    body = (
        {"code": "def ema_step(seed, params_arr, ema_arr, decay):\n    return params_arr\n"}
        if method == "POST"
        else None
    )
    r = guarded.request(method, A + sub, body, token=False, headers=headers, user="intruder")
    assert r.status == 403, r
    assert r.headers.get("content-type", "").startswith("application/json"), r.headers
    assert attempts_in_db(guarded.db_path, user_key("intruder")) == 0


def test_the_code_size_limit_is_exactly_256_kib(guarded, user):
    """256 KiB of code is checked (and fails: it defines nothing); one byte more is refused."""
    ok = guarded.check(EMA, "#" * BIG, user)
    assert ok.status == 200 and ok.json()["status"] == "error", ok
    over = guarded.check(EMA, "#" * (BIG + 1), user)
    assert_json_refusal(over, 413)
    assert attempts_in_db(guarded.db_path, user_key(user), EMA) == 1


def test_bad_input_leaves_the_server_working(guarded, user):
    for problem in (EMA, COUNTERS):
        r = guarded.request("POST", A + f"problems/{problem}/check", b"\xff" * 1000, user=user)
        assert_json_refusal(r, 400)
    res = guarded.check_json(
        EMA,
        "def ema_step(seed, params_arr, ema_arr, decay):\n"
        "    return decay * ema_arr + (1.0 - decay) * params_arr\n",
        user,
    )
    assert res["passed"] and res["attempt"] == 1
