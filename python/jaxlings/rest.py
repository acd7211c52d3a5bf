"""The REST verbs, written once: each face (server extension, classroom service) mixes them with
its own Tornado base class, which says who the user is and whether they teach the class.

A face provides `service` (the Jaxlings calls), `user` (the user key, from `identity`) and
`is_instructor()`; everything else here is the same HTTP ⇄ service translation for all faces.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional

import tornado.web

from .checker import MAX_CODE_BYTES
from .dashboard import ATTEMPT_COLUMNS, PROGRESS_COLUMNS, to_csv
from .service import JaxlingsService, Refusal

# checks block on a worker; they wait in these threads, never on the event loop, and cheap
# calls (lists, hints, progress) have threads of their own, so they never queue behind Checks
_CHECKS = ThreadPoolExecutor(max_workers=64, thread_name_prefix="jaxlings-check")
_CHEAP = ThreadPoolExecutor(max_workers=8, thread_name_prefix="jaxlings-api")
# the most a Check's body may be: the code limit in JSON's worst escaping (6 bytes a character), plus slack
MAX_BODY_BYTES = 6 * MAX_CODE_BYTES + 64 * 1024  # JSON escapes, and the cells of `context`
DISCARD_BYTES = 16 * 1024 * 1024  # larger bodies are not read at all
TOO_LARGE = f"The code is larger than {MAX_CODE_BYTES // 1024} KiB; submit just the cell with your function."

IDEMPOTENCY_HEADER = "Idempotency-Key"


class Verbs:
    """What every verb needs from its face, and the JSON plumbing they share."""

    # provided by the face (declared here, defined there: a default here would shadow it)
    service: JaxlingsService
    user: str
    is_instructor: Callable[[], Any]  # async () -> bool

    def refuse(self, status: int, message: str, retry_after: Optional[int] = None) -> None:
        self.set_status(status)  # type: ignore[attr-defined]
        if retry_after is not None:
            self.set_header("Retry-After", str(retry_after))  # type: ignore[attr-defined]
        self.set_header("Content-Type", "application/json")  # type: ignore[attr-defined]
        self.finish(json.dumps({"message": message}))  # type: ignore[attr-defined]

    async def call(
        self, fn: Callable[..., object], *args: Any, executor: ThreadPoolExecutor = _CHEAP
    ) -> None:
        try:
            result = await asyncio.get_running_loop().run_in_executor(executor, fn, *args)
        except Refusal as exc:
            return self.refuse(exc.status, exc.message, exc.retry_after)
        self.set_header("Content-Type", "application/json")  # type: ignore[attr-defined]
        self.finish(json.dumps(result))  # type: ignore[attr-defined]

    def json_body(self, raw: Optional[bytes] = None) -> Any:
        try:
            body = self.request.body if raw is None else raw  # type: ignore[attr-defined]
            text = body.decode("utf-8")
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
    """POST problems/{id}/check: the body is streamed and nothing past MAX_BODY_BYTES is kept; a
    body declared (or found) larger than DISCARD_BYTES is refused without reading the rest (the
    connection closes), while one up to that size is read and dropped so that the client, which
    sends before it reads, gets the 413 sentence."""

    # what @tornado.web.stream_request_body sets; the decorator only takes a RequestHandler, and
    # this class becomes one when mixed with a face
    _stream_request_body = True

    async def prepare(self) -> None:
        pending = super().prepare()  # type: ignore[misc]
        if pending is not None:  # jupyter_server's prepare is async, a plain RequestHandler's not
            await pending
        self._chunks: list[bytes] = []
        self._size = 0
        if self._finished:  # type: ignore[attr-defined]
            return
        self.request.connection.set_max_body_size(DISCARD_BYTES)  # type: ignore[attr-defined]
        declared = self.request.headers.get("Content-Length")  # type: ignore[attr-defined]
        if declared and declared.isdigit() and int(declared) > DISCARD_BYTES:
            self.set_header("Connection", "close")  # type: ignore[attr-defined]
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
        key = self.request.headers.get(IDEMPOTENCY_HEADER)  # type: ignore[attr-defined]
        await self.call(
            self._check,
            self.user,
            problem_id,
            body.get("code"),
            key,
            body.get("context"),
            executor=_CHECKS,
        )

    def _check(
        self, user: str, problem_id: str, code: Any, key: Optional[str], context: Any
    ) -> object:
        return self.service.check(user, problem_id, code, key=key, context=context)

    @tornado.web.authenticated
    async def delete(self, problem_id: str) -> None:
        await self.call(self.service.cancel, self.user, problem_id)


class HintVerbs(Verbs):
    @tornado.web.authenticated
    async def post(self, problem_id: str) -> None:
        await self.call(self.service.next_hint, self.user, problem_id)


class SolutionVerbs(Verbs):
    @tornado.web.authenticated
    async def get(self, problem_id: str) -> None:
        await self.call(self.service.solution, self.user, problem_id)


class AttemptsVerbs(Verbs):
    @tornado.web.authenticated
    async def get(self, problem_id: str) -> None:
        await self.call(self.service.attempts, self.user, problem_id)


class ProgressVerbs(Verbs):
    @tornado.web.authenticated
    async def get(self) -> None:
        await self.call(self.service.progress_of, self.user)


CLASS_ONLY = "Only the class's instructors can see the class's progress."


class ClassVerbs(Verbs):
    """The instructors' class endpoints: learners get 403 with a sentence."""

    refusal = CLASS_ONLY

    async def instructor(self) -> bool:
        if await self.is_instructor():
            return True
        self.refuse(403, self.refusal)
        return False


class ClassProgressVerbs(ClassVerbs):
    """Every learner's progress: instructors only."""

    @tornado.web.authenticated
    async def get(self) -> None:
        if await self.instructor():
            await self.call(self.service.class_progress)


class ClassOverviewVerbs(ClassVerbs):
    @tornado.web.authenticated
    async def get(self) -> None:
        if await self.instructor():
            await self.call(self.service.class_overview)


class ClassMatrixVerbs(ClassVerbs):
    @tornado.web.authenticated
    async def get(self) -> None:
        if await self.instructor():
            await self.call(self.service.class_matrix)


class ClassProblemVerbs(ClassVerbs):
    @tornado.web.authenticated
    async def get(self, problem_id: str) -> None:
        if await self.instructor():
            await self.call(self.service.class_problem, problem_id)


class ClassActivityVerbs(ClassVerbs):
    @tornado.web.authenticated
    async def get(self) -> None:
        if await self.instructor():
            bucket = self.get_argument("bucket_s", None)  # type: ignore[attr-defined]
            await self.call(self.service.class_activity, bucket)


class ClassLearnerVerbs(ClassVerbs):
    @tornado.web.authenticated
    async def get(self, user: str) -> None:
        if await self.instructor():
            await self.call(self.service.class_learner, user)


class ClassLatestVerbs(ClassVerbs):
    """A learner's latest code for a problem, read-only: learners' code is for instructors."""

    refusal = "Only the class's instructors can read learners' code."

    @tornado.web.authenticated
    async def get(self, user: str, problem_id: str) -> None:
        if await self.instructor():
            await self.call(self.service.class_latest, user, problem_id)


class ClassExportVerbs(ClassVerbs):
    """A CSV download (or `?format=json`, the same rows); `?anonymize=1` names by pseudonym."""

    name = ""  # the download's file name: jaxlings-{name}.csv
    columns: list[str] = []
    source = ""  # the service's method that yields the rows

    def rows(self, anonymize: bool) -> list[Any]:
        return list(getattr(self.service, self.source)(anonymize))

    @tornado.web.authenticated
    async def get(self) -> None:
        if not await self.instructor():
            return
        anonymize = self.get_argument("anonymize", "0") not in ("0", "", "false", "no")  # type: ignore[attr-defined]
        fmt = self.get_argument("format", "csv")  # type: ignore[attr-defined]
        if fmt not in ("csv", "json"):
            return self.refuse(400, "format must be csv or json.")
        if fmt == "json":
            return await self.call(self.rows, anonymize)
        try:
            rows = await asyncio.get_running_loop().run_in_executor(_CHEAP, self.rows, anonymize)
        except Refusal as exc:
            return self.refuse(exc.status, exc.message)
        self.set_header("Content-Type", "text/csv; charset=utf-8")  # type: ignore[attr-defined]
        self.set_header(  # type: ignore[attr-defined]
            "Content-Disposition", f'attachment; filename="jaxlings-{self.name}.csv"'
        )
        self.finish(to_csv(rows, self.columns))  # type: ignore[attr-defined]


class ClassAttemptsVerbs(ClassExportVerbs):
    name, columns, source = "attempts", ATTEMPT_COLUMNS, "class_attempts"


class ClassProgressCsvVerbs(ClassExportVerbs):
    name, columns, source = "progress", PROGRESS_COLUMNS, "class_progress_rows"


class NotFoundVerbs(Verbs):
    @tornado.web.authenticated
    def get(self, *args: str) -> None:
        self.refuse(404, "There is no such jaxlings endpoint; see the REST API in the README.")

    post = put = delete = patch = get


PID = r"([^/]+)"
ROUTES: list[tuple[str, type[Verbs]]] = [
    (r"problems/?", ProblemsVerbs),
    (rf"problems/{PID}/?", ProblemVerbs),
    (rf"problems/{PID}/check/?", CheckVerbs),
    (rf"problems/{PID}/hints/next/?", HintVerbs),
    (rf"problems/{PID}/solution/?", SolutionVerbs),
    (rf"problems/{PID}/attempts/?", AttemptsVerbs),
    (r"progress/?", ProgressVerbs),
    (r"class/progress/?", ClassProgressVerbs),
    (r"class/overview/?", ClassOverviewVerbs),
    (r"class/matrix/?", ClassMatrixVerbs),
    (rf"class/problems/{PID}/?", ClassProblemVerbs),
    (r"class/activity/?", ClassActivityVerbs),
    (rf"class/learners/{PID}/?", ClassLearnerVerbs),
    (rf"class/learners/{PID}/problems/{PID}/latest/?", ClassLatestVerbs),
    (r"class/attempts\.csv", ClassAttemptsVerbs),
    (r"class/progress\.csv", ClassProgressCsvVerbs),
    (r".*", NotFoundVerbs),
]


def routes(api_base: str, face: type, **kwargs: Any) -> list[tuple[str, type, dict[str, Any]]]:
    """Tornado routes under `api_base` (ending in '/'): each verb mixed with the face's base."""
    out: list[tuple[str, type, dict[str, Any]]] = []
    for path, verbs in ROUTES:
        handler = type(verbs.__name__.replace("Verbs", "Handler"), (verbs, face), {})
        out.append((api_base + path, handler, kwargs))
    return out
