"""The REST API through a real jupyter_server (pytest-jupyter's jp_fetch)."""

import asyncio
import getpass
import json

import pytest
import tornado.httpclient
from traitlets.config import Config

EMA = "nnx-ema-step"
GOOD = "def ema_step(seed, params_arr, ema_arr, decay):\n    return decay * ema_arr + (1.0 - decay) * params_arr\n"
WRONG = "def ema_step(seed, params_arr, ema_arr, decay):\n    return (1.0 - decay) * ema_arr + decay * params_arr\n"


@pytest.fixture
def jp_server_config(small_bank_dir, data_dir, tmp_path):
    return Config(
        {
            "ServerApp": {"jpserver_extensions": {"jaxlings": True}},
            "Jaxlings": {
                "problems_dir": str(small_bank_dir),
                "data_dir": str(data_dir),
                "db_path": str(tmp_path / "progress.sqlite"),
                "pool_size": 2,
                "spare_workers": 1,
                # generous: a busy machine must not turn a Check into a timeout
                "time_limit_s_override": 120.0,
            },
        }
    )


@pytest.fixture(autouse=True)
def close_pool(jp_serverapp):
    yield
    jp_serverapp.web_app.settings["jaxlings_service"].close()


@pytest.fixture
def api(jp_fetch):
    async def call(method, *path, body=None, raw=None, expect=200):
        # A first Check starts a worker and runs the reference: slow on a busy machine.
        kwargs = {"method": method, "request_timeout": 600}
        if method == "POST":
            kwargs["body"] = (
                raw if raw is not None else json.dumps(body if body is not None else {})
            )
        try:
            resp = await jp_fetch("jaxlings", "api", *path, **kwargs)
        except tornado.httpclient.HTTPClientError as err:
            assert err.code == expect, (err.code, err.response.body if err.response else None)
            return json.loads(err.response.body)
        assert resp.code == expect
        return json.loads(resp.body)

    return call


def problem_texts(small_bank):
    p = small_bank.get(EMA)
    return p.hints, p.solution.strip()


async def test_list_problems(api):
    rows = await api("GET", "problems")
    assert [r["id"] for r in rows] == ["nnx-counters-and-buffers", EMA]
    assert rows[1] == {
        "id": EMA,
        "title": "Running average (EMA) step",
        "sprint": "B",
        "sprint_title": "NNX modules and state",
        "order": 19,
        "difficulty": "easy",
        "function": "ema_step",
        "status": "new",
        "attempts": 0,
    }


async def test_show_problem_hides_locked_hints_and_solution(api, small_bank, jp_fetch):
    hints, solution = problem_texts(small_bank)
    resp = await jp_fetch("jaxlings", "api", "problems", EMA)
    body = resp.body.decode()
    d = json.loads(body)
    assert d["signature"] == "ema_step(seed, params_arr, ema_arr, decay)"
    assert "## Worked example" in d["statement_md"] and d["starter"].startswith("def ema_step")
    assert d["hints"] == {
        "total": 2,
        "unlocked": [],
        "next_available": False,
        "locked_reason": "Hints unlock after your first Check.",
    }
    assert (
        d["solution_available"] is False and "3 more failed Checks" in d["solution_locked_reason"]
    )
    for text in hints + [solution]:
        assert text not in body
    locked = await api("GET", "problems", EMA, "solution", expect=403)
    assert "unlocks when you solve" in locked["message"] and solution not in json.dumps(locked)
    assert (
        "first Check"
        in (await api("POST", "problems", EMA, "hints", "next", expect=403))["message"]
    )


async def test_check_records_an_attempt_and_unlocks_hints_one_at_a_time(api, small_bank):
    hints, solution = problem_texts(small_bank)
    r = await api("POST", "problems", EMA, "check", body={"code": WRONG})
    assert r["status"] == "failed" and r["attempt"] == 1 and r["saved"] is True
    assert r["cases"][0]["expected_preview"] == "float32[4] [0.1, 0.2, 0.3, 0.4]"
    d = await api("GET", "problems", EMA)
    assert d["status"] == "attempted" and d["attempts"] == 1 and d["hints"]["next_available"]
    h = await api("POST", "problems", EMA, "hints", "next")
    assert h["index"] == 0 and h["text"] == hints[0]
    d = await api("GET", "problems", EMA)
    assert d["hints"]["unlocked"] == [hints[0]]
    assert hints[1] not in json.dumps(d) and solution not in json.dumps(d)
    h = await api("POST", "problems", EMA, "hints", "next")
    assert h["index"] == 1 and h["hints"]["next_available"] is False
    assert (
        "All hints" in (await api("POST", "problems", EMA, "hints", "next", expect=403))["message"]
    )


async def test_solution_unlocks_when_solved(api, small_bank):
    _, solution = problem_texts(small_bank)
    await api("GET", "problems", EMA, "solution", expect=403)
    r = await api("POST", "problems", EMA, "check", body={"code": GOOD})
    assert r["passed"] and r["status"] == "passed"
    assert (await api("GET", "problems", EMA))["solution_viewed"] is False
    sol = await api("GET", "problems", EMA, "solution")
    assert sol["code"].strip() == solution and "blend" in sol["notes_md"]
    d = await api("GET", "problems", EMA)
    assert d["status"] == "solved" and d["solution_viewed"] is True  # shown again after a reload


async def test_solution_unlocks_after_three_failed_attempts(api):
    for n in (1, 2):
        await api("POST", "problems", EMA, "check", body={"code": WRONG})
        msg = (await api("GET", "problems", EMA, "solution", expect=403))["message"]
        assert f"{3 - n} more failed Check" in msg
    await api("POST", "problems", EMA, "check", body={"code": WRONG})
    assert "def ema_step" in (await api("GET", "problems", EMA, "solution"))["code"]


async def test_only_checks_that_ran_the_learners_own_code_count_toward_the_solution(api):
    """Three Checks of the untouched starter or of a syntax error unlock nothing; each is kept."""
    starter = (await api("GET", "problems", EMA))["starter"]
    for code in (starter, starter + "\n# a comment changes nothing\n", "def ema_step(:\n"):
        r = await api("POST", "problems", EMA, "check", body={"code": code})
        assert r["passed"] is False and r["counted"] is False and r["saved"] is True
    d = await api("GET", "problems", EMA)
    assert d["attempts"] == 3 and d["status"] == "attempted" and d["hints"]["next_available"]
    assert d["solution_available"] is False
    assert "3 more failed Checks of your own code" in d["solution_locked_reason"]
    r = await api("POST", "problems", EMA, "check", body={"code": WRONG})
    assert r["counted"] is True and "2 more failed Checks" in r["solution_locked_reason"]


async def test_a_helper_defined_in_an_earlier_cell_is_part_of_the_check(api):
    helper = "import math\nSCALE = 1.0\n\ndef blend(a, b, w):\n    return w * a + (1.0 - w) * b\n\nprint('plotting')\nlosses = train()\n"
    code = "def ema_step(seed, params_arr, ema_arr, decay):\n    return SCALE * blend(ema_arr, params_arr, decay)\n"
    alone = await api("POST", "problems", EMA, "check", body={"code": code})
    assert alone["status"] == "error" and "name 'SCALE' is not defined" in alone["error"]["message"]
    r = await api(
        "POST",
        "problems",
        EMA,
        "check",
        body={"code": code, "context": [{"cell": 2, "code": helper}]},
    )
    assert r["passed"], r["error"]
    assert "plotting" not in r["stdout"]  # only definitions of the cell above ran
    # an error inside the helper names the checked cell's line, and the helper's cell in the trace
    broken = helper.replace("w * a", "w * a_typo")
    r = await api(
        "POST",
        "problems",
        EMA,
        "check",
        body={"code": code, "context": [{"cell": 2, "code": broken}]},
    )
    assert r["error"]["line"] == 2 and "cell 2, line 5, in blend" in r["error"]["traceback"]
    # a name set by code a Check does not run: the message says why it is missing
    uses = "def ema_step(seed, params_arr, ema_arr, decay):\n    return losses\n"
    r = await api(
        "POST",
        "problems",
        EMA,
        "check",
        body={"code": uses, "context": [{"cell": 2, "code": helper}]},
    )
    assert "`losses` is set in cell 2 by code that a Check does not run" in r["error"]["message"]
    bad = await api(
        "POST", "problems", EMA, "check", body={"code": code, "context": "x"}, expect=400
    )
    assert "`context` must be a list" in bad["message"]


async def test_a_running_check_can_be_cancelled_and_is_not_recorded(api):
    assert (await api("DELETE", "problems", EMA, "check")) == {"cancelled": 0}
    endless = "def ema_step(seed, params_arr, ema_arr, decay):\n    while True:\n        pass\n"
    running = asyncio.ensure_future(
        api("POST", "problems", EMA, "check", body={"code": endless}, expect=409)
    )
    for _ in range(600):  # until the pool has the job (a first Check also runs the reference)
        await asyncio.sleep(0.1)
        if (await api("DELETE", "problems", EMA, "check"))["cancelled"]:
            break
    refused = await asyncio.wait_for(running, 60)
    assert "You cancelled this Check" in refused["message"]
    assert (await api("GET", "problems", EMA))["attempts"] == 0


async def test_a_check_answers_with_all_it_moved(api):
    """One round trip: the answer holds what GET problems/{id} would say after the attempt."""
    before = await api("GET", "problems", EMA)
    assert before["status"] == "new" and not before["hints"]["next_available"]
    for n, code in enumerate([WRONG, WRONG, WRONG, GOOD], start=1):
        r = await api("POST", "problems", EMA, "check", body={"code": code})
        after = await api("GET", "problems", EMA)
        assert r["summary"] == {k: after[k] for k in r["summary"]}
        assert r["summary"]["attempts"] == n == r["attempt"]
        assert r["hints"] == after["hints"] and r["hints"]["next_available"]
        assert r["solution_available"] is after["solution_available"] is (n >= 3)
        assert r["solution_locked_reason"] == after["solution_locked_reason"]
    assert r["summary"]["status"] == "solved"


async def test_progress_is_keyed_to_the_os_user_under_token_auth(api):
    await api("POST", "problems", EMA, "check", body={"code": GOOD})
    prog = await api("GET", "progress")
    assert prog["user"] == f"os:{getpass.getuser()}"
    assert prog["solved"] == 1 and prog["total"] == 2
    assert prog["sprints"] == [
        {"key": "B", "title": "NNX modules and state", "total": 2, "solved": 1, "attempted": 0}
    ]
    # "attempted" counts problems in progress: a failed Check of the other problem is one.
    code = "def counter_after_n_calls(seed, n):\n    return jnp.zeros(())\n"
    await api("POST", "problems", "nnx-counters-and-buffers", "check", body={"code": code})
    (sprint,) = (await api("GET", "progress"))["sprints"]
    assert (sprint["solved"], sprint["attempted"]) == (1, 1)


@pytest.mark.parametrize(
    "path, method, raw, code, words",
    [
        (
            ("problems", "no-such-problem"),
            "GET",
            None,
            404,
            "There is no problem 'no-such-problem'",
        ),
        (("problems", "..%2F..%2Fetc%2Fpasswd"), "GET", None, 404, "There is no problem"),
        (("problems", "%2e%2e", "check"), "POST", '{"code": "x"}', 404, "There is no problem"),
        (("problems", EMA, "check"), "POST", "{not json", 400, "not valid JSON"),
        (("problems", EMA, "check"), "POST", b"\xff\xfe\x00", 400, "not UTF-8"),
        (("problems", EMA, "check"), "POST", '["code"]', 400, "must be a JSON object"),
        (("problems", EMA, "check"), "POST", '{"cod": "x"}', 400, "needs a `code` field"),
        (
            ("problems", EMA, "check"),
            "POST",
            json.dumps({"code": "x" * (256 * 1024 + 1)}),
            413,
            "larger than 256 KiB",
        ),
        (("problems", EMA, "check"), "POST", json.dumps({"code": "a = 1\x00"}), 400, "null byte"),
        (("nothing", "here"), "GET", None, 404, "no such jaxlings endpoint"),
    ],
)
async def test_bad_requests_get_a_4xx_with_a_message(api, path, method, raw, code, words):
    body = await api(method, *path, raw=raw, expect=code)
    assert words in body["message"]


async def test_a_running_check_does_not_block_other_requests(api, jp_fetch, jp_serverapp):
    jp_serverapp.web_app.settings["jaxlings_service"].checker.time_limit_override = 10.0
    loop = "def ema_step(seed, params_arr, ema_arr, decay):\n    while True:\n        pass\n"
    slow = asyncio.ensure_future(api("POST", "problems", EMA, "check", body={"code": loop}))
    await asyncio.sleep(0.5)
    await jp_fetch("jaxlings", "api", "problems")
    await jp_fetch("api", "status")
    # the cheap requests were answered while the endless Check still held its worker
    assert not slow.done()
    r = await slow
    assert r["status"] == "timeout" and "still running after 10 s" in r["error"]["message"]
    assert (await api("POST", "problems", EMA, "check", body={"code": GOOD}))["passed"]
