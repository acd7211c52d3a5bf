"""`jaxlings validate`: proves a problem sound, through the same worker path as a Check.

For each problem: the schema holds; cases load and match the signature; the reference
passes; the starter fails; every wrong/ file names a listed pitfall and fails; every
listed pitfall has a wrong/ file; every `python` block of the statement runs; the worked
example's outputs match the reference; there are at least two hints.
"""

from __future__ import annotations

import doctest
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from .api import CheckReport
from .bank import Bank, Problem, pitfall_titles, split_sections, wrong_file_pitfall
from .checker import Checker, Frame, ProblemError
from .harness import codec
from .harness.compare import compare
from .harness.pool import SYSTEM

MIN_CASES = 5
PLACEHOLDER = "FILL IN"
MIN_HINTS = 2


@dataclass
class Report:
    problem: str
    path: str
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def code_blocks(markdown: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced block, in order."""
    out: list[tuple[str, str]] = []
    info: Optional[str] = None
    buf: list[str] = []
    fence: Optional[str] = None
    for line in markdown.splitlines():
        stripped = line.strip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            info, buf = stripped[3:].strip(), []
        elif fence is not None and stripped.startswith(fence) and stripped.strip(fence[0]) == "":
            out.append((info or "", "\n".join(buf)))
            fence = None
        elif fence is not None:
            buf.append(line)
    return out


def _want_value(text: str) -> Any:
    """The value a doctest output shows, when it reads as arrays/numbers; else raises."""

    def array(data: Any, dtype: Any = None) -> np.ndarray:
        return np.asarray(data, dtype=dtype)

    names = {
        "Array": array,
        "array": array,
        "nan": np.nan,
        "inf": np.inf,
        "True": True,
        "False": False,
        "None": None,
        "__builtins__": {},
    }
    for dt in (
        "float16",
        "float32",
        "float64",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint32",
        "bool",
        "bool_",
        "complex64",
    ):
        names[dt] = np.dtype("bool" if dt == "bool_" else dt)
    return eval(text, names)  # noqa: S307 - the bank is trusted content


class Validator:
    def __init__(
        self, bank: Bank, checker: Checker, progress: Optional[Callable[[str], None]] = None
    ):
        self.bank = bank
        self.checker = checker
        self.pool = checker.pool
        self.say = progress or (lambda _msg: None)

    def run(self, ids: list[str], parallel: int = 2) -> list[Report]:
        reports: list[Report] = []
        problems: list[Problem] = []
        for pid in ids or list(self.bank.problems):
            p = self.bank.get(pid)
            if p is None:
                errs = [e for e in self.bank.errors if pid and pid in e.path]
                reports.append(
                    Report(
                        pid,
                        errs[0].path if errs else "",
                        [str(e) for e in errs] or [f"no problem with id {pid!r}"],
                    )
                )
            else:
                problems.append(p)
        if not ids:
            reports += [
                Report(e.path.split("/")[-1], e.path, [e.message]) for e in self.bank.errors
            ]
        with ThreadPoolExecutor(max_workers=max(1, parallel)) as ex:
            reports += list(ex.map(self.validate, problems))
        return reports

    def validate(self, p: Problem) -> Report:
        import time

        t0 = time.monotonic()
        r = Report(p.id, str(p.path))
        try:
            self._validate(p, r)
        except ProblemError as exc:
            r.failures.append(str(exc))
        except Exception as exc:  # a validator crash is reported against the problem, not hidden
            r.failures.append(f"validation stopped: {type(exc).__name__}: {exc}")
        r.seconds = time.monotonic() - t0
        self.say(f"{'ok  ' if r.ok else 'FAIL'} {p.order:02d} {p.id} ({r.seconds:.1f} s)")
        return r

    def _validate(self, p: Problem, r: Report) -> None:
        fail = r.failures.append
        unfinished = sorted(
            str(f.relative_to(p.path))
            for f in p.path.rglob("*")
            if f.is_file() and f.suffix in (".py", ".md", ".toml") and PLACEHOLDER in f.read_text()
        )
        if unfinished:
            fail(
                f"still to write (the `{PLACEHOLDER}` parts of `jaxlings new`): "
                + ", ".join(unfinished)
            )
        cases = p.cases
        if len(cases) < MIN_CASES:
            fail(f"cases.py: {len(cases)} cases; at least {MIN_CASES} are needed")
        if not any(c.name == "worked example" for c in cases):
            fail("cases.py: no case is named 'worked example'")
        if not any(c.hidden for c in cases):
            fail("cases.py: no case is hidden (hidden=True)")
        if all(c.hidden for c in cases):
            fail("cases.py: every case is hidden; learners need visible ones")
        params = p.parameters
        if params and params[0] != "seed":
            fail(
                f"solution.py: the first parameter of {p.function} must be `seed`, not `{params[0]}`"
            )
        for c in cases:
            if list(c.inputs) != params:
                fail(
                    f"cases.py: case {c.name!r} gives inputs {list(c.inputs)} but {p.function} takes {params}"
                )
                break
            for k, v in c.inputs.items():
                try:
                    codec.encode(v)
                except codec.CodecError as exc:
                    fail(f"cases.py: case {c.name!r} input {k}: {exc}")
        if len(p.hints) < MIN_HINTS:
            fail(
                f"hints.md: {len(p.hints)} hint(s); at least {MIN_HINTS} `## ` sections are needed"
            )
        if r.failures:
            return

        # the reference, through the check path, against freshly computed expected outputs
        self.checker.recompute_expected(p)
        # validation proves content, not speed: a loaded machine must not fail a sound problem
        limit = max(60.0, 3 * p.time_limit_s)
        ref = self.checker.check(p, p.solution, SYSTEM, limit)
        if not ref["passed"]:
            fail(
                "solution.py does not pass its own cases twice in a row (is it deterministic?): "
                + _first_problem(ref)
            )
        starter = self.checker.check(p, p.starter, SYSTEM, limit)
        if starter["passed"]:
            fail("starter.py passes every case; it must fail")
        elif starter["status"] in ("timeout", "memory") or (
            starter["error"]
            and starter["error"]["type"] in ("SyntaxError", "MissingFunction", "ProcessDied")
        ):
            fail(f"starter.py must run and fail on values, but: {_first_problem(starter)}")

        titles = pitfall_titles(p.statement_md)
        if not titles:
            fail("problem.md: the Pitfalls section lists no `- **Title.**` bullets")
        covered = set()
        for wf in p.wrong_files():
            name = f"wrong/{wf.name}"
            pit = wrong_file_pitfall(wf)
            if pit is None:
                fail(f"{name}: the first line must be `# pitfall: <title from problem.md>`")
            elif pit not in titles:
                fail(
                    f"{name}: names pitfall {pit!r}, which problem.md does not list (it lists {titles})"
                )
            else:
                covered.add(pit)
            res = self.checker.check(p, wf.read_text(), SYSTEM, limit)
            if res["passed"]:
                fail(f"{name} passes every case and check; the cases do not catch this pitfall")
            else:
                r.notes.append(f"{name}: {_first_problem(res)}")
        for t in titles:
            if t not in covered:
                fail(f"problem.md: pitfall {t!r} has no wrong/ file with `# pitfall: {t}`")

        self._statement_blocks(p, r)

    def _statement_blocks(self, p: Problem, r: Report) -> None:
        fail = r.failures.append
        blocks = code_blocks(p.statement_md)
        runnable = [body for info, body in blocks if info == "python"]
        if runnable:
            res = self._blocks_job(None, [{"kind": "exec", "code": b} for b in runnable])
            for i, (body, out) in enumerate(zip(runnable, res.get("blocks", []), strict=False)):
                if not out.get("ok"):
                    first = body.strip().splitlines()[0] if body.strip() else ""
                    fail(
                        f"problem.md: python block {i + 1} ({first[:50]!r}) fails: {out['error']['message']}"
                    )
        worked = split_sections(p.statement_md).get("Worked example", "")
        pycon = [body for info, body in code_blocks(worked) if info == "pycon"]
        if not pycon:
            fail(
                "problem.md: the Worked example has no ```pycon block to check against the reference"
            )
            return
        examples = [ex for body in pycon for ex in doctest.DocTestParser().get_examples(body)]
        if not examples:
            fail("problem.md: the Worked example's pycon block has no `>>>` lines")
            return
        res = self._blocks_job(p.solution, [{"kind": "eval", "code": ex.source} for ex in examples])
        if res.get("preload_error"):
            fail(
                f"solution.py fails to load for the worked example: {res['preload_error']['message']}"
            )
            return
        for ex, out in zip(examples, res.get("blocks", []), strict=False):
            src = ex.source.strip().splitlines()[0]
            if not out.get("ok"):
                fail(f"problem.md worked example `{src}` raises: {out['error']['message']}")
                continue
            want = ex.want.strip()
            if not want:
                continue
            got_repr = (out.get("repr") or "").strip()
            try:
                want_value = _want_value(want)
            except Exception:
                want_value = None
            if want_value is not None and out.get("value") is not None:
                got = codec.decode(out["value"])
                msg = compare(want_value, got, p.rtol, max(p.atol, 1e-6))
                if msg:
                    fail(
                        f"problem.md worked example `{src}` shows {want!r} but the reference returns "
                        f"{got_repr!r}: {msg}"
                    )
            elif _normalise(want) != _normalise(
                got_repr
            ) and not doctest.OutputChecker().check_output(
                want + "\n", got_repr + "\n", doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
            ):
                fail(
                    f"problem.md worked example `{src}` shows {want!r} but the reference returns {got_repr!r}"
                )

    def _blocks_job(self, preload: Optional[str], blocks: list[Frame]) -> Frame:
        outcome = self.pool.run(
            {"op": "blocks", "preload": preload, "blocks": blocks},
            SYSTEM,
            time_limit_s=120,
            memory_limit_mb=4096,
        )
        if outcome.status != "ok" or outcome.result is None:
            raise ProblemError(
                f"statement code blocks did not finish ({outcome.status}) "
                f"{outcome.exit_description} {outcome.stderr[-500:]}"
            )
        return outcome.result


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _first_problem(result: CheckReport) -> str:
    """The first thing that went wrong in a report, as a sentence."""
    if result["error"]:
        return result["error"]["message"]
    for c in result["cases"]:
        if not c["passed"]:
            return f"{c['name']}: {c['message']}"
    return result["status"]
