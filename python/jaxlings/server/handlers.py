"""The server extension's face: the shared REST verbs on jupyter_server's APIHandler (local
mode), or one handler that forwards them to the classroom service (client mode)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, cast

import tornado.web
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from .. import identity
from ..rest import IDEMPOTENCY_HEADER, routes
from ..service import JaxlingsService

if TYPE_CHECKING:
    from . import Jaxlings


class LocalFace(APIHandler):
    """The user is the Jupyter user or the OS user (identity.jupyter_user); nobody teaches."""

    def initialize(self, service: JaxlingsService, settings: Jaxlings) -> None:
        self.service = service
        self.jaxlings_settings = settings

    @property
    def user(self) -> str:
        # the trait is an Enum of exactly these values
        source = cast(identity.UserSource, self.jaxlings_settings.user_source)
        return identity.jupyter_user(self, source)

    async def is_instructor(self) -> bool:
        return False  # a single-user server has one learner; the class is the service's


def setup_handlers(
    web_app: tornado.web.Application, service: JaxlingsService, settings: Jaxlings
) -> None:
    base = url_path_join(web_app.settings["base_url"], "jaxlings", "api") + "/"
    web_app.add_handlers(".*$", routes(base, LocalFace, service=service, settings=settings))


# ---------------------------------------------------------------- client mode

FORWARDED_HEADERS = ("Content-Type", "Retry-After")
UNREACHABLE = (
    "The class's jaxlings service cannot be reached right now, so nothing was checked or "
    "saved; try again in a moment, and tell your instructor if this persists."
)


class ForwardHandler(APIHandler):
    """Sends the learner's REST call on to the classroom service with this server's hub token
    (its owner's identity); the service decides everything and keeps every record."""

    def initialize(self, service_url: str, token: str, timeout_s: float) -> None:
        self.service_url = service_url
        self.hub_token = token
        self.timeout_s = timeout_s

    async def _forward(self, path: str) -> None:
        method = self.request.method or "GET"
        headers = {"Authorization": f"token {self.hub_token}", "Accept": "application/json"}
        if method == "POST":
            headers["Content-Type"] = "application/json"
            # one key per Check press: a retry below (or the browser's) is recorded once
            headers[IDEMPOTENCY_HEADER] = self.request.headers.get(
                IDEMPOTENCY_HEADER, uuid.uuid4().hex
            )
        url = self.service_url + "api/" + path
        if self.request.query:
            url += "?" + self.request.query
        req = HTTPRequest(
            url,
            method=method,
            headers=headers,
            body=self.request.body if method == "POST" else None,
            request_timeout=self.timeout_s,
            follow_redirects=False,
        )
        client = AsyncHTTPClient()
        resp: Any = None
        for _ in range(2):  # one retry when the service was not reached (a replica restarting)
            resp = await client.fetch(req, raise_error=False)
            if resp.code != 599:
                break
        if resp.code == 599:
            self.log.warning("jaxlings: the classroom service at %s: %s", url, resp.error)
            self.set_status(503)
            self.finish({"message": UNREACHABLE})
            return
        self.set_status(resp.code)
        for name in FORWARDED_HEADERS:
            if name in resp.headers:
                self.set_header(name, resp.headers[name])
        self.finish(resp.body)

    @tornado.web.authenticated
    async def get(self, path: str) -> None:
        await self._forward(path)

    @tornado.web.authenticated
    async def post(self, path: str) -> None:
        await self._forward(path)


def setup_forwarding(
    web_app: tornado.web.Application, service_url: str, token: str, timeout_s: float
) -> None:
    base = url_path_join(web_app.settings["base_url"], "jaxlings", "api")
    kwargs = {"service_url": service_url, "token": token, "timeout_s": timeout_s}
    web_app.add_handlers(".*$", [(base + "/(.*)", ForwardHandler, kwargs)])
