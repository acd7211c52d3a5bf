"""The classroom service's Tornado app: the shared REST verbs on JupyterHub's HubOAuthenticated,
the OAuth callback, and a page for browsers."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import tornado.web
from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated

from .. import identity
from ..rest import routes
from ..service import JaxlingsService
from . import Roles


class ServiceFace(HubOAuthenticated, tornado.web.RequestHandler):  # type: ignore[misc]
    """The user is the hub user of the token or OAuth cookie; roles come from a hub group."""

    def initialize(self, service: JaxlingsService, roles: Roles) -> None:
        self.service = service
        self.roles = roles
        self.hub_auth = self.settings["hub_auth"]

    @property
    def user(self) -> str:
        return identity.hub_user(self.current_user)

    async def is_instructor(self) -> bool:
        return await self.roles.is_instructor(self.current_user)

    def get_login_url(self) -> str:
        if "/api/" in self.request.path:  # a script or a single-user server: no login page
            raise tornado.web.HTTPError(
                403,
                reason="This needs a JupyterHub token with access to the jaxlings service",
            )
        return super().get_login_url()

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "application/json")
        reason = self._reason
        if status_code == 403:
            reason = (
                "This needs a JupyterHub token with the scope access:services!service=jaxlings."
            )
        self.finish(json.dumps({"message": reason}))


STATIC = Path(__file__).with_name("static")  # the dashboard bundle (packages/dashboard)


class IndexHandler(ServiceFace):
    """The service's page in a browser: the class dashboard, for instructors only."""

    @tornado.web.authenticated
    async def get(self) -> None:
        name = html.escape(self.current_user["name"])
        if not await self.is_instructor():
            self.set_status(403)
            self.finish(
                REFUSED.format(
                    name=name,
                    group=html.escape(self.roles.group),
                )
            )
            return
        theme = self.get_argument("theme", "")
        prefix = html.escape(self.settings["service_prefix"])
        self.finish(
            DASHBOARD.format(
                theme=f' data-theme="{theme}"' if theme in ("light", "dark") else "",
                prefix=prefix,
                name=name,
                # the hub accepts a script's cookie-authenticated call only with this token
                xsrf=html.escape(self.xsrf_token.decode()),
                version=_bundle_version(),
            )
        )


def _bundle_version() -> str:
    """The bundle's modification time: a rebuilt bundle is fetched anew, not from a cache."""
    try:
        return str(int((STATIC / "dashboard.js").stat().st_mtime))
    except OSError:
        return "0"


class HealthHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        self.finish({"ok": True})


DASHBOARD = """<!doctype html><html lang="en"{theme}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jaxlings — class dashboard</title>
<link rel="stylesheet" href="{prefix}static/dashboard.css?v={version}"></head>
<body><main id="dashboard" data-api="{prefix}api/" data-user="{name}"
data-xsrf="{xsrf}">
<h1>jaxlings — class dashboard</h1><p>Loading the class…</p></main>
<script type="module" src="{prefix}static/dashboard.js?v={version}"></script></body></html>"""

REFUSED = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jaxlings — for instructors only</title><style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 3em auto; max-width: 40em; padding: 0 1em; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #111; color: #e8e8e8; }} }}
</style></head><body><main><h1>For the class’s instructors only</h1>
<p>You are signed in as <b>{name}</b>, who is not in the hub group <code>{group}</code>, so
this class dashboard is not yours to see. Your own problems and progress are in your
JupyterLab.</p></main></body></html>"""


def make_app(
    service: JaxlingsService,
    prefix: str,
    roles: Roles,
    hub_auth: Any,
    cookie_secret: bytes,
) -> tornado.web.Application:
    kwargs: dict[str, Any] = {"service": service, "roles": roles}
    pages: list[tuple[str, Any] | tuple[str, Any, dict[str, Any]]] = [
        (prefix + "oauth_callback", HubOAuthCallbackHandler),
        (prefix + "health", HealthHandler),
        (prefix + r"static/(.*)", tornado.web.StaticFileHandler, {"path": str(STATIC)}),
        (prefix + "?", IndexHandler, kwargs),
    ]
    handlers = routes(prefix + "api/", ServiceFace, **kwargs) + pages
    return tornado.web.Application(
        handlers,
        hub_auth=hub_auth,
        cookie_secret=cookie_secret,
        xsrf_cookies=False,
        service_prefix=prefix,
    )
