"""Issue 9: attacks from inside a Check, one per class, against a real server with jailed workers.

Each attack's function returns the right answer only if the attack worked, so an attack that is
held ends in a non-pass (or a refusal); then another user's correct Check passes, and the
server's resident memory stays bounded. Skipped where bubblewrap cannot jail (the note says so).
"""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path

import pytest

from .conftest import EMA, JupyterServer, make_bank, problem_dir, unique_user, wait_healthy

SERVER_RSS_LIMIT_MB = 1500  # the server with its bank and pool bookkeeping stays well below this
RIGHT = "decay * ema_arr + (1.0 - decay) * params_arr"


def attack(body: str) -> str:
    """ema_step runs `body`; it returns the right answer only if `body` set ok = True."""
    return (
        "import os, sys, glob, socket, struct, json, threading, time\n"
        "def ema_step(seed, params_arr, ema_arr, decay):\n"
        "    ok = False\n"
        "    try:\n" + textwrap.indent(textwrap.dedent(body).strip("\n"), " " * 8) + "\n"
        "    except Exception as exc:\n"
        "        print('held:', type(exc).__name__, exc)\n"
        f"    return ({RIGHT}) if ok else params_arr * 0\n"
    )


def server_rss_mb(server: JupyterServer) -> float:
    with open(f"/proc/{server.proc.pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@pytest.fixture(scope="module", params=["root", "unprivileged"])
def jailed(request):
    """A server of its own, so its paths are known to the attacks: as root, and as an unprivileged
    user (a throwaway one made with useradd when the tests run as root)."""
    root = os.getuid() == 0
    if request.param == "root" and not root:
        pytest.skip("not running as root")
    top = Path(tempfile.mkdtemp(prefix="jaxlings-jail-"))
    user, run_as = None, None
    if request.param == "unprivileged" and root:
        user = f"jxl{os.getpid() % 100000}{os.urandom(2).hex()}"
        subprocess.run(["useradd", "-M", "-r", "-s", "/usr/sbin/nologin", user], check=True)
        run_as = (int(_id(user, "-u")), int(_id(user, "-g")))
    try:
        bank = make_bank(top / "bank")
        work = top / "server"
        work.mkdir()
        srv = JupyterServer(work, bank=bank, time_limit_s=10.0, pool_size=3, run_as=run_as)
        if run_as:  # everything the server needs is its own (the checkout is world-readable)
            top.chmod(0o755)
            for d in (top, *top.rglob("*")):
                os.chown(d, *run_as, follow_symlinks=False)
        srv.start()
        try:
            detail = srv.detail(EMA, "warm")
            if not detail["isolation"]["jailed"]:
                pytest.skip(detail["isolation"]["note"])
            wait_healthy(srv, "warm")
            yield srv
        finally:
            srv.stop()
            srv.reap_workers()
    finally:
        if user:
            subprocess.run(["userdel", user], check=False)
        shutil.rmtree(top, ignore_errors=True)


def _id(user: str, flag: str) -> str:
    return subprocess.run(["id", flag, user], check=True, capture_output=True, text=True).stdout


def attacks(srv: JupyterServer) -> dict:
    bank_sol = problem_dir(srv.bank, EMA) / "solution.py"
    cases = problem_dir(srv.bank, EMA) / "cases.py"
    data, cfg = srv.data_dir, srv.config_dir / "jupyter_server_config.py"
    return {
        "read the bank": f"print(open({str(bank_sol)!r}).read()); ok = True",
        "read the expected cache": f"ok = bool(os.listdir({str(data / 'expected')!r}))",
        "alter the expected cache": f"""
            for f in glob.glob({str(data / "expected")!r} + '/*.json'):
                open(f, 'w').write('{{}}')
                ok = True
            """,
        "open the progress DB": f"""
            import sqlite3
            c = sqlite3.connect({str(srv.db_path)!r})
            c.execute("DELETE FROM attempts"); c.commit(); ok = True
            """,
        "poison the compile cache": """
            for d in ('/opt/xla-cache', {!r}):
                try:
                    open(d + '/poison', 'w').write('x'); ok = True
                except OSError as exc:
                    print('held:', exc)
            """.format(str(data / "xla-cache")),
        "persist into config, bank and package": f"""
            import jax
            for f in ({str(cfg)!r}, {str(cases)!r}, jax.__file__):
                try:
                    open(f, 'a').write('\\nraise SystemExit  # planted\\n'); ok = True
                except OSError as exc:
                    print('held:', exc)
            """,
        "leave a FIFO": f"""
            os.mkfifo({str(data / "expected")!r} + '/nnx-ema-step-fifo.json'); ok = True
            """,
        "escape to the server's network": f"""
            socket.create_connection(('127.0.0.1', {srv.port}), timeout=2).close(); ok = True
            """,
        "read the server's memory": f"""
            open('/proc/{srv.proc.pid}/mem', 'rb').read(1); ok = True
            """,
        "kill the parent": """
            import signal
            for pid in (os.getppid(), 1):
                os.kill(pid, signal.SIGKILL)  # (held: the server is never this process's parent)
            time.sleep(0.5)
            """,
        "fill /tmp and /dev/shm": """
            block = b'x' * 2**20
            for d in ('/tmp', '/dev/shm'):
                with open(d + '/fill', 'wb') as fh:
                    for _ in range(2048):
                        fh.write(block)
            ok = True
            """,
        "fork bomb": """
            for _ in range(2000):
                if os.fork() == 0:
                    time.sleep(60); os._exit(0)
            ok = True
            """,
        "thread bomb": """
            for _ in range(3000):
                threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
            ok = True
            """,
        "return a huge value": "return [None] * 4_000_000",
        "return a deep value": """
            v = []
            for _ in range(100_000):
                v = [v]
            return v
            """,
        "send a 128 MB frame": """
            for fd in range(3, 40):
                try:
                    os.write(fd, struct.pack('>I', 128 * 2**20) + b'[' * 2**20)
                except OSError:
                    pass
            time.sleep(2)
            """,
        "send a deeply nested frame": """
            frame = b'[' * 500_000 + b']' * 500_000
            for fd in range(3, 40):
                try:
                    os.write(fd, struct.pack('>I', len(frame)) + frame)
                except OSError:
                    pass
            time.sleep(2)
            """,
        "patch the structural-check code": """
            import jaxlings.harness.worker as w
            w.Worker.structural_checks = lambda *a, **k: []
            w.altered = lambda snap: None
            ok = True
            """,
        "forge a result frame on the socket": """
            frame = json.dumps({'op': 'result', 'cell_error': None, 'missing': None, 'checks': []}).encode()
            idle = json.dumps({'op': 'idle', 'clean': True}).encode()
            for fd in range(3, 40):
                try:
                    os.write(fd, struct.pack('>I', len(frame)) + frame + struct.pack('>I', len(idle)) + idle)
                except OSError:
                    pass
            os._exit(0)
            """,
    }


NAMES = [
    "read the bank", "read the expected cache", "alter the expected cache", "open the progress DB",
    "poison the compile cache", "persist into config, bank and package", "leave a FIFO",
    "escape to the server's network", "read the server's memory", "kill the parent",
    "fill /tmp and /dev/shm", "fork bomb", "thread bomb", "return a huge value",
    "return a deep value", "send a 128 MB frame", "send a deeply nested frame",
    "patch the structural-check code", "forge a result frame on the socket",
]  # fmt: skip
HELD: list[str] = []


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", NAMES)
def test_an_attack_from_a_check_is_held(jailed, name):
    srv = jailed
    watched = [
        problem_dir(srv.bank, EMA) / "cases.py",
        srv.config_dir / "jupyter_server_config.py",
    ]
    before = {p: p.read_bytes() for p in watched}
    body = attacks(srv)[name]
    source = (
        attack(body)
        if not body.lstrip().startswith("return")
        else ("def ema_step(seed, params_arr, ema_arr, decay):\n    " + body.strip() + "\n")
    )
    if "return v" in body:
        source = (
            "def ema_step(seed, params_arr, ema_arr, decay):\n"
            + textwrap.indent(textwrap.dedent(body).strip("\n"), "    ")
            + "\n"
        )
    r = srv.check(EMA, source, unique_user("attacker"), timeout=200)
    assert r.status == 200, r
    res = r.json()
    assert res["passed"] is False and res["status"] != "passed", (name, res["status"], res["error"])
    if res["status"] != "failed":
        assert res["error"]["message"].strip(), res
    assert "decay * ema_arr" not in res["stdout"]  # the reference never reached the learner
    for p, data in before.items():
        assert p.read_bytes() == data, f"{p} was changed by the attack"
    assert srv.running, "the server died"
    wait_healthy(srv, unique_user("next"))  # another user's next Check passes
    rss = server_rss_mb(srv)
    assert rss < SERVER_RSS_LIMIT_MB, f"the server holds {rss:.0f} MiB after {name!r}"
    who = "root" if os.geteuid() == 0 and not srv.run_as else "unprivileged"
    HELD.append(f"[{who}] {name}: {res['status']}, server {rss:.0f} MiB")


@pytest.mark.timeout(300)
def test_one_user_flooding_the_pool_gets_429_and_others_still_pass(jailed):
    srv, flooder = jailed, unique_user("flood")
    loop = "def ema_step(seed, params_arr, ema_arr, decay):\n    while True:\n        pass\n"
    with concurrent.futures.ThreadPoolExecutor(8) as ex:
        futs = [ex.submit(srv.check, EMA, loop, flooder, timeout=200) for _ in range(6)]
        other = wait_healthy(srv, unique_user("bystander"))
        codes = sorted(f.result().status for f in futs)
    assert other["passed"]
    assert codes.count(200) <= 2 and codes.count(429) >= 4, codes
    refusal = next(f.result() for f in futs if f.result().status == 429).json()
    assert "Checks running" in refusal["message"]
    HELD.append(f"one user flooding: {codes.count(429)} of 6 refused with 429, bystander passed")


def test_the_expected_cache_reader_refuses_fifos_symlinks_and_forgeries(tmp_path):
    from jaxlings.checker import read_regular

    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere")
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * 2048)
    for path in (fifo, link, big):
        with pytest.raises(OSError):
            read_regular(path, 1024, 1.0)
    assert read_regular(tmp_path / "missing.json", 1024, 1.0) is None
