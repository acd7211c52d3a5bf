"""A throwaway PostgreSQL 15 cluster for tests: initdb + pg_ctl in a temp dir, on a free port,
run by an unprivileged user when the tests run as root (PostgreSQL refuses root)."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path(os.environ.get("JAXLINGS_PG_BIN", "/usr/lib/postgresql/15/bin"))
RUN_AS = "nobody"  # no login, no home: all a cluster in a temp dir needs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        if not (BIN / "initdb").exists():
            raise RuntimeError(
                f"PostgreSQL 15 is not installed ({BIN}/initdb is missing): run scripts/apt.sh test"
            )
        self.root = Path(tempfile.mkdtemp(prefix=f"jaxlings-pg-{os.getpid()}-"))
        self.data = self.root / "data"
        self.port = 0
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            ent = pwd.getpwnam(RUN_AS)
            os.chown(self.root, ent.pw_uid, ent.pw_gid)
            self.root.chmod(0o700)
            self.prefix = [
                "setpriv",
                f"--reuid={ent.pw_uid}",
                f"--regid={ent.pw_gid}",
                "--clear-groups",
                "--",
            ]

    def _run(self, *cmd: str, **kw) -> subprocess.CompletedProcess:
        return subprocess.run([*self.prefix, *cmd], capture_output=True, text=True, cwd="/", **kw)

    def start(self) -> Cluster:
        r = self._run(str(BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")
        if r.returncode:
            raise RuntimeError(f"initdb failed: {r.stderr}")
        for _ in range(5):  # a free port may be taken before the server binds it: pick anew
            self.port = free_port()
            opts = (
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c max_connections=200"
            )
            r = self._run(
                str(BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-o",
                opts,
                "-l",
                str(self.root / "log"),
                "-w",
                "-t",
                "60",
                "start",
            )
            if r.returncode == 0:
                break
        else:
            raise RuntimeError(f"pg_ctl start failed: {r.stdout}{r.stderr}{self.log()}")
        return self

    def log(self) -> str:
        try:
            return (self.root / "log").read_text()[-3000:]
        except OSError:
            return ""

    def url(self, db: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{db}"

    def create_database(self, name: str) -> str:
        r = self._run(
            str(BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name
        )
        if r.returncode:
            raise RuntimeError(f"createdb {name} failed: {r.stderr}")
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
