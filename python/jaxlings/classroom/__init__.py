"""The classroom face: one jaxlings service for a whole JupyterHub (`jaxlings service`).

A hub-managed service reached at `{hub}/services/jaxlings/`. It owns the bank, the worker pool
and the class's progress database, and serves the same REST verbs as the server extension
(`rest.py`) to hub users, authenticated by JupyterHub's own `HubOAuth` (an API token in the
Authorization header, or the OAuth cookie in a browser). Members of a hub group (by default
`jaxlings-instructors`) also get the class endpoints. All state that matters is in the
database, so several replicas can share one PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import secrets
import signal
import time
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlparse

from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from .. import identity

log = logging.getLogger("jaxlings")

DEFAULT_GROUP = "jaxlings-instructors"


class Roles:
    """Who teaches: the members of one hub group, asked of the hub with the service's token
    and remembered for `ttl_s` (a replica keeps nothing else)."""

    def __init__(self, group: str, api_url: str, token: str, ttl_s: float = 30.0):
        self.group = group
        self.api_url = api_url.rstrip("/")
        self.token = token
        self.ttl_s = ttl_s
        self._members: frozenset[str] = frozenset()
        self._fetched = 0.0

    async def members(self) -> frozenset[str]:
        if time.monotonic() - self._fetched < self.ttl_s:
            return self._members
        req = HTTPRequest(
            f"{self.api_url}/groups/{quote(self.group, safe='')}",
            headers={"Authorization": f"token {self.token}"},
            request_timeout=10,
        )
        resp = await AsyncHTTPClient().fetch(req, raise_error=False)
        if resp.code == 200:
            self._members = frozenset(json.loads(resp.body).get("users", []))
            self._fetched = time.monotonic()
        elif resp.code == 404:  # no such group yet: nobody teaches
            self._members, self._fetched = frozenset(), time.monotonic()
        else:
            log.warning(
                "jaxlings: could not read the hub group %r (HTTP %s); does the service's role "
                "have the scope read:groups!group=%s?",
                self.group,
                resp.code,
                self.group,
            )
        return self._members

    async def is_instructor(self, model: dict[str, Any]) -> bool:
        if "groups" in model:  # the token may carry the user's groups itself
            return self.group in model["groups"]
        return model["name"] in await self.members()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        help="progress database: postgresql+psycopg://user@host/db or a SQLite file "
        "(default: $JAXLINGS_DATABASE_URL, else <data dir>/progress.sqlite)",
    )
    p.add_argument("--data-dir", help="caches and worker logs (default: $JAXLINGS_DATA_DIR, …)")
    p.add_argument("--problems", help="problem bank folder (default: the bank shipped)")
    p.add_argument(
        "--url",
        help="where to listen, e.g. http://0.0.0.0:10101 (default: $JUPYTERHUB_SERVICE_URL); "
        "replicas behind one URL each take their own",
    )
    p.add_argument(
        "--instructors-group",
        default=os.environ.get("JAXLINGS_INSTRUCTORS_GROUP", DEFAULT_GROUP),
        help=f"hub group whose members see the class (default {DEFAULT_GROUP})",
    )
    p.add_argument(
        "--checks-per-minute",
        type=int,
        default=int(os.environ.get("JAXLINGS_CHECKS_PER_MINUTE", "20")),
        help="each learner's most Checks in 60 s; 0 = no limit (default 20)",
    )
    p.add_argument("--workers", type=int, default=4, help="most worker processes (default 4)")
    p.add_argument("--spare", type=int, default=2, help="warm workers kept ready (default 2)")
    p.add_argument(
        "--solution-after-failed", type=int, default=3, help="failed checks that unlock it"
    )
    p.add_argument("--time-limit", type=float, default=0.0, help="if > 0, every problem's limit")
    p.add_argument("--no-sandbox", action="store_true", help="run workers without the jail")
    p.add_argument(
        "--no-share-workers",
        action="store_true",
        default=os.environ.get("JAXLINGS_SHARE_WORKERS", "1") == "0",
        help="never hand a used worker to another learner (README: Reuse and users at class scale)",
    )
    p.add_argument("--pid-file", help="write the service's process id here")


def serve(args: argparse.Namespace) -> int:
    """Run the service until SIGTERM/SIGINT (JupyterHub stops its managed services so)."""
    try:
        from jupyterhub.services.auth import HubOAuth
    except ImportError:
        log.error("jaxlings service needs JupyterHub: pip install 'jaxlings[classroom]'")
        return 2
    from ..service import JaxlingsService
    from .app import make_app

    logging.basicConfig(level=logging.INFO, format="[jaxlings %(asctime)s] %(message)s")
    url = urlparse(args.url or os.environ.get("JUPYTERHUB_SERVICE_URL") or "http://127.0.0.1:10101")
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/jaxlings/")
    if not prefix.endswith("/"):
        prefix += "/"
    token = os.environ.get("JUPYTERHUB_API_TOKEN", "")
    api_url = os.environ.get("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")
    data_dir = identity.data_dir(args.data_dir)
    service = JaxlingsService(
        data_dir=data_dir,
        problems_dir=Path(args.problems) if args.problems else None,
        db_path=identity.database(data_dir, args.db),
        max_workers=args.workers,
        spare_workers=args.spare,
        solution_after_failed=args.solution_after_failed,
        time_limit_override=args.time_limit or None,
        sandbox=not args.no_sandbox,
        checks_per_minute=args.checks_per_minute,
        share_workers=not args.no_share_workers,
    )
    service.start()
    secret = os.environ.get("JAXLINGS_COOKIE_SECRET")  # replicas share it: any one ends a login
    # the callback handler finds the instance, the API handlers get it from the app's settings
    hub_auth = HubOAuth.instance(api_token=token, api_url=api_url, cache_max_age=60)
    app = make_app(
        service,
        prefix,
        Roles(args.instructors_group, api_url, token),
        hub_auth,
        bytes.fromhex(secret) if secret else secrets.token_bytes(32),
    )
    host, port = url.hostname or "127.0.0.1", url.port or 80

    if args.pid_file:
        Path(args.pid_file).write_text(str(os.getpid()))

    async def run() -> None:
        server = app.listen(port, host, xheaders=True)
        log.info(
            "jaxlings service: %d problems at %s%s, progress in %r, instructors: hub group %r, "
            "%s checks a minute per learner",
            len(service.bank),
            f"{url.scheme}://{url.netloc}",
            prefix,
            service.progress,
            args.instructors_group,
            args.checks_per_minute or "unlimited",
        )
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        server.stop()

    try:
        asyncio.run(run())
    finally:
        service.close()
    log.info("jaxlings service: stopped")
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="jaxlings service")
    add_arguments(p)
    return serve(p.parse_args(argv))
