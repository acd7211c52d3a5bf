"""Issue 10 item 6: workers shared between learners. A used worker passes to another user only
when its last job left nothing behind (the worker's leftover scan) and its /tmp and /dev/shm were
emptied from outside; otherwise it is retired. User A plants something, user B looks for it and
checks correct code; reuse is read from the pool's counters, never from timing.

The service runs in this process (the same JaxlingsService the classroom service runs), with
one worker slot, so B gets either A's worker (counted as a handoff) or a fresh one.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from jaxlings.service import JaxlingsService

from .conftest import EMA, PROBLEMS, REFERENCE

RIGHT = "def ema_step(seed, params_arr, ema_arr, decay):\n    return decay * ema_arr + (1.0 - decay) * params_arr\n"
SECRET = "SECRET-of-user-a"

# what B runs: correct code that prints every trace of A it can find
LOOK = (
    textwrap.dedent(
        """
        import builtins, collections, os, sys, textwrap, threading, warnings
        import jax.numpy as jnp, numpy as np
        found = []
        for k, v in os.environ.items():
            if "SECRET" in k or "SECRET" in v:
                found.append("environ")
        if "secret_a" in sys.modules:
            found.append("sys.modules")
        if hasattr(builtins, "SECRET_A") or hasattr(collections, "SECRET_A"):
            found.append("module global")
        if any("SECRET" in t.name for t in threading.enumerate()):
            found.append("thread")
        for top in ("/tmp", "/dev/shm"):
            # (the planted files' names; a venv under /tmp, as in a CI clone, is bound in too)
            for _root, _dirs, files in os.walk(top):
                if any(f.startswith("secret-") for f in files):
                    found.append(top)
        if float(jnp.sum(jnp.ones(3))) != 3.0:
            found.append("jnp.sum")
        if np.get_printoptions()["precision"] != 8:
            found.append("printoptions")
        if any(f[0] == "error" for f in warnings.filters):
            found.append("warnings")
        if os.getcwd() != "/tmp":
            found.append("cwd")
        if textwrap.indent.__defaults__ != (None,):
            found.append("defaults")
        if jnp.ones(1).dtype != jnp.float32:
            found.append("jax config")
        if any("secret" in p for p in sys.path):
            found.append("sys.path")
        print("FOUND", found)
        """
    )
    + RIGHT
)

# what A leaves; each one must keep A's worker from B
PLANTS = {
    "environ": "import os\nos.environ['SECRET_A'] = 'SECRET-of-user-a'\n",
    "sys.modules": "import sys, types\nsys.modules['secret_a'] = types.SimpleNamespace(v=1)\n",
    "builtins name": "import builtins\nbuiltins.SECRET_A = 'SECRET-of-user-a'\n",
    "unwatched module global": "import collections\ncollections.SECRET_A = 1\n",
    "jax function": "import jax.numpy as jnp\njnp.sum = lambda *a, **k: 0.0\n",
    "thread": (
        "import threading, time\n"
        "threading.Thread(target=time.sleep, args=(60,), name='SECRET-a', daemon=True).start()\n"
    ),
    "numpy printoptions": "import numpy as np\nnp.set_printoptions(precision=2)\n",
    "warnings filter": "import warnings\nwarnings.simplefilter('error')\n",
    "working directory": "import os\nos.chdir('/dev')\n",
    "a library function's defaults": "import textwrap\ntextwrap.indent.__defaults__ = ('x',)\n",
    "jax config": "import jax\njax.config.update('jax_enable_x64', True)\n",
    "sys.path": "import sys\nsys.path.insert(0, '/tmp/secret')\n",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("sharing")
    bank = root / "bank"
    rel = REFERENCE[EMA]
    (bank / rel.split("/")[0]).mkdir(parents=True)
    shutil.copy(PROBLEMS / rel.split("/")[0] / "sprint.toml", bank / rel.split("/")[0])
    shutil.copytree(PROBLEMS / rel, bank / rel, ignore=shutil.ignore_patterns("__pycache__"))
    svc = JaxlingsService(
        root / "data", problems_dir=bank, max_workers=1, spare_workers=0, share_workers=True
    )
    if not svc.pool.isolation.jailed:
        svc.close()
        pytest.skip(svc.pool.isolation.note or "not jailed")
    svc.start()
    yield svc
    svc.close()


def check(svc: JaxlingsService, code: str, user: str) -> dict:
    return dict(svc.checker.check(svc.problem(EMA), code, user))


def look(svc: JaxlingsService, user: str, first: str = "") -> str:
    res = check(svc, first + LOOK, user)
    assert res["passed"] or first, res
    return res["stdout"]


@pytest.mark.timeout(240)
def test_a_clean_worker_passes_to_the_next_user_and_files_do_not(service):
    assert check(service, RIGHT, "warm")["passed"]
    pool = service.pool
    started, handoffs = pool.started_workers, pool.handoffs
    files = (
        "open('/tmp/secret-a.txt', 'w').write('SECRET-of-user-a')\n"
        "import os\nos.makedirs('/tmp/d/e', exist_ok=True)\n"
        "open('/tmp/d/e/secret-b', 'w').write('x')\n"
        "open('/dev/shm/secret-c', 'w').write('x')\n"
    )
    assert check(service, files + RIGHT, "user-a")["passed"]
    assert "FOUND []" in look(service, "user-b")
    # files are emptied, not a reason to retire: B ran on the worker A had used
    assert pool.handoffs == handoffs + 2 and pool.started_workers == started


@pytest.mark.timeout(360)
def test_what_one_user_leaves_never_reaches_another(service):
    pool = service.pool
    # the look-out sees the plants in their own process (those that do not end the Check first)
    quiet = [v for k, v in PLANTS.items() if k not in ("jax function", "thread")]
    mine = look(service, "plant-all", "".join(quiet))
    for label in ("environ", "sys.modules", "module global", "printoptions", "warnings", "cwd"):
        assert f"'{label}'" in mine, mine
    for label in ("defaults", "jax config", "sys.path"):
        assert f"'{label}'" in mine, mine
    for n, (kind, plant) in enumerate(PLANTS.items()):
        a, b = f"plant-a{n}", f"look-b{n}"
        check(service, plant + RIGHT, a)  # the verdict may be an error (a patched jax)
        handoffs = pool.handoffs
        seen = look(service, b)
        assert "FOUND []" in seen, f"{kind}: {b} saw {seen}"
        assert pool.handoffs == handoffs, f"{kind}: A's worker was handed to B"
    # every worker B used since was clean: B's own later Check reuses it
    before = pool.reuses
    assert "FOUND []" in look(service, b)
    assert pool.reuses == before + 1
    assert pool.retired_unclean >= len(PLANTS) - 2  # (a patched jax or a thread: 'tampered')
