"""Thin Tornado handlers: parse the request, call the service, write JSON."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import tornado.web
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

from ..checker import MAX_CODE_BYTES
from ..service import Jaxlings as JaxlingsService
from ..service import Refusal

# checks block on a worker; they wait in these threads, never on the event loop, and cheap
# calls (lists, hints, progress) have threads of their own, so they never queue behind Checks
_CHECKS = ThreadPoolExecutor(max_workers=64, thread_name_prefix="jaxlings-check")
_CHEAP = ThreadPoolExecutor(max_workers=8, thread_name_prefix="jaxlings-api")
# the most a Check's body may be: the code limit in JSON's worst escaping (\uXXXX), plus slack
MAX_BODY_BYTES = 6 * MAX_CODE_BYTES + 4096
DISCARD_BYTES = 16 * 1024 * 1024  # larger bodies are not read at all
TOO_LARGE = f"The code is larger than {MAX_CODE_BYTES // 1024} KiB; submit just the cell with your function."


class BaseHandler(APIHandler):
    def initialize(self, service: JaxlingsService, settings) -> None:
        self.service = service
        self.jaxlings_settings = settings

    @property
    def user(self) -> str:
        from . import user_key

        return user_key(self, self.jaxlings_settings)

    def refuse(self, status: int, message: str) -> None:
        self.set_status(status)
        self.finish(json.dumps({"message": message}))

    async def call(self, fn: Callable, *args: Any, executor=_CHEAP) -> None:
        try:
            result = await asyncio.get_running_loop().run_in_executor(executor, fn, *args)
        except Refusal as exc:
            return self.refuse(exc.status, exc.message)
        self.finish(json.dumps(result))

    def json_body(self, raw: bytes | None = None) -> Any:
        try:
            text = (self.request.body if raw is None else raw).decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "The request body is not UTF-8 text.") from None
        try:
            return json.loads(text)
        except ValueError:
            raise Refusal(
                400, 'The request body is not valid JSON; send {"code": "..."}.'
            ) from None
        except RecursionError:  # [[[[…]]]] nested deeper than the parser's stack
            raise Refusal(
                400, 'The request body is JSON nested too deeply; send {"code": "..."}.'
            ) from None


class ProblemsHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self) -> None:
        await self.call(self.service.list_problems, self.user)


class ProblemHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, problem_id: str) -> None:
        await self.call(self.service.detail, self.user, problem_id)


@tornado.web.stream_request_body
class CheckHandler(BaseHandler):
    """POST problems/{id}/check: the body is streamed and nothing past MAX_BODY_BYTES is kept; a
    body declared (or found) larger than DISCARD_BYTES is refused without reading the rest (the
    connection closes), while one up to that size is read and dropped so that the client, which
    sends before it reads, gets the 413 sentence."""

    async def prepare(self) -> None:
        await super().prepare()
        self._chunks: list[bytes] = []
        self._size = 0
        if self._finished:
            return
        self.request.connection.set_max_body_size(DISCARD_BYTES)
        declared = self.request.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > DISCARD_BYTES:
            self.set_header("Connection", "close")
            self.refuse(413, TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size <= MAX_BODY_BYTES:
            self._chunks.append(chunk)
        else:
            self._chunks = []  # keep nothing of a body that is too large

    @tornado.web.authenticated
    async def post(self, problem_id: str) -> None:
        try:
            if self._size > MAX_BODY_BYTES:
                raise Refusal(413, TOO_LARGE)
            self.service.problem(problem_id)
            body = self.json_body(b"".join(self._chunks))
            if not isinstance(body, dict):
                raise Refusal(400, 'The request body must be a JSON object: {"code": "..."}.')
        except Refusal as exc:
            return self.refuse(exc.status, exc.message)
        await self.call(
            self.service.check, self.user, problem_id, body.get("code"), executor=_CHECKS
        )


class HintHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self, problem_id: str) -> None:
        await self.call(self.service.next_hint, self.user, problem_id)


class SolutionHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, problem_id: str) -> None:
        await self.call(self.service.solution, self.user, problem_id)


class ProgressHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self) -> None:
        await self.call(self.service.progress_of, self.user)


class NotFoundHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, *args) -> None:
        self.refuse(404, "There is no such jaxlings endpoint; see the REST API in the README.")

    post = put = delete = patch = get


def setup_handlers(web_app, service: JaxlingsService, settings) -> None:
    base = url_path_join(web_app.settings["base_url"], "jaxlings", "api")
    pid = r"([^/]+)"
    kwargs = {"service": service, "settings": settings}
    routes = [
        (r"/problems/?", ProblemsHandler),
        (rf"/problems/{pid}/?", ProblemHandler),
        (rf"/problems/{pid}/check/?", CheckHandler),
        (rf"/problems/{pid}/hints/next/?", HintHandler),
        (rf"/problems/{pid}/solution/?", SolutionHandler),
        (r"/progress/?", ProgressHandler),
        (r"/.*", NotFoundHandler),
    ]
    web_app.add_handlers(".*$", [(base + path, cls, kwargs) for path, cls in routes])
