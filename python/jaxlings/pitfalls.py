"""Listed pitfalls: which wrong/ file of a problem a failing submission most resembles.

Each `wrong/*.py` of a problem is run once through the same cases as a learner's code (trusted
content, so as the `Reference` owner, whose workers never serve learners). What it fails (the
names of the failing cases and structural checks, plus a marker such as "[error] TypeError" when
it raised, timed out or ran out of memory) is its *signature*. Signatures are cached on disk per
problem content hash (which includes the JAX/Flax versions), authenticated like the expected
outputs (`Checker.sign`), and computed in one background thread, so a Check never waits on them.

A failing attempt is matched by Jaccard similarity of its own failure set with each signature:
the most similar pitfall at or above `THRESHOLD` is named; below it, or when two pitfalls with
different signatures are equally close, the attempt is "unlike any listed pitfall".
"""

from __future__ import annotations

import json
import logging
import os
import queue
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .api import CheckReport, Pitfall
from .bank import Problem, split_sections, wrong_file_pitfall
from .checker import CACHE_READ_S, MAX_CACHE_BYTES, Checker, read_regular
from .harness import codec
from .harness.pool import REFERENCE

log = logging.getLogger("jaxlings")

THRESHOLD = 0.6  # Jaccard similarity at or above which an attempt is named as a pitfall
PURPOSE = b"pitfalls"
FAILING = ("failed", "error", "timeout", "memory")


def failure_names(report: CheckReport) -> list[str]:
    """What a report failed: case and check names, and a marker when the code did not finish
    normally ("[error] TypeError", "[timeout] Timeout"), so a raising pitfall matches one too."""
    if report["passed"]:
        return []
    names = [c["name"] for c in report["cases"] if not c["passed"]]
    if report["status"] != "failed":
        error = report["error"]
        kind = (error["type"] if error else "") or report["status"]
        names.append(f"[{report['status']}] {kind}")
    return names


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 1.0


@dataclass(frozen=True)
class Signature:
    """One listed pitfall and what its wrong/ file fails."""

    file: str
    title: str
    summary_md: str
    failed: frozenset[str]

    def as_pitfall(self) -> Pitfall:
        return {"file": self.file, "title": self.title, "summary_md": self.summary_md}


def closest(failed: Iterable[str], signatures: Sequence[Signature]) -> Optional[Signature]:
    """The signature most like `failed` (Jaccard ≥ THRESHOLD), or None: unlike any, or tied
    between pitfalls that fail differently (the attempt cannot be told to be either)."""
    mine = frozenset(failed)
    if not mine:
        return None
    scored = sorted(((jaccard(mine, s.failed), s) for s in signatures), key=lambda x: -x[0])
    if not scored or scored[0][0] < THRESHOLD:
        return None
    best_score, best = scored[0]
    for score, other in scored[1:]:
        if score == best_score and other.failed != best.failed:
            return None
    return best


def pitfall_summaries(statement_md: str) -> dict[str, str]:
    """Each `- **Title.** text` bullet of the Pitfalls section: title -> its text (markdown)."""
    body = split_sections(statement_md).get("Pitfalls", "")
    out: dict[str, str] = {}
    bullets = re.split(r"^\s*[-*]\s+(?=\*\*)", body, flags=re.M)
    for bullet in bullets:
        m = re.match(r"\*\*(.+?)\*\*(.*)", bullet, re.S)
        if m:
            title = m.group(1).strip().rstrip(".").strip()
            out[title] = " ".join(line.strip() for line in m.group(2).strip().splitlines())
    return out


class Pitfalls:
    """The signatures of every problem's listed pitfalls, computed once each in the background."""

    def __init__(self, checker: Checker, cache_dir: Path):
        self.checker = checker
        self.cache_dir = Path(cache_dir)
        self._memo: dict[str, list[Signature]] = {}
        self._queued: set[str] = set()
        self._lock = threading.Lock()
        self._jobs: queue.Queue[Problem] = queue.Queue()
        self._thread: Optional[threading.Thread] = None

    @staticmethod
    def _key(problem: Problem) -> str:
        return f"{problem.id}-{problem.content_hash}"

    # ------------------------------------------------------------ reading them (never waits)

    def ready(self, problem: Problem, start: bool = False) -> Optional[list[Signature]]:
        """The signatures if known (memory or a valid disk cache); else None, and with `start`
        they are computed in the background for next time."""
        key = self._key(problem)
        sigs = self._memo.get(key)
        if sigs is not None:
            return sigs
        sigs = self._read(problem)
        if sigs is not None:
            self._memo[key] = sigs
            return sigs
        if start:
            self.prepare(problem)
        return None

    def pitfall_of(self, problem: Problem, report: CheckReport) -> Optional[Pitfall]:
        """The listed pitfall a failing report most resembles, if its signatures are ready
        (opening the problem, `JaxlingsService.detail`, starts them)."""
        if report["passed"] or report["status"] not in FAILING:
            return None
        sigs = self.ready(problem)
        if not sigs:
            return None
        best = closest(failure_names(report), sigs)
        return best.as_pitfall() if best else None

    # ------------------------------------------------------------ computing them

    def prepare(self, problem: Problem) -> None:
        """Queue the problem's wrong/ files for one background run (once per content)."""
        key = self._key(problem)
        with self._lock:
            if key in self._queued or key in self._memo:
                return
            self._queued.add(key)
            self._jobs.put(problem)  # under the lock: the thread only exits on an empty queue
            if self._thread is None or not self._thread.is_alive():
                # one thread: the wrong/ files of all problems share one worker at a time
                self._thread = threading.Thread(
                    target=self._drain, name="jaxlings-pitfalls", daemon=True
                )
                self._thread.start()

    def _drain(self) -> None:
        while True:
            try:
                problem = self._jobs.get(timeout=30.0)
            except queue.Empty:
                with self._lock:
                    if self._jobs.empty():
                        self._thread = None
                        return
                continue
            try:
                self.compute(problem)
            except Exception as exc:  # the next request queues it again
                log.warning("jaxlings: the pitfalls of %s could not be run: %s", problem.id, exc)
            finally:
                with self._lock:
                    self._queued.discard(self._key(problem))

    def compute(self, problem: Problem) -> list[Signature]:
        """Run each wrong/ file through the cases now (blocking) and cache the signatures."""
        key = self._key(problem)
        if key in self._memo:
            return self._memo[key]
        rows = []
        limit = max(60.0, self.checker.time_limit(problem) * 3)
        for wf in problem.wrong_files():
            report = self.checker.check(problem, wf.read_text(), REFERENCE, limit)
            rows.append({"file": wf.stem, "failed": sorted(set(failure_names(report)))})
        self._write(problem, {"signatures": rows})
        sigs = self._memo[key] = self._signatures(problem, rows)
        return sigs

    def _signatures(self, problem: Problem, rows: list[dict[str, Any]]) -> list[Signature]:
        summaries = pitfall_summaries(problem.statement_md)
        by_stem = {wf.stem: wf for wf in problem.wrong_files()}
        out = []
        for row in rows:
            wf = by_stem.get(row["file"])
            if wf is None:
                continue
            title = wrong_file_pitfall(wf) or row["file"].replace("_", " ")
            out.append(
                Signature(row["file"], title, summaries.get(title, ""), frozenset(row["failed"]))
            )
        return out

    # ------------------------------------------------------------ the disk cache

    def _path(self, problem: Problem) -> Path:
        return self.cache_dir / f"{self._key(problem)}.json"

    def _read(self, problem: Problem) -> Optional[list[Signature]]:
        path = self._path(problem)
        try:
            raw = read_regular(path, MAX_CACHE_BYTES, CACHE_READ_S)
            if raw is None:
                return None
            doc = codec.loads_bounded(raw)
            body = json.dumps(doc["payload"], sort_keys=True).encode()
            if doc["hmac"] != self.checker.sign(problem, body, PURPOSE):
                raise ValueError("its HMAC does not match: it was not written by this server")
            rows = [
                {"file": str(r["file"]), "failed": [str(n) for n in r["failed"]]}
                for r in doc["payload"]["signatures"]
            ]
            return self._signatures(problem, rows)
        except Exception as exc:  # corrupted, forged or stale: run the wrong/ files again
            log.warning("jaxlings: pitfall cache %s is unusable (%s); rebuilding", path, exc)
            return None

    def _write(self, problem: Problem, payload: dict[str, Any]) -> None:
        path = self._path(problem)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            body = json.dumps(payload, sort_keys=True).encode()
            mac = self.checker.sign(problem, body, PURPOSE)
            doc = {"problem": problem.id, "hmac": mac, "payload": payload}
            tmp = path.with_suffix(f".tmp{os.getpid()}-{threading.get_ident()}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(json.dumps(doc))
            os.replace(tmp, path)
            mine = re.compile(re.escape(problem.id) + r"-[0-9a-f]+\.json")
            for old in path.parent.glob(f"{problem.id}-*.json"):
                if old != path and mine.fullmatch(old.name):  # not another id's with this prefix
                    old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("jaxlings: could not write %s: %s", path, exc)
