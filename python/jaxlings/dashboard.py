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
import statistics
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


def median(values: Sequence[float]) -> Optional[float]:
    return float(statistics.median(values)) if values else None


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

    # ------------------------------------------------------------ aggregates

    def _cells(self, problem: Optional[str] = None) -> list[ClassCell]:
        known = {p.id for p in self.bank}
        return [c for c in self.progress.class_cells(problem) if c.problem in known]

    def overview(self) -> ClassOverview:
        cells = self._cells()
        hints, seen = self.progress.class_reveals()
        by_user: dict[str, list[ClassCell]] = defaultdict(list)
        by_problem: dict[str, list[ClassCell]] = defaultdict(list)
        for c in cells:
            by_user[c.user].append(c)
            by_problem[c.problem].append(c)
        learners: list[ClassLearner] = [
            {
                "user": display_name(user),
                "solved": sum(c.solved_at is not None for c in mine),
                "attempted": len(mine),
                "attempts": sum(c.attempts for c in mine),
                "last_active": max(c.last_at for c in mine),
            }
            for user, mine in sorted(by_user.items(), key=lambda kv: display_name(kv[0]))
        ]
        hints_of: dict[str, int] = defaultdict(int)
        for (_u, pid), n in hints.items():
            hints_of[pid] += n
        seen_of: dict[str, int] = defaultdict(int)
        for _u, pid in seen:
            seen_of[pid] += 1
        problems: list[ClassProblem] = []
        for p in self.bank:
            mine = by_problem.get(p.id, [])
            solved = [c for c in mine if c.solved_at is not None]
            problems.append(
                {
                    "id": p.id,
                    "title": p.title,
                    "sprint": p.sprint.key,
                    "order": p.order,
                    "started": len(mine),
                    "solved": len(solved),
                    "solve_rate": len(solved) / len(mine) if mine else 0.0,
                    "median_attempts_to_solve": median(
                        [c.attempts_to_solve for c in solved if c.attempts_to_solve]
                    ),
                    "median_time_to_solve_s": median(
                        [c.solved_at - c.first_at for c in solved if c.solved_at is not None]
                    ),
                    "hints_revealed": hints_of.get(p.id, 0),
                    "solutions_revealed": seen_of.get(p.id, 0),
                }
            )
        sprints: list[ClassSprint] = []
        for s in self.bank.sprints:
            ids = {p.id for p in self.bank if p.sprint.key == s.key}
            if not ids:
                continue
            started = {c.user for c in cells if c.problem in ids}
            solved_count: dict[str, int] = defaultdict(int)
            for c in cells:
                if c.problem in ids and c.solved_at is not None:
                    solved_count[c.user] += 1
            sprints.append(
                {
                    "key": s.key,
                    "title": s.title,
                    "problems": len(ids),
                    "started": len(started),
                    "solved": sum(n == len(ids) for n in solved_count.values()),
                }
            )
        return {
            "generated_at": time.time(),
            "learners": learners,
            "problems": problems,
            "sprints": sprints,
        }

    def matrix(self) -> ClassMatrix:
        cells = self._cells()
        users = sorted({c.user for c in cells}, key=display_name)
        problems = [p.id for p in self.bank]
        status: dict[tuple[str, str], Cell] = {
            (c.user, c.problem): "solved" if c.solved_at is not None else "attempted" for c in cells
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
        keys = self.progress.users()
        if user in keys:
            return user
        found = [k for k in keys if display_name(k) == user]
        if not found:
            raise NotFound(f"No learner named {user[:80]!r} has checked a problem yet.")
        return found[0]

    def learner(self, user: str) -> ClassLearnerDetail:
        key = self.learner_key(user)
        mine = {c.problem: c for c in self._cells() if c.user == key}
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
    if raw in (None, ""):
        return 3600
    try:
        value = float(raw)  # type: ignore[arg-type]
    except ValueError:
        raise ValueError("bucket_s must be a number of seconds, e.g. 3600.") from None
    if not math.isfinite(value) or not 60 <= value <= 30 * 86400:
        raise ValueError("bucket_s must be between 60 (a minute) and 2592000 (30 days).")
    return int(value)
