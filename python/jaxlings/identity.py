"""Who the user is and where jaxlings keeps its data, decided once for every face.

The server extension, the CLI and the classroom service all ask here, so a learner's progress
is found under the same key and in the same place whichever face they used.

- data dir: the face's own setting, else `$JAXLINGS_DATA_DIR`, else `<jupyter data dir>/jaxlings`;
- database: the face's own setting (a URL or a path), else `$JAXLINGS_DATABASE_URL`, else
  `<data dir>/progress.sqlite`;
- user key: `os:<login>` for one person's own server and the CLI, `jupyter:<name>` for a Jupyter
  identity (a hub user seen by their single-user server), `hub:<name>` for the classroom service.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, Optional

ENV_DATA_DIR = "JAXLINGS_DATA_DIR"
ENV_DATABASE_URL = "JAXLINGS_DATABASE_URL"
ENV_SERVICE_URL = "JAXLINGS_SERVICE_URL"

UserSource = Literal["auto", "identity", "os"]


def data_dir(configured: Optional[str | Path] = None, env: Mapping[str, str] = os.environ) -> Path:
    """Where progress, caches and worker logs live."""
    if configured:
        return Path(configured).expanduser()
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "jaxlings"


def database(
    data: Path, configured: Optional[str | Path] = None, env: Mapping[str, str] = os.environ
) -> str:
    """The progress database: a SQLAlchemy URL or a SQLite file path."""
    if configured:
        return str(configured)
    if env.get(ENV_DATABASE_URL):
        return env[ENV_DATABASE_URL]
    return str(Path(data) / "progress.sqlite")


def os_user() -> str:
    """The person running this process: the CLI's user, and a single-user server's."""
    return f"os:{getpass.getuser()}"


def jupyter_user(handler: Any, source: UserSource = "auto") -> str:
    """The user a jupyter_server request's progress belongs to.

    'identity' = the Jupyter user; 'os' = the OS user running the server; 'auto' = the Jupyter
    user when an identity provider other than the built-in token/password one authenticated
    the request (JupyterHub's), else the OS user, so one person's CLI and Lab share progress.
    """
    from jupyter_server.auth.identity import IdentityProvider, PasswordIdentityProvider

    if source == "auto":
        builtin = type(handler.identity_provider) in (IdentityProvider, PasswordIdentityProvider)
        source = "os" if builtin else "identity"
    if source == "os":
        return os_user()
    user = handler.current_user
    name = getattr(user, "username", None) or str(user)
    return f"jupyter:{name}"


def hub_user(model: Mapping[str, Any]) -> str:
    """The key of a JupyterHub user as the classroom service sees them (HubAuth's user model)."""
    return f"hub:{model['name']}"


def display_name(key: str) -> str:
    """A user key without its source: what an instructor reads."""
    return key.split(":", 1)[1] if ":" in key else key


def service_url(
    configured: Optional[str] = None, env: Mapping[str, str] = os.environ
) -> Optional[str]:
    """The classroom service a single-user server forwards to, or None to serve locally.

    Client mode needs a hub token to forward with (`JUPYTERHUB_API_TOKEN`, set by the hub's
    spawner) and the service's URL: the setting, else `$JAXLINGS_SERVICE_URL`.
    """
    url = configured or env.get(ENV_SERVICE_URL)
    if not url or not env.get("JUPYTERHUB_API_TOKEN"):
        return None
    return url if url.endswith("/") else url + "/"
