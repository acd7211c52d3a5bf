"""The REST verbs, written once: each face (server extension, classroom service) mixes them with
its own Tornado base class, which says who the user is and whether they teach the class.

A face provides `service` (the Jaxlings calls), `user` (the user key, from `identity`) and
`is_instructor()`; everything else here is the same HTTP ⇄ service translation for all faces.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Optional

import tornado.web

from .service import Jaxlings, Refusal

# checks block on a worker; they wait in these threads, never on the event loop
_EXECUTOR = ThreadPoolExecutor(max_workers=64, thread_name_prefix="jaxlings-check")

IDEMPOTENCY_HEADER = "Idempotency-Key"


class Verbs:
    """What every verb needs from its face, and the JSON plumbing they share."""

    # provided by the face (declared here, defined there: a default here would shadow it)
    service: Jaxlings
    user: str
    is_instructor: Callable[[], Any]  # async () -> bool

    def refuse(self, status: int, message: str, retry_after: Optional[int] = None) -> None:
        self.set_status(status)  # type: ignore[attr-defined]
        if retry_after is not None:
            self.set_header("Retry-After", str(retry_after))  # type: ignore[attr-defined]
        self.set_header("Content-Type", "application/json")  # type: ignore[attr-defined]
        self.finish(json.dumps({"message": message}))  # type: ignore[attr-defined]

    async def call(self, fn: Callable, *args: Any) -> None:
        try:
            result = await asyncio.get_running_loop().run_in_executor(_EXECUTOR, fn, *args)
        except Refusal as exc:
            return self.refuse(exc.status, exc.message, exc.retry_after)
        self.set_header("Content-Type", "application/json")  # type: ignore[attr-defined]
        self.finish(json.dumps(result))  # type: ignore[attr-defined]

    def json_body(self) -> Any:
        try:
            text = self.request.body.decode("utf-8")  # type: ignore[attr-defined]
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


class ProblemsVerbs(Verbs):
    @tornado.web.authenticated
    async def get(self) -> None:
        await self.call(self.service.list_problems, self.user)


class ProblemVerbs(Verbs):
    @tornado.web.authenticated
    async def get(self, problem_id: str) -> None:
        await self.call(self.service.detail, self.user, problem_id)


class CheckVerbs(Verbs):
    @tornado.web.authenticated
    async def post(self, problem_id: str) -> None:
        try:
            self.service.problem(problem_id)
            body = self.json_body()
            if not isinstance(body, dict):
                raise Refusal(400, 'The request body must be a JSON object: {"code": "..."}.')
        except Refusal as exc:
            return self.refuse(exc.status, exc.message)
        key = self.request.headers.get(IDEMPOTENCY_HEADER)  # type: ignore[attr-defined]
        await self.call(self._check, self.user, problem_id, body.get("code"), key)

    def _check(self, user: str, problem_id: str, code: Any, key: Optional[str]):
        return self.service.check(user, problem_id, code, key=key)


class HintVerbs(Verbs):
    @tornado.web.authenticated
    async def post(self, problem_id: str) -> None:
        await self.call(self.service.next_hint, self.user, problem_id)


class SolutionVerbs(Verbs):
    @tornado.web.authenticated
    async def get(self, problem_id: str) -> None:
        await self.call(self.service.solution, self.user, problem_id)


class ProgressVerbs(Verbs):
    @tornado.web.authenticated
    async def get(self) -> None:
        await self.call(self.service.progress_of, self.user)


class ClassProgressVerbs(Verbs):
    """Every learner's progress: instructors only."""

    @tornado.web.authenticated
    async def get(self) -> None:
        if not await self.is_instructor():
            return self.refuse(403, "Only the class's instructors can see the class's progress.")
        await self.call(self.service.class_progress)


class NotFoundVerbs(Verbs):
    @tornado.web.authenticated
    def get(self, *args) -> None:
        self.refuse(404, "There is no such jaxlings endpoint; see the REST API in the README.")

    post = put = delete = patch = get


PID = r"([^/]+)"
ROUTES: list[tuple[str, type[Verbs]]] = [
    (r"problems/?", ProblemsVerbs),
    (rf"problems/{PID}/?", ProblemVerbs),
    (rf"problems/{PID}/check/?", CheckVerbs),
    (rf"problems/{PID}/hints/next/?", HintVerbs),
    (rf"problems/{PID}/solution/?", SolutionVerbs),
    (r"progress/?", ProgressVerbs),
    (r"class/progress/?", ClassProgressVerbs),
    (r".*", NotFoundVerbs),
]


def routes(api_base: str, face: type, **kwargs: Any) -> list[tuple]:
    """Tornado routes under `api_base` (ending in '/'): each verb mixed with the face's base."""
    out = []
    for path, verbs in ROUTES:
        handler = type(verbs.__name__.replace("Verbs", "Handler"), (verbs, face), {})
        out.append((api_base + path, handler, kwargs))
    return out
