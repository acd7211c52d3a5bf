"""`jaxlings serve`: a jupyter_server with only the jaxlings extension, for editors like VS Code.

It listens on 127.0.0.1 at a free port behind a random token, prints one JSON line
`{"url": ..., "token": ...}` on stdout once it answers, and stops when its parent process dies.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

from jupyter_server.serverapp import ServerApp
from tornado.ioloop import PeriodicCallback


class JaxlingsServeApp(ServerApp):
    """A ServerApp that loads the jaxlings extension and no other."""

    name = "jaxlings-serve"
    description = "Serve the jaxlings REST API alone on 127.0.0.1."

    def find_server_extensions(self) -> None:
        # the installed lab, notebook, … extensions would only slow the start and widen the surface
        self.jpserver_extensions = {"jaxlings": True}
        self.config.ServerApp.jpserver_extensions = {"jaxlings": True}


def _watch_parent(app: ServerApp, parent: int) -> None:
    def check() -> None:
        if os.getppid() != parent:
            app.log.info("jaxlings serve: the parent process is gone; stopping")
            app.stop()

    PeriodicCallback(check, 1000).start()


def serve(
    data_dir: Path, problems_dir: str = "", pool_size: int = 2, log_level: str = "WARN"
) -> None:
    """Run until stopped; prints the ready line on stdout."""
    token = secrets.token_urlsafe(32)
    parent = os.getppid()
    argv = [
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port=0",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        "--ServerApp.terminals_enabled=False",
        f"--ServerApp.log_level={log_level}",
        f"--IdentityProvider.token={token}",
        f"--Jaxlings.data_dir={data_dir}",
        f"--Jaxlings.pool_size={pool_size}",
    ]
    if problems_dir:
        argv.append(f"--Jaxlings.problems_dir={problems_dir}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")
    app = JaxlingsServeApp()
    app.initialize(argv)

    def ready() -> None:
        url = f"http://127.0.0.1:{app.port}{app.base_url}"
        sys.stdout.write(json.dumps({"url": url, "token": token}) + "\n")
        sys.stdout.flush()

    app.io_loop.add_callback(ready)
    _watch_parent(app, parent)
    app.start()
