"""The instructors' view of a class: aggregates, the heatmap, the misconception map and exports.

Pure reading: every figure comes from SQL aggregates of the progress database (`ProgressStore`'s
class queries) and the bank; nothing here runs code, so `jaxlings export` uses it without a
worker pool. The service (`JaxlingsService.class_*`) and the CLI are its faces.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import math
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Optional

from .api import (
    ActivityPoint,
    AttemptRow,
    Cell,
    ClassActivity,
    ClassLearner,
    ClassLearnerDetail,
    ClassMatrix,
    ClassOverview,
    ClassProblem,
    ClassProblemDetail,
    ClassSprint,
    FailureCount,
    LearnerProblem,
    PitfallCount,
    ProgressRow,
    Status,
    Submission,
    Verdict,
)
from .bank import Bank, Problem, wrong_file_pitfall
from .identity import display_name
from .pitfalls import Signature, closest
from .progress import ClassCell, ProgressStore

# the CSV exports' columns, in order: documented in the README, kept stable for scripts
ATTEMPT_COLUMNS = list(AttemptRow.__annotations__)
PROGRESS_COLUMNS = list(ProgressRow.__annotations__)
MAX_POINTS = 2000  # activity buckets: a wider span gets longer buckets
PSEUDONYM_KEY = "export.key"


class NotFound(LookupError):
    """A learner or submission the class has no record of; the message is a sentence."""


def iso(t: Optional[float]) -> str:
    if t is None:
        return ""
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="milliseconds")


def export_key(data_dir: Path, salt: Optional[str] = None) -> bytes:
    """The key of the pseudonyms: `salt` if given, else a random key kept in the data dir."""
    if salt:
        return salt.encode("utf-8")
    path = Path(data_dir) / PSEUDONYM_KEY
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(32).hex().encode())
    except FileExistsError:
        pass
    key = path.read_bytes().strip()
    if len(key) < 32:
        raise OSError(f"{path} is not a usable pseudonym key (delete it to make a new one)")
    return key


def pseudonym(key: bytes, user: str) -> str:
    """A stable stand-in for a user key: the same user and key give the same name."""
    return "learner-" + hmac.new(key, user.encode("utf-8"), hashlib.sha256).hexdigest()[:10]


def failed_names(failed_json: Optional[str]) -> Optional[list[str]]:
    if failed_json is None:
        return None
    try:
        names = json.loads(failed_json)
    except ValueError:
        return None
    return [str(n) for n in names] if isinstance(names, list) else None


def is_marker(name: str) -> bool:
    """ "[error] TypeError": how the code ended, not a case or check name."""
    return name.startswith("[")


def to_csv(rows: Sequence[Any], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


class ClassDashboard:
    """What instructors see of the class, read from `progress` and described by `bank`."""

    def __init__(
        self,
        bank: Bank,
        progress: ProgressStore,
        data_dir: Path,
        signatures: Callable[[Problem], Optional[list[Signature]]] = lambda p: None,
    ):
        self.bank = bank
        self.progress = progress
        self.data_dir = Path(data_dir)
        self.signatures = signatures  # a problem's pitfall signatures, None while not ready
        self._lock = threading.Lock()
        self._matrix: Optional[tuple[Any, ClassMatrix]] = None  # (version, heatmap)

    # ------------------------------------------------------------ aggregates

    def _cells(self, problem: Optional[str] = None) -> list[ClassCell]:
        known = {p.id for p in self.bank}  # problems since removed from the bank are left out
        return [c for c in self.progress.class_cells(problem) if c.problem in known]

    def overview(self) -> ClassOverview:
        t = self.progress.class_totals({p.id: p.sprint.key for p in self.bank})
        size: dict[str, int] = defaultdict(int)
        for p in self.bank:
            size[p.sprint.key] += 1
        mine: dict[str, list[int | float]] = {}
        started_in: dict[str, int] = defaultdict(int)
        finished: dict[str, int] = defaultdict(int)
        for user, key, started, solved, attempts, last in t.by_sprint:
            row = mine.setdefault(user, [0, 0, 0, last])
            row[0] += solved
            row[1] += started
            row[2] += attempts
            row[3] = max(row[3], last)
            started_in[key] += 1
            finished[key] += solved == size[key]
        learners: list[ClassLearner] = [
            {
                "user": display_name(user),
                "solved": int(row[0]),
                "attempted": int(row[1]),
                "attempts": int(row[2]),
                "last_active": float(row[3]),
            }
            for user, row in sorted(mine.items(), key=lambda kv: display_name(kv[0]))
        ]
        problems: list[ClassProblem] = []
        for p in self.bank:
            started, solved, m_attempts, m_time = t.problems.get(p.id, (0, 0, None, None))
            problems.append(
                {
                    "id": p.id,
                    "title": p.title,
                    "sprint": p.sprint.key,
                    "order": p.order,
                    "started": started,
                    "solved": solved,
                    "solve_rate": solved / started if started else 0.0,
                    "median_attempts_to_solve": m_attempts,
                    "median_time_to_solve_s": m_time,
                    "hints_revealed": t.hints.get(p.id, 0),
                    "solutions_revealed": t.views.get(p.id, 0),
                }
            )
        sprints: list[ClassSprint] = [
            {
                "key": s.key,
                "title": s.title,
                "problems": size[s.key],
                "started": started_in.get(s.key, 0),
                "solved": finished.get(s.key, 0),
            }
            for s in self.bank.sprints
            if size.get(s.key)
        ]
        return {
            "generated_at": time.time(),
            "learners": learners,
            "problems": problems,
            "sprints": sprints,
        }

    def matrix(self) -> ClassMatrix:
        """The heatmap; rebuilt only when a learner started or solved a problem since."""
        version = (self.progress.class_version(), tuple(p.id for p in self.bank))
        with self._lock:
            if self._matrix is not None and self._matrix[0] == version:
                return self._matrix[1]
        built = self._build_matrix()
        with self._lock:
            self._matrix = (version, built)
        return built

    def _build_matrix(self) -> ClassMatrix:
        problems = [p.id for p in self.bank]
        rows = self.progress.class_status(problems)
        users = sorted({u for u, _p, _s in rows}, key=display_name)
        status: dict[tuple[str, str], Cell] = {
            (u, p): "solved" if solved else "attempted" for u, p, solved in rows
        }
        return {
            "learners": [display_name(u) for u in users],
            "problems": problems,
            "cells": [[status.get((u, pid), "new") for pid in problems] for u in users],
        }

    def problem(self, p: Problem) -> ClassProblemDetail:
        """The misconception map of `p`: what fails most, and which listed pitfall each failing
        attempt most resembles (attempts recorded before failures were kept are not matched)."""
        cells = self._cells(p.id)
        rows = self.progress.problem_failures(p.id)
        case_names = {c.name for c in p.cases}
        failures: dict[str, int] = defaultdict(int)
        sigs = self.signatures(p)
        matched: dict[str, int] = defaultdict(int)
        learners: dict[str, set[str]] = defaultdict(set)
        unlike = failed_attempts = errors = 0
        memo: dict[str, Optional[Signature]] = {}
        for user, status, failed_json, n in rows:
            if status == "failed":
                failed_attempts += n
            else:
                errors += n
            names = failed_names(failed_json)
            if names is None:
                continue
            if status == "failed":
                for name in names:
                    if not is_marker(name):
                        failures[name] += n
            if sigs is None:
                continue
            if failed_json not in memo:
                memo[failed_json] = closest(names, sigs)  # type: ignore[index]
            best = memo[failed_json]  # type: ignore[index]
            if best is None:
                unlike += n
            else:
                matched[best.file] += n
                learners[best.file].add(user)
        pitfalls: list[PitfallCount] = []
        for wf in p.wrong_files():
            title = wrong_file_pitfall(wf) or wf.stem.replace("_", " ")
            pitfalls.append(
                {
                    "file": wf.stem,
                    "title": title,
                    "attempts": matched.get(wf.stem, 0),
                    "learners": len(learners.get(wf.stem, ())),
                }
            )
        ordered: list[FailureCount] = [
            {"name": name, "kind": "case" if name in case_names else "structure", "count": n}
            for name, n in sorted(failures.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return {
            "id": p.id,
            "title": p.title,
            "attempts_to_solve": sorted(
                c.attempts_to_solve for c in cells if c.attempts_to_solve is not None
            ),
            "failures": ordered,
            "pitfalls": pitfalls,
            "unlike_any": unlike,
            "attempts": sum(c.attempts for c in cells),
            "failed_attempts": failed_attempts,
            "errors": errors,
            "pitfalls_ready": sigs is not None,
        }

    def activity(self, bucket_s: int) -> ClassActivity:
        lo, hi = self.progress.time_span()
        if lo is not None and hi is not None:
            while (hi - lo) / bucket_s > MAX_POINTS:
                bucket_s *= 2
        counts = {t: (n, ok) for t, n, ok in self.progress.activity(bucket_s)}
        points: list[ActivityPoint] = []
        if counts:
            first, last = min(counts), max(counts)
            for k in range(int(round((last - first) / bucket_s)) + 1):
                t = first + k * bucket_s
                n, ok = counts.get(t, (0, 0))
                points.append({"t": t, "attempts": n, "passed": ok})
        return {"bucket_s": bucket_s, "points": points}

    def learner_key(self, user: str) -> str:
        """The stored key of a learner named as the dashboard shows them ("ann" or "hub:ann")."""
        key = self.progress.learner(user)
        if key is None:
            raise NotFound(f"No learner named {user[:80]!r} has checked a problem yet.")
        return key

    def learner(self, user: str) -> ClassLearnerDetail:
        key = self.learner_key(user)
        mine = {c.problem: c for c in self.progress.class_cells(user=key)}
        problems: list[LearnerProblem] = []
        for p in self.bank:
            c = mine.get(p.id)
            status: Status = (
                "new" if c is None else ("solved" if c.solved_at is not None else "attempted")
            )
            problems.append(
                {
                    "id": p.id,
                    "status": status,
                    "attempts": c.attempts if c else 0,
                    "last_at": c.last_at if c else None,
                }
            )
        return {"user": display_name(key), "problems": problems}

    def latest(self, user: str, p: Problem) -> Submission:
        key = self.learner_key(user)
        row = self.progress.latest(key, p.id)
        if row is None:
            raise NotFound(f"{display_name(key)} has not checked {p.id} yet.")
        return {"code": row["code"], "at": row["at"], "status": row["status"]}

    # ------------------------------------------------------------ exports

    def _namer(self, anonymize: bool, salt: Optional[str]) -> Callable[[str], str]:
        if not anonymize:
            return display_name
        key = export_key(self.data_dir, salt)
        return lambda user: pseudonym(key, user)

    def attempt_rows(self, anonymize: bool = False, salt: Optional[str] = None) -> list[AttemptRow]:
        name = self._namer(anonymize, salt)
        out: list[AttemptRow] = []
        for (
            user,
            problem,
            at,
            status,
            failed_json,
            duration,
            number,
        ) in self.progress.attempt_rows():
            names = failed_names(failed_json) or []
            verdict: Verdict = status  # type: ignore[assignment]
            out.append(
                {
                    "user": name(user),
                    "problem": problem,
                    "at_iso": iso(at),
                    "verdict": verdict,
                    "failed_cases": "; ".join(n for n in names if not is_marker(n)),
                    "duration_ms": round(duration, 1),
                    "attempt": number,
                }
            )
        return out

    def progress_rows(
        self, anonymize: bool = False, salt: Optional[str] = None
    ) -> list[ProgressRow]:
        name = self._namer(anonymize, salt)
        cells = {(c.user, c.problem): c for c in self._cells()}
        hints, seen = self.progress.class_reveals()
        users = sorted({u for u, _p in cells}, key=display_name)
        out: list[ProgressRow] = []
        for user in users:
            shown = name(user)
            for p in self.bank:
                c = cells.get((user, p.id))
                status: Status = (
                    "new" if c is None else ("solved" if c.solved_at is not None else "attempted")
                )
                out.append(
                    {
                        "user": shown,
                        "problem": p.id,
                        "status": status,
                        "attempts": c.attempts if c else 0,
                        "first_at_iso": iso(c.first_at) if c else "",
                        "solved_at_iso": iso(c.solved_at) if c else "",
                        "hints_revealed": hints.get((user, p.id), 0),
                        "solution_revealed": int((user, p.id) in seen),
                    }
                )
        return out


def bucket_of(raw: Optional[str]) -> int:
    """The activity bucket in seconds from a query argument; ValueError with a sentence."""
    if raw is None or raw == "":
        return 3600
    try:
        value = float(raw)
    except ValueError:
        raise ValueError("bucket_s must be a number of seconds, e.g. 3600.") from None
    if not math.isfinite(value) or not 60 <= value <= 30 * 86400:
        raise ValueError("bucket_s must be between 60 (a minute) and 2592000 (30 days).")
    return int(value)
