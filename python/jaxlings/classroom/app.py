"""The classroom service's Tornado app: the shared REST verbs on JupyterHub's HubOAuthenticated,
the OAuth callback, and a page for browsers."""

from __future__ import annotations

import asyncio
import html
import json
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


class IndexHandler(ServiceFace):
    """The service's page in a browser: who you are and, for instructors, the class."""

    @tornado.web.authenticated
    async def get(self) -> None:
        name = html.escape(self.current_user["name"])
        if not await self.is_instructor():
            mine = await asyncio.get_running_loop().run_in_executor(
                None, self.service.progress_of, self.user
            )
            self.finish(
                PAGE.format(
                    title="jaxlings",
                    body=f"<p>Signed in as <b>{name}</b> (learner): {mine['solved']} of "
                    f"{mine['total']} problems solved. Open JupyterLab to work on them.</p>",
                )
            )
            return
        data = await asyncio.get_running_loop().run_in_executor(None, self.service.class_progress)
        head = "".join(
            f"<th title='{html.escape(p['title'])}'>{html.escape(p['id'])}</th>"
            for p in data["problems"]
            if any(p["id"] in lr["problems"] for lr in data["learners"])
        )
        shown = [
            p["id"]
            for p in data["problems"]
            if any(p["id"] in lr["problems"] for lr in data["learners"])
        ]
        rows = []
        for lr in data["learners"]:
            cells = []
            for pid in shown:
                cell = lr["problems"].get(pid)
                if cell is None:
                    cells.append("<td class='new'>·</td>")
                else:
                    cells.append(
                        f"<td class='{cell['status']}'>{'✓' if cell['status'] == 'solved' else '✗'}"
                        f" {cell['attempts']}</td>"
                    )
            rows.append(
                f"<tr><th>{html.escape(lr['user'])}</th><td>{lr['solved']}</td>"
                f"<td>{lr['attempts']}</td>{''.join(cells)}</tr>"
            )
        table = (
            f"<table><tr><th>learner</th><th>solved</th><th>attempts</th>{head}</tr>"
            + "".join(rows)
            + "</table>"
            if rows
            else "<p>No learner has checked a problem yet.</p>"
        )
        self.finish(
            PAGE.format(
                title="jaxlings — class progress",
                body=f"<p>Signed in as <b>{name}</b> (instructor). {len(data['learners'])} "
                f"learners, {data['total']} problems. Cells: ✓ solved / ✗ attempted, then "
                f"the number of checks.</p>{table}",
            )
        )


class HealthHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        self.finish({"ok": True})


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title><style>
body {{ font: 14px system-ui, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: 4px 8px; }}
td.solved {{ background: #d4f4d4; }} td.attempted {{ background: #fbe6c2; }}
</style></head><body><h1>{title}</h1>{body}</body></html>"""


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
        (prefix + "?", IndexHandler, kwargs),
    ]
    handlers = routes(prefix + "api/", ServiceFace, **kwargs) + pages
    return tornado.web.Application(
        handlers, hub_auth=hub_auth, cookie_secret=cookie_secret, xsrf_cookies=False
    )
