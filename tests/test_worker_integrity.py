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
