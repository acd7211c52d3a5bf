"""The jupyter-server extension: configuration and route wiring, in local or client mode.

Local mode (the default) serves the bank with its own worker pool and progress database. On a
JupyterHub with a classroom service, client mode forwards every call to that service.
"""

from __future__ import annotations

import atexit
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from traitlets import Bool, Enum, Float, Int, Unicode
from traitlets.config import Configurable

from .. import identity
from ..service import JaxlingsService

if TYPE_CHECKING:
    from jupyter_server.serverapp import ServerApp


class Jaxlings(Configurable):
    """Settings read from Jupyter config as `c.Jaxlings.<name>`."""

    problems_dir = Unicode(
        "", config=True, help="Problem bank folder (default: the bank shipped with jaxlings)."
    )
    data_dir = Unicode(
        "",
        config=True,
        help="Where progress, caches and worker logs live (default: $JAXLINGS_DATA_DIR, "
        "else <jupyter data dir>/jaxlings).",
    )
    db_path = Unicode(
        "",
        config=True,
        help="Progress database: a SQLAlchemy URL (postgresql+psycopg://…) or a SQLite file "
        "(default: $JAXLINGS_DATABASE_URL, else <data_dir>/progress.sqlite).",
    )
    pool_size = Int(3, config=True, help="Most worker processes alive at once.")
    spare_workers = Int(1, config=True, help="Fresh workers kept warm for the next check.")
    solution_after_failed_attempts = Int(
        3, config=True, help="Failed checks that unlock the solution."
    )
    time_limit_s_override = Float(
        0.0, config=True, help="If > 0, replaces every problem's time limit."
    )
    sandbox = Bool(
        True,
        config=True,
        help="Run workers in the bubblewrap jail (own namespaces, read-only runtime, no data) "
        "when the OS allows it.",
    )
    checks_per_minute = Int(0, config=True, help="If > 0, each user's most Checks in 60 s.")
    user_source = Enum(
        ["auto", "identity", "os"],
        default_value="auto",
        config=True,
        help="Whose progress a request touches: 'identity' = the Jupyter user, 'os' = the OS "
        "user running the server, 'auto' = the Jupyter user when an identity provider "
        "other than the built-in token/password one authenticated it (JupyterHub).",
    )
    mode = Enum(
        ["auto", "local", "client"],
        default_value="auto",
        config=True,
        help="'local' serves the bank here; 'client' forwards every call to the classroom "
        "service (service_url) with this server's JupyterHub token; 'auto' is client mode "
        "when running under JupyterHub with a service URL set, else local.",
    )
    service_url = Unicode(
        "",
        config=True,
        help="The classroom service, e.g. http://127.0.0.1:8000/services/jaxlings/ "
        "(default: $JAXLINGS_SERVICE_URL).",
    )
    service_timeout_s = Float(
        120.0, config=True, help="How long a forwarded call may take (a Check waits for a worker)."
    )


def _client_mode(settings: Jaxlings) -> str | None:
    """The service URL to forward to, or None for local mode."""
    if settings.mode == "local":
        return None
    url = identity.service_url(settings.service_url or None)
    if settings.mode == "client" and url is None:
        raise RuntimeError(
            "c.Jaxlings.mode is 'client' but there is no service to forward to: set "
            "c.Jaxlings.service_url (or $JAXLINGS_SERVICE_URL) and run under JupyterHub "
            "(JUPYTERHUB_API_TOKEN)."
        )
    return url


def _load_jupyter_server_extension(serverapp: ServerApp) -> None:
    from .handlers import setup_forwarding, setup_handlers

    settings = Jaxlings(config=serverapp.config, parent=serverapp)
    jlog = logging.getLogger("jaxlings")
    # jaxlings' own messages (an unsaved attempt, a broken problem) go to the server's log
    jlog.handlers, jlog.propagate = list(serverapp.log.handlers), False
    jlog.setLevel(serverapp.log.level)

    url = _client_mode(settings)
    if url is not None:
        setup_forwarding(
            serverapp.web_app, url, os.environ["JUPYTERHUB_API_TOKEN"], settings.service_timeout_s
        )
        serverapp.log.info("jaxlings: client mode, forwarding to the classroom service at %s", url)
        return

    data_dir = identity.data_dir(settings.data_dir or None)
    service = JaxlingsService(
        data_dir=data_dir,
        problems_dir=Path(settings.problems_dir) if settings.problems_dir else None,
        db_path=identity.database(data_dir, settings.db_path or None),
        max_workers=settings.pool_size,
        spare_workers=settings.spare_workers,
        solution_after_failed=settings.solution_after_failed_attempts,
        time_limit_override=settings.time_limit_s_override or None,
        sandbox=settings.sandbox,
        checks_per_minute=settings.checks_per_minute,
    )
    service.start()
    atexit.register(service.close)
    serverapp.web_app.settings["jaxlings_service"] = service
    setup_handlers(serverapp.web_app, service, settings)
    serverapp.log.info(
        "jaxlings: %d problems, data in %s, progress in %r, workers %s",
        len(service.bank),
        data_dir,
        service.progress,
        service.pool.isolation.tool or f"NOT jailed: {service.pool.isolation.note}",
    )
