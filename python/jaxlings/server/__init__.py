"""The jupyter-server extension: configuration, the user's identity, and route wiring."""

from __future__ import annotations

import atexit
import getpass
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from jupyter_core.paths import jupyter_data_dir
from traitlets import Bool, Enum, Float, Int, Unicode
from traitlets.config import Configurable

from ..service import JaxlingsService

if TYPE_CHECKING:
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.serverapp import ServerApp


class Jaxlings(Configurable):
    """Settings read from Jupyter config as `c.Jaxlings.<name>`."""

    problems_dir = Unicode(
        "", config=True, help="Problem bank folder (default: the bank shipped with jaxlings)."
    )
    data_dir = Unicode(
        "",
        config=True,
        help="Where progress, caches and worker logs live (default: <jupyter data dir>/jaxlings).",
    )
    db_path = Unicode(
        "", config=True, help="Progress database (default: <data_dir>/progress.sqlite)."
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
    user_source = Enum(
        ["auto", "identity", "os"],
        default_value="auto",
        config=True,
        help="Whose progress a request touches: 'identity' = the Jupyter user, 'os' = the OS "
        "user running the server, 'auto' = the Jupyter user when an identity provider "
        "other than the built-in token/password one authenticated it (JupyterHub).",
    )


def user_key(handler: JupyterHandler, settings: Jaxlings) -> str:
    """The user a request's progress belongs to (see Jaxlings.user_source)."""
    from jupyter_server.auth.identity import IdentityProvider, PasswordIdentityProvider

    source = settings.user_source
    if source == "auto":
        builtin = type(handler.identity_provider) in (IdentityProvider, PasswordIdentityProvider)
        source = "os" if builtin else "identity"
    if source == "os":
        return f"os:{getpass.getuser()}"
    user = handler.current_user
    name = getattr(user, "username", None) or str(user)
    return f"jupyter:{name}"


def _load_jupyter_server_extension(serverapp: ServerApp) -> None:
    from .handlers import setup_handlers

    settings = Jaxlings(config=serverapp.config, parent=serverapp)
    data_dir = Path(settings.data_dir or Path(jupyter_data_dir()) / "jaxlings")
    service = JaxlingsService(
        data_dir=data_dir,
        problems_dir=Path(settings.problems_dir) if settings.problems_dir else None,
        db_path=Path(settings.db_path) if settings.db_path else None,
        max_workers=settings.pool_size,
        spare_workers=settings.spare_workers,
        solution_after_failed=settings.solution_after_failed_attempts,
        time_limit_override=settings.time_limit_s_override or None,
        sandbox=settings.sandbox,
    )
    service.start()
    atexit.register(service.close)
    # jaxlings' own messages (an unsaved attempt, a broken problem) go to the server's log
    jlog = logging.getLogger("jaxlings")
    jlog.handlers, jlog.propagate = list(serverapp.log.handlers), False
    jlog.setLevel(serverapp.log.level)
    serverapp.web_app.settings["jaxlings_service"] = service
    setup_handlers(serverapp.web_app, service, settings)
    serverapp.log.info(
        "jaxlings: %d problems, data in %s, workers %s",
        len(service.bank),
        data_dir,
        service.pool.isolation.tool or f"NOT jailed: {service.pool.isolation.note}",
    )
