"""The worker's integrity check: the dict-version fast path reports exactly what the full
object-by-object comparison reports, for changes learner code might make.

Runs in a subprocess (no JAX needed: the watched modules already imported there, such as
os, threading, numpy and jaxlings, are enough)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(r"""
    import json, os, sys, threading
    import numpy as np
    from jaxlings.harness import worker as W

    fast, slow = W.snapshot(), W.snapshot()
    slow["cells"] = slow["tags"] = None
    out = {"fast_path": fast["cells"] is not None}

    def both(label):
        out[label] = [W.altered(fast), W.altered(slow)]

    both("nothing")
    orig = os.path.join
    os.path.join = lambda *a: "x"
    both("module global replaced")
    os.path.join = orig
    both("restored")
    run = threading.Thread.run
    threading.Thread.run = lambda self: None
    both("class attribute replaced")
    threading.Thread.run = run
    both("class restored")
    np.new_name = 1
    both("new global added")
    del np.new_name
    sep = os.sep
    del os.sep
    both("global deleted")
    os.sep = sep
    both("global put back")
    os.__doc__ = "changed"
    both("dunder changed")
    real = sys.modules["numpy.linalg"]
    sys.modules["numpy.linalg"] = type(sys)("numpy.linalg")
    both("module replaced")
    sys.modules["numpy.linalg"] = real
    both("module put back")
    print(json.dumps(out))
""")


def test_fast_path_matches_full_comparison():
    root = Path(__file__).resolve().parents[1] / "python"
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    if sys.implementation.name == "cpython" and sys.version_info < (3, 14):
        assert out.pop("fast_path") is True
    else:
        out.pop("fast_path")
    for label, (fast, slow) in out.items():
        assert fast == slow, label
    assert out["nothing"][0] is None
    assert out["module global replaced"][0] == "os.path.join was changed"
    assert out["restored"][0] is None
    assert out["class attribute replaced"][0] == "threading.Thread.run was changed"
    assert out["class restored"][0] is None
    assert out["new global added"][0] is None
    assert out["global deleted"][0] == "os.sep was changed"
    assert out["global put back"][0] is None
    assert out["dunder changed"][0] is None
    assert out["module replaced"][0] == "module numpy.linalg was replaced"
    assert out["module put back"][0] is None


LEFTOVERS = textwrap.dedent(r"""
    import collections, gc, json, os, signal, sys, threading, time, warnings
    import numpy as np
    from jaxlings.harness import worker as W

    # everything after the snapshot runs in a function: __main__'s globals stay put
    def run():
        def local():
            return W._local_state()

        fast, slow = W.world(local), W.world(local)
        slow["cells"] = slow["tags"] = None
        out = {}

        def both(label):
            t0 = time.perf_counter()
            out[label] = [W.leftovers(fast, local), W.leftovers(slow, local)]
            out.setdefault("_ms", []).append((time.perf_counter() - t0) * 1000)

        def plant(label, do, undo):
            do()
            both(label)
            undo()
            both(label + ", undone")

        both("nothing")
        plant("environ", lambda: os.environ.__setitem__("MARK", "1"), lambda: os.environ.pop("MARK"))
        plant("new module", lambda: sys.modules.__setitem__("mark", W), lambda: sys.modules.pop("mark"))
        plant("unwatched global", lambda: setattr(collections, "MARK", 1),
              lambda: delattr(collections, "MARK"))
        plant("excepthook", lambda: setattr(sys, "excepthook", print),
              lambda: setattr(sys, "excepthook", sys.__excepthook__))
        cb = lambda *a: None
        plant("gc callback", lambda: gc.callbacks.append(cb), lambda: gc.callbacks.remove(cb))
        plant("signal", lambda: signal.signal(signal.SIGUSR2, signal.SIG_IGN),
              lambda: signal.signal(signal.SIGUSR2, signal.SIG_DFL))
        fd = []
        plant("fd", lambda: fd.append(os.open("/dev/null", os.O_RDONLY)), lambda: os.close(fd[0]))
        plant("umask", lambda: os.umask(0), lambda: os.umask(0o022))
        plant("printoptions", lambda: np.set_printoptions(precision=2),
              lambda: np.set_printoptions(precision=8))
        plant("warnings", lambda: warnings.simplefilter("error"), lambda: warnings.filters.pop(0))
        stop = threading.Event()
        t = threading.Thread(target=stop.wait)
        plant("thread", t.start, lambda: (stop.set(), t.join()))
        print(json.dumps(out))

    run()
""")


def test_leftover_scan_sees_each_kind_and_its_fast_path_agrees():
    root = Path(__file__).resolve().parents[1] / "python"
    proc = subprocess.run(
        [sys.executable, "-c", LEFTOVERS],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        cwd="/",
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    print("scan ms:", sorted(out.pop("_ms")))
    for label, (fast, slow) in out.items():
        assert fast == slow, label
        if label == "nothing" or label.endswith("undone"):
            assert fast is None, (label, fast)
        else:
            assert fast, label
    assert "os.environ" in out["environ"][0]
    assert "mark" in out["new module"][0]
    assert out["unwatched global"][0] == "collections.MARK was added"
    assert out["excepthook"][0] == "sys.excepthook was set"
