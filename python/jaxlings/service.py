"""JaxlingsService: the bank, the pool, the checker, progress and gating behind one set of calls.

The server's handlers and the CLI call these methods; each returns the JSON shapes of
api.py or raises a `Refusal` carrying an HTTP-like status and a sentence.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from pathlib import Path
from typing import Any, Optional, cast

from .api import (
    ActivityMark,
    Attempt,
    AttemptHistory,
    AttemptRow,
    CancelReply,
    CheckReport,
    CheckResult,
    ClassActivity,
    ClassLearnerDetail,
    ClassMatrix,
    ClassOverview,
    ClassProblemDetail,
    HintReveal,
    HintsInfo,
    Isolation,
    ProblemDetail,
    ProblemSummary,
    Progress,
    ProgressRow,
    Solution,
    SprintProgress,
    Status,
    Submission,
    Verdict,
)
from .bank import Bank, Problem
from .checker import (
    MAX_CODE_BYTES,
    Cancelled,
    Checker,
    ProblemError,
    RecentProblems,
    is_starter,
)
from .context import EarlierCell
from .dashboard import ClassDashboard, NotFound, bucket_of
from .gating import HintPolicy
from .harness.pool import PER_USER_IN_FLIGHT, Busy, WorkerPool
from .identity import display_name
from .pitfalls import Pitfalls, failure_names
from .progress import History, ProgressStore, ProgressUnavailable

# what a client may send as an Idempotency-Key: a UUID or similar token, not arbitrary text
KEY_RE = re.compile(r"^[A-Za-z0-9_.:-]{8,128}$")
RATE_WINDOW_S = 60.0
ACTIVITY_DAYS = 60  # how far back the progress overview's chart and streak look
ACTIVITY_LIMIT = 2000  # the most attempts it sends

log = logging.getLogger("jaxlings")


# a class's workers keep compiled programs while together they use at most this much memory
# (PSS), and each serves this many Checks before it is replaced
CLASS_WORKERS_MEMORY_MB = 2560
CLASS_JOBS_PER_WORKER = 1000


class Refusal(Exception):
    def __init__(self, status: int, message: str, retry_after: Optional[int] = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after  # seconds, sent as Retry-After with a 429 or 503


class JaxlingsService:
    """The one service every face calls: the server extension's handlers, the CLI, the tests."""

    def __init__(
        self,
        data_dir: Path,
        problems_dir: Optional[Path] = None,
        db_path: Optional[str | Path] = None,
        max_workers: int = 3,
        spare_workers: int = 1,
        solution_after_failed: int = 3,
        time_limit_override: Optional[float] = None,
        sandbox: bool = True,
        checks_per_minute: int = 0,
        share_workers: bool = False,
    ):
        """`db_path` is a SQLAlchemy URL or a SQLite file (default: <data_dir>/progress.sqlite);
        `checks_per_minute` > 0 limits each user's recorded Checks in any 60 s; `share_workers`
        lets a used worker that was left clean serve another user (the classroom service)."""
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.bank = Bank(problems_dir)
        for err in self.bank.errors:
            log.warning("jaxlings: skipping %s", err)
        self.progress = ProgressStore(db_path or self.data_dir / "progress.sqlite")
        self.checks_per_minute = checks_per_minute
        self.policy = HintPolicy(solution_after_failed)
        recent = RecentProblems()  # the checker fills it, the pool warms fresh workers from it
        self.pool = WorkerPool(
            max_workers=max_workers,
            spare=spare_workers,
            compile_cache_dir=self.data_dir / "xla-cache",
            log_path=self.data_dir / "workers.log",
            sandbox=sandbox,
            # sharing, a problem is compiled where its Checks go, not in every new worker
            warm_jobs=None if share_workers else recent.warm_jobs,
            share_workers=share_workers,
            # a class's Checks go to workers warm for their problem, so each worker holds the
            # compiled programs of its share of the problems: let them (README, "Workers at
            # class scale"); one learner's workers clear theirs sooner
            memory_budget_mb=CLASS_WORKERS_MEMORY_MB if share_workers else None,
            max_jobs_per_worker=CLASS_JOBS_PER_WORKER if share_workers else 200,
            retire_rss_mb=1536.0 if share_workers else 1024.0,
        )
        self.checker = Checker(self.pool, self.data_dir / "expected", time_limit_override, recent)
        self.pitfalls = Pitfalls(self.checker, self.data_dir / "pitfalls")
        self.dashboard = ClassDashboard(
            self.bank,
            self.progress,
            self.data_dir,
            signatures=lambda p: self.pitfalls.ready(p, start=True),
        )

    def start(self) -> None:
        try:
            self.progress.migrate()  # a schema problem shows at start, in the log, not mid-class
        except ProgressUnavailable as exc:
            log.error("jaxlings: %s", exc)
        self.pool.prefill()

    def close(self) -> None:
        log.info("jaxlings pool: %s", json.dumps(self.pool.stats()))
        self.pool.close()
        self.progress.close()

    # ------------------------------------------------------------ helpers

    def problem(self, problem_id: Any) -> Problem:
        p = self.bank.get(problem_id)
        if p is None:
            shown = (
                problem_id if isinstance(problem_id, str) and len(problem_id) < 80 else "that id"
            )
            raise Refusal(404, f"There is no problem {shown!r}; `jaxlings list` shows the ids.")
        return p

    def _history(self, user: str, p: Problem) -> History:
        try:
            return self.progress.history(user, p.id)
        except ProgressUnavailable as exc:
            log.warning("jaxlings: %s", exc)
            return History()

    def _histories(self, user: str) -> dict[str, History]:
        try:
            return self.progress.histories(user)
        except ProgressUnavailable as exc:
            log.warning("jaxlings: %s", exc)
            return {}

    @staticmethod
    def _status(h: History) -> Status:
        return "solved" if h.solved else ("attempted" if h.attempts else "new")

    def _summary(self, p: Problem, h: History) -> ProblemSummary:
        return {
            "id": p.id,
            "title": p.title,
            "sprint": p.sprint.key,
            "sprint_title": p.sprint.title,
            "order": p.order,
            "difficulty": p.difficulty,
            "function": p.function,
            "status": self._status(h),
            "attempts": h.attempts,
        }

    def _hints(self, p: Problem, h: History) -> HintsInfo:
        gate = self.policy.gate(h, len(p.hints))
        return {
            "total": len(p.hints),
            "unlocked": p.hints[: gate.hints_visible],
            "next_available": gate.next_hint_available,
            "locked_reason": gate.next_hint_reason,
        }

    # ------------------------------------------------------------ the API

    def list_problems(self, user: str) -> list[ProblemSummary]:
        hist = self._histories(user)
        return [self._summary(p, hist.get(p.id, History())) for p in self.bank]

    def detail(self, user: str, problem_id: str) -> ProblemDetail:
        p = self.problem(problem_id)
        self.checker.prepare(p)  # the learner is reading it: get the expected outputs ready
        self.pitfalls.prepare(p)  # and, after them, the signatures of its listed pitfalls
        h = self._history(user, p)
        gate = self.policy.gate(h, len(p.hints))
        return {
            **self._summary(p, h),
            "statement_md": p.statement_md,
            "starter": p.starter,
            "function": p.function,
            "signature": p.signature,
            "hints": self._hints(p, h),
            "solution_available": gate.solution_available,
            "solution_locked_reason": gate.solution_reason,
            "solution_viewed": h.solution_viewed and gate.solution_available,
            "isolation": cast(Isolation, self.pool.isolation.as_json()),
        }

    def _rate_limit(self, user: str) -> None:
        if self.checks_per_minute <= 0:
            return
        now = time.time()
        try:
            recent = self.progress.recent_attempts(user, now - RATE_WINDOW_S)
        except ProgressUnavailable as exc:
            log.warning("jaxlings: %s", exc)
            return  # the limit protects the checkers; an unreadable database is told elsewhere
        if len(recent) >= self.checks_per_minute:
            oldest = recent[len(recent) - self.checks_per_minute]
            wait = max(1, math.ceil(oldest + RATE_WINDOW_S - now))
            raise Refusal(
                429,
                f"You have pressed Check {len(recent)} times in the last minute, the most this "
                f"class allows; try again in {wait} s.",
                retry_after=wait,
            )

    def _replay(self, user: str, key: Optional[str]) -> Optional[tuple[CheckReport, int]]:
        """The verdict and number of an attempt a client already sent with this key (a retry)."""
        if key is None:
            return None
        try:
            done = self.progress.attempt_by_key(user, key)
        except ProgressUnavailable as exc:
            log.warning("jaxlings: %s", exc)
            return None
        if done is None or done.result is None:
            return None
        return cast(CheckReport, done.result), done.number

    def check(
        self,
        user: str,
        problem_id: str,
        code: Any,
        key: Optional[str] = None,
        context: Any = None,
    ) -> CheckResult:
        """Check `code` (after the definitions of the `context` cells above it) and record the
        attempt; a retry with the same idempotency `key` is answered from the first attempt and
        not recorded again."""
        p = self.problem(problem_id)
        if key is not None and not (isinstance(key, str) and KEY_RE.match(key)):
            raise Refusal(
                400, "The Idempotency-Key header must be 8 to 128 letters, digits or -_.: only."
            )
        replay = self._replay(user, key)
        if replay is not None:
            return self._answer(user, p, replay[0], replay[1], None)
        if not isinstance(code, str):
            raise Refusal(400, "The request needs a `code` field holding the cell's text.")
        try:
            size = len(code.encode("utf-8"))
        except (
            UnicodeEncodeError
        ):  # a lone surrogate ("\ud800") from JSON: not text SQLite can store
            raise Refusal(
                400,
                "The code is not valid Unicode text (it holds a lone surrogate such as "
                "\\ud800); remove that character and check again.",
            ) from None
        if size > MAX_CODE_BYTES:
            raise Refusal(
                413,
                f"The code is larger than {MAX_CODE_BYTES // 1024} KiB; submit just the cell "
                "with your function.",
            )
        if "\x00" in code:
            raise Refusal(400, "The code contains a null byte; remove it and check again.")
        earlier = self._earlier_cells(context, size)
        self._rate_limit(user)
        try:
            report = self.checker.check(p, code, user, context=earlier)
        except Cancelled:
            raise Refusal(
                409, "You cancelled this Check; it was not recorded and does not count."
            ) from None
        except Busy:
            raise Refusal(
                429,
                f"You already have {PER_USER_IN_FLIGHT} Checks running; wait for one to finish, "
                "then press Check again.",
            ) from None
        except TimeoutError:
            raise Refusal(
                503, "Every checker is busy right now; press Check again in a moment."
            ) from None
        except ProblemError as exc:
            log.error("jaxlings: %s", exc)
            raise Refusal(
                500,
                "This problem's reference solution fails on this server, so it cannot "
                "check your code; tell your instructor (the server log has details).",
            ) from None
        except RuntimeError as exc:  # the pool is closed: the server is shutting down
            log.error("jaxlings: %s", exc)
            raise Refusal(
                503,
                "The checker is not available (the server may be shutting down); "
                "try again in a moment.",
            ) from None
        # named only when the pitfalls' signatures are ready (opening the problem starts
        # them): a Check never waits for them
        report = {**report, "pitfall": self.pitfalls.pitfall_of(p, report)}
        attempt: Optional[int] = None
        save_error: Optional[str] = None
        counted = report["passed"] or (report["ran"] and not is_starter(code, p.starter))
        try:
            stored = self.progress.record(
                user,
                p.id,
                code,
                report["status"],
                report["passed"],
                report["duration_ms"],
                key=key,
                result=dict(report) if key is not None else None,
                failed=failure_names(report),
                counted=counted,
            )
            if not stored.new and stored.result is not None:
                # a concurrent retry recorded it first: answer as it did
                report = cast(CheckReport, stored.result)
            attempt = stored.number
        except ProgressUnavailable as exc:
            log.error("jaxlings: %s", exc)
            save_error = (
                "Your attempt was checked but could not be saved, so it will not "
                "count toward hints or progress; tell your instructor if this repeats."
            )
        return self._answer(user, p, report, attempt, save_error, counted)

    @staticmethod
    def _earlier_cells(context: Any, code_size: int) -> list[EarlierCell]:
        """The request's `context` as EarlierCells; a Refusal when it is not a list of
        {cell, code} or it is too large together with the code."""
        if context is None:
            return []
        shape = (
            '`context` must be a list of the cells above, each {"cell": its number, '
            '"code": its text}.'
        )
        if not isinstance(context, list):
            raise Refusal(400, shape)
        cells: list[EarlierCell] = []
        size = code_size
        for item in context:
            if not (
                isinstance(item, dict)
                and isinstance(item.get("code"), str)
                and isinstance(item.get("cell"), int)
                and not isinstance(item.get("cell"), bool)
                and 0 < item["cell"] < 100_000
                and "\x00" not in item["code"]
            ):
                raise Refusal(400, shape)
            try:
                size += len(item["code"].encode("utf-8"))
            except UnicodeEncodeError:
                raise Refusal(400, shape) from None
            if size > MAX_CODE_BYTES:
                raise Refusal(
                    413,
                    f"Your cell and the cells above it are larger than {MAX_CODE_BYTES // 1024} "
                    "KiB together; move the function and its helpers to a shorter notebook.",
                )
            cells.append(EarlierCell(item["cell"], item["code"]))
        return cells

    def _answer(
        self,
        user: str,
        p: Problem,
        report: CheckReport,
        attempt: Optional[int],
        save_error: Optional[str],
        counted: Optional[bool] = None,
    ) -> CheckResult:
        """The verdict with what the attempt moved, so the front end redraws from it alone."""
        h = self._history(user, p)
        gate = self.policy.gate(h, len(p.hints))
        return {
            "pitfall": None,  # a result stored before pitfalls were named has none
            **report,
            "attempt": attempt,
            "saved": attempt is not None,
            "counted": (
                counted
                if counted is not None
                else bool(report["passed"] or report.get("ran", True))
            ),
            "save_error": save_error,
            "summary": self._summary(p, h),
            "hints": self._hints(p, h),
            "solution_available": gate.solution_available,
            "solution_locked_reason": gate.solution_reason,
        }

    def cancel(self, user: str, problem_id: str) -> CancelReply:
        """Stop the user's running Check of a problem: its worker is killed, nothing recorded."""
        p = self.problem(problem_id)
        return {"cancelled": self.pool.cancel(user, p.id)}

    def next_hint(self, user: str, problem_id: str) -> HintReveal:
        p = self.problem(problem_id)
        h = self._history(user, p)
        gate = self.policy.gate(h, len(p.hints))
        if not gate.next_hint_available:
            raise Refusal(403, gate.next_hint_reason or "No hint is available.")
        index = gate.hints_visible
        try:
            self.progress.reveal_hint(user, p.id, index)
        except ProgressUnavailable as exc:
            raise Refusal(503, f"The hint could not be recorded ({exc}); try again.") from None
        h = self._history(user, p)
        return {"index": index, "text": p.hints[index], "hints": self._hints(p, h)}

    def solution(self, user: str, problem_id: str) -> Solution:
        p = self.problem(problem_id)
        h = self._history(user, p)
        gate = self.policy.gate(h, len(p.hints))
        if not gate.solution_available:
            raise Refusal(403, gate.solution_reason or "The solution is locked.")
        try:
            if not h.solution_viewed:  # the first view is what an instructor wants to know
                self.progress.record_solution_view(user, p.id)
        except ProgressUnavailable as exc:
            log.warning("jaxlings: %s", exc)
        return {"code": p.solution, "notes_md": p.solution_notes}

    def attempts(self, user: str, problem_id: str) -> AttemptHistory:
        """The user's own attempts at a problem, oldest first, each with the code it checked."""
        p = self.problem(problem_id)
        try:
            rows = self.progress.attempts(user, p.id)
        except ProgressUnavailable as exc:
            raise Refusal(503, f"Your attempts could not be read ({exc}); try again.") from None
        attempts: list[Attempt] = [
            {
                "number": n,
                "at": row["at"],
                "status": cast(Verdict, row["status"]),
                "passed": bool(row["passed"]),
                "duration_ms": row["duration_ms"],
                "code": row["code"],
            }
            for n, row in enumerate(rows, start=1)
        ]
        return {"problem": p.id, "attempts": attempts}

    def _activity(self, user: str) -> list[ActivityMark]:
        try:
            marks = self.progress.learner_activity(
                user, time.time() - ACTIVITY_DAYS * 86400, ACTIVITY_LIMIT
            )
        except ProgressUnavailable as exc:
            log.warning("jaxlings: %s", exc)
            return []
        return [{"at": at, "passed": passed} for at, passed in marks]

    def progress_of(self, user: str) -> Progress:
        problems = self.list_problems(user)
        sprints: list[SprintProgress] = []
        for s in self.bank.sprints:
            mine = [p for p in problems if p["sprint"] == s.key]
            if mine:
                sprints.append(
                    {
                        "key": s.key,
                        "title": s.title,
                        "total": len(mine),
                        "solved": sum(p["status"] == "solved" for p in mine),
                        "attempted": sum(
                            p["status"] == "attempted" for p in mine
                        ),  # in progress, not solved
                    }
                )
        return {
            "user": user,
            "problems": problems,
            "sprints": sprints,
            "solved": sum(p["status"] == "solved" for p in problems),
            "total": len(problems),
            "activity": self._activity(user),
        }

    # ------------------------------------------------------------ the class (instructors only)

    def class_progress(self) -> dict[str, Any]:
        """Every learner's status on every problem, for the instructors' endpoints."""
        try:
            summary = self.progress.class_summary()
        except ProgressUnavailable as exc:
            raise Refusal(
                503, f"The class progress could not be read ({exc}); try again."
            ) from None
        problems = [
            {"id": p.id, "title": p.title, "sprint": p.sprint.key, "order": p.order}
            for p in self.bank
        ]
        learners = []
        for user in sorted(summary):
            mine = summary[user]
            learners.append(
                {
                    "user": display_name(user),
                    "key": user,
                    "solved": sum(1 for r in mine.values() if r["solved"]),
                    "attempted": len(mine),
                    "attempts": sum(r["attempts"] for r in mine.values()),
                    "last_active": max(r["last_at"] for r in mine.values()),
                    "problems": {
                        pid: {
                            "status": "solved" if r["solved"] else "attempted",
                            "attempts": r["attempts"],
                        }
                        for pid, r in sorted(mine.items())
                    },
                }
            )
        return {"problems": problems, "learners": learners, "total": len(problems)}

    def _class(self, what: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except NotFound as exc:
            raise Refusal(404, str(exc)) from None
        except ProgressUnavailable as exc:
            raise Refusal(503, f"The {what} could not be read ({exc}); try again.") from None

    def class_overview(self) -> ClassOverview:
        """Learners, problems and sprints at a glance (instructors only)."""
        return cast(ClassOverview, self._class("class progress", self.dashboard.overview))

    def class_matrix(self) -> ClassMatrix:
        return cast(ClassMatrix, self._class("class progress", self.dashboard.matrix))

    def class_problem(self, problem_id: str) -> ClassProblemDetail:
        p = self.problem(problem_id)
        return cast(
            ClassProblemDetail, self._class("problem's attempts", self.dashboard.problem, p)
        )

    def class_activity(self, bucket_s: Optional[str] = None) -> ClassActivity:
        try:
            bucket = bucket_of(bucket_s)
        except ValueError as exc:
            raise Refusal(400, str(exc)) from None
        return cast(ClassActivity, self._class("class activity", self.dashboard.activity, bucket))

    def class_learner(self, user: str) -> ClassLearnerDetail:
        return cast(
            ClassLearnerDetail, self._class("learner's progress", self.dashboard.learner, user)
        )

    def class_latest(self, user: str, problem_id: str) -> Submission:
        p = self.problem(problem_id)
        return cast(Submission, self._class("submission", self.dashboard.latest, user, p))

    def class_attempts(self, anonymize: bool = False) -> list[AttemptRow]:
        """Every attempt as a row of class/attempts.csv; `anonymize` names users by pseudonym."""
        return cast(
            list[AttemptRow], self._class("attempts", self.dashboard.attempt_rows, anonymize)
        )

    def class_progress_rows(self, anonymize: bool = False) -> list[ProgressRow]:
        return cast(
            list[ProgressRow],
            self._class("class progress", self.dashboard.progress_rows, anonymize),
        )
