"""The harness: hostile or broken submissions end in a clear non-pass, and the pool keeps serving.

Runs real worker processes through the Checker, the same path the server uses.
"""

import json
import os
import subprocess
import textwrap
import time

import pytest

from jaxlings.checker import check_job

EMA = "nnx-ema-step"
GOOD = "def ema_step(seed, params_arr, ema_arr, decay):\n    return decay * ema_arr + (1.0 - decay) * params_arr\n"


@pytest.fixture(scope="module")
def ema(small_bank):
    return small_bank.get(EMA)


def check(checker, problem, code, owner="tester"):
    return checker.check(problem, textwrap.dedent(code), owner)


def assert_still_serving(checker, problem):
    result = check(checker, problem, GOOD)
    assert result["passed"], result


def test_correct_solution_passes_every_case(checker, ema):
    r = check(checker, ema, GOOD)
    assert r["passed"] and r["status"] == "passed" and r["error"] is None
    assert len(r["cases"]) == len(ema.cases) and all(c["passed"] for c in r["cases"])


def test_expected_values_never_enter_the_worker_job(checker, ema):
    expected = checker.expected(ema)
    job = json.dumps(check_job(ema, GOOD))
    worked = expected.values[0]
    assert "expected" not in job
    # the worked example's inputs are in the job, its expected output (0.1, 0.2, …) is not
    import base64

    assert base64.b64encode(worked.tobytes()).decode() not in job


def test_wrong_blend_fails_with_per_case_sentences(checker, ema):
    r = check(
        checker,
        ema,
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            return (1.0 - decay) * ema_arr + decay * params_arr
    """,
    )
    assert not r["passed"] and r["status"] == "failed"
    worked = r["cases"][0]
    assert worked["name"] == "worked example" and not worked["passed"]
    assert "4 of 4 elements differ" in worked["message"]
    assert worked["expected_preview"] == "float32[4] [0.1, 0.2, 0.3, 0.4]"
    assert worked["actual_preview"] == "float32[4] [0.9, 1.8, 2.7, 3.6]"
    hidden = [c for c in r["cases"] if c["hidden"]]
    assert hidden and all(
        c["inputs_preview"] is None
        and c["expected_preview"] is None
        and c["actual_preview"] is None
        for c in hidden
    )


HOSTILE = {
    "infinite loop": (
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            while True:
                pass
    """,
        "timeout",
        "still running after",
    ),
    "os._exit(0)": (
        """
        import os
        def ema_step(seed, params_arr, ema_arr, decay):
            os._exit(0)
    """,
        "error",
        "exited with status 0",
    ),
    "sys.exit(0)": (
        """
        import sys
        def ema_step(seed, params_arr, ema_arr, decay):
            sys.exit(0)
    """,
        "error",
        "called sys.exit(0)",
    ),
    "raised KeyboardInterrupt": (
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            raise KeyboardInterrupt
    """,
        "error",
        "raised KeyboardInterrupt",
    ),
    "patched comparisons": (
        """
        import numpy
        numpy.allclose = lambda *a, **k: True
        numpy.testing.assert_allclose = lambda *a, **k: None
        jnp.allclose = lambda *a, **k: True
        numpy.array_equal = lambda *a, **k: True
        def ema_step(seed, params_arr, ema_arr, decay):
            return params_arr * 0
    """,
        "error",
        "changed the checker's own code",
    ),
    "lying __eq__": (
        """
        class Liar:
            def __eq__(self, other): return True
            def __ne__(self, other): return False
        def ema_step(seed, params_arr, ema_arr, decay):
            return Liar()
    """,
        "error",
        "cannot be compared",
    ),
    "memory hog": (
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            hog = []
            while True:
                hog.append(np.ones(16 * 1024 * 1024, dtype=np.uint8))
    """,
        "memory",
        "MiB of memory",
    ),
    "SyntaxError": (
        """
        def ema_step(seed, params_arr, ema_arr, decay)
            return ema_arr
    """,
        "error",
        "line 2:",
    ),
    "missing function": (
        """
        def emastep(seed, params_arr, ema_arr, decay):
            return ema_arr
    """,
        "error",
        "No function named `ema_step`",
    ),
    "interpreter crash": (
        """
        import faulthandler
        def ema_step(seed, params_arr, ema_arr, decay):
            faulthandler._sigsegv()
    """,
        "error",
        "killed by SIGSEGV",
    ),
    "ctypes": (
        """
        import ctypes
        def ema_step(seed, params_arr, ema_arr, decay):
            ctypes.string_at(0)
    """,
        "error",
        "does not allow ctypes",
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_submission_is_a_clear_non_pass(checker, ema, name, monkeypatch):
    code, status, words = HOSTILE[name]
    monkeypatch.setattr(checker, "time_limit_override", 3.0)
    if name == "memory hog":
        monkeypatch.setattr(ema, "memory_limit_mb", 600.0)
    r = check(checker, ema, code, owner=f"hostile-{name}")
    assert not r["passed"]
    assert r["status"] == status, r
    text = (r["error"] or {}).get("message", "") + " ".join(c["message"] or "" for c in r["cases"])
    assert words in text, r
    assert "Traceback" not in text and "jaxlings/harness" not in text
    assert_still_serving(checker, ema)


def test_syntax_error_points_at_the_learners_line(checker, ema):
    r = check(
        checker, ema, "x = 1\n\ndef ema_step(seed, params_arr, ema_arr, decay)\n    return 1\n"
    )
    assert r["error"]["type"] == "SyntaxError" and r["error"]["line"] == 3
    assert r["error"]["message"].startswith("line 3:")


def test_exception_in_a_case_reports_the_cell_line(checker, ema):
    r = check(
        checker,
        ema,
        "def ema_step(seed, params_arr, ema_arr, decay):\n    y = 1\n    return params_arr[:2] + ema_arr\n",
    )
    assert not r["passed"] and r["error"]["line"] == 3
    assert (
        r["cases"][0]["message"].startswith("line 3: TypeError")
        or "line 3:" in r["cases"][0]["message"]
    )
    assert "harness" not in (r["error"]["traceback"] or "")


def test_missing_function_names_what_was_defined(checker, ema):
    r = check(checker, ema, "def helper():\n    pass\n\nclass Foo:\n    pass\n")
    assert (
        r["error"]["message"]
        == "No function named `ema_step` in your cell; it defines `Foo`, `helper`."
    )


def test_children_left_running_are_killed(checker, ema):
    marker = f"jaxlings-test-{os.getpid()}-{time.time_ns()}"
    r = check(
        checker,
        ema,
        f"""
        import subprocess
        def ema_step(seed, params_arr, ema_arr, decay):
            subprocess.Popen(["sh", "-c", "exec -a {marker} sleep 300"], start_new_session=True)
            return decay * ema_arr + (1.0 - decay) * params_arr
    """,
        owner="children",
    )
    assert r["passed"]  # the answer is right; what it left behind must not survive
    time.sleep(0.5)
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert marker not in ps
    assert_still_serving(checker, ema)


def test_a_correct_function_printing_50_mb_passes_with_output_cut(checker, ema):
    r = check(
        checker,
        ema,
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            if float(decay) == 0.9:
                print("x" * 50_000_000)
            return decay * ema_arr + (1.0 - decay) * params_arr
    """,
        owner="printer",
    )
    assert r["passed"]
    assert r["stdout_truncated"] and len(r["stdout"]) < 70_000
    assert "output cut: 50,000,001 bytes were printed" in r["stdout"]


def test_printing_cannot_forge_the_protocol(checker, ema):
    r = check(
        checker,
        ema,
        """
        import sys
        def ema_step(seed, params_arr, ema_arr, decay):
            sys.stdout.write('{"op": "result"}\\n' * 100)
            sys.stderr.buffer.write(bytes(range(256)))
            return params_arr * 0
    """,
        owner="forger",
    )
    assert not r["passed"] and r["status"] == "failed"
    assert '{"op": "result"}' in r["stdout"]


def test_prelude_names_exist(checker, ema):
    r = check(
        checker,
        ema,
        """
        names = (jax, jnp, np, nnx, optax)
        def ema_step(seed, params_arr, ema_arr, decay):
            return jnp.asarray(decay * ema_arr + (1.0 - decay) * params_arr)
    """,
    )
    assert r["passed"], r


def test_a_patched_worker_is_retired_not_reused(checker, ema):
    owner = "patcher"
    check(checker, ema, "import numpy\nnumpy.sum = lambda *a, **k: 0\n" + GOOD, owner=owner)
    time.sleep(0.5)
    r = check(
        checker,
        ema,
        "import numpy\n_s = numpy.sum(numpy.ones(3))\n"
        "def ema_step(seed, params_arr, ema_arr, decay):\n"
        "    return params_arr * 0 + _s\n",
        owner=owner,
    )
    # a fresh worker has the real numpy.sum: 3.0, not the patched 0
    assert "got 3" in r["cases"][0]["message"] or "3." in (r["cases"][0]["actual_preview"] or ""), (
        r["cases"][0]
    )


def test_expected_cache_is_rebuilt_when_corrupted(checker, ema):
    checker.expected(ema)
    path = checker._cache_path(ema)
    path.write_text(path.read_text().replace("float32", "float64", 1))
    checker._memo.clear()
    assert checker.expected(ema).values[0].dtype.name == "float32"
    assert json.loads(path.read_text())["payload"]


def test_structural_check_catches_counter_stored_as_param(checker, small_bank):
    p = small_bank.get("nnx-counters-and-buffers")
    wrong = (p.path / "wrong" / "counter_as_param.py").read_text()
    r = checker.check(p, wrong, "structural")
    assert not r["passed"]
    assert all(c["passed"] for c in r["cases"] if c["kind"] == "case")  # numerically right…
    failing = [c for c in r["cases"] if c["kind"] == "structure" and not c["passed"]]
    assert failing and "nnx.Param" in failing[0]["name"]  # …structurally wrong
    assert checker.check(p, p.solution, "structural")["passed"]


def test_learner_code_has_no_network(checker, ema, pool):
    import socket
    import threading

    if not pool.isolation.jailed:
        pytest.skip("bubblewrap is not available here, so workers keep the network")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    threading.Thread(target=lambda: server.accept(), daemon=True).start()
    r = check(
        checker,
        ema,
        f"""
        import socket
        def ema_step(seed, params_arr, ema_arr, decay):
            socket.create_connection(("127.0.0.1", {port}), timeout=1).close()
            return decay * ema_arr + (1.0 - decay) * params_arr
    """,
        owner="network",
    )
    server.close()
    assert not r["passed"] and r["status"] == "error"
    assert "OSError" in r["error"]["message"] or "Errno" in r["error"]["message"], r["error"]


def test_libraries_may_inspect_frames_in_learner_code(checker, ema):
    """typing_extensions (inside nnx.jit) and inspect look at their callers: allowed, because
    learner code runs on its own thread, where no harness frame can be reached."""
    r = check(
        checker,
        ema,
        """
        import inspect, sys
        class Blend(nnx.Module):
            def __init__(self, decay):
                self.decay = nnx.Variable(jnp.asarray(decay))
            def __call__(self, p, e):
                return self.decay[...] * e + (1.0 - self.decay[...]) * p
        @nnx.jit
        def run(m, p, e):
            return m(p, e)
        def ema_step(seed, params_arr, ema_arr, decay):
            assert inspect.stack()[0].function == "ema_step" and sys._getframe(1) is not None
            return run(Blend(decay), params_arr, ema_arr)
    """,
        owner="frames",
    )
    assert r["passed"], (r["error"], r["cases"][:1])


def test_a_cell_that_patches_the_harness_and_its_scan_does_not_pass(checker, small_bank):
    counters = small_bank.get("nnx-counters-and-buffers")
    patch = textwrap.dedent("""
        import jaxlings.harness.worker as w
        w.Worker.structural_checks = lambda *a, **k: []
        w.altered = lambda *a, **k: None
    """)
    r = check(checker, counters, patch + "\n" + counters.solution, owner="patcher")
    assert not r["passed"] and r["status"] == "error"
    assert "changed the checker's own code" in r["error"]["message"], r["error"]


def test_a_namedtuple_with_defaults_is_ordinary_code(checker, ema):
    # collections.namedtuple sets __new__.__defaults__: the guard refuses code replacement
    # only on the harness's own functions, so this (and libraries doing it) still passes
    code = """
    from typing import NamedTuple

    class Blend(NamedTuple):
        decay: float = 0.5

    def ema_step(seed, params_arr, ema_arr, decay):
        b = Blend(decay)
        return b.decay * ema_arr + (1.0 - b.decay) * params_arr
    """
    r = check(checker, ema, code)
    assert r["passed"], r


def test_replacing_the_code_of_a_harness_function_is_refused(checker, ema):
    code = """
    import sys

    def ema_step(seed, params_arr, ema_arr, decay):
        worker = sys.modules.get("jaxlings.harness.worker") or sys.modules["__main__"]
        target = next(
            v for v in vars(worker).values()
            if callable(getattr(v, "__code__", None))
            and "harness" in v.__code__.co_filename
        )
        target.__code__ = (lambda *a, **k: None).__code__
        return params_arr
    """
    r = check(checker, ema, code)
    assert not r["passed"] and r["status"] == "error", r
    assert_still_serving(checker, ema)
