"""`jaxlings validate`: proves a problem sound, through the same worker path as a Check.

For each problem: the schema holds; cases load and match the signature; the reference
passes; every alt/ file (another reasonable approach) passes; the starter fails; every
wrong/ file names a listed pitfall and fails; every listed pitfall has a wrong/ file;
every `python` block of the statement runs; the worked example's outputs match the
reference; every inline code span that names an API (`jax.…`, `jnp.…`, `nnx.…`,
`optax.…`, `np.…`) parses and resolves on the installed versions, with keywords the API
accepts; there are at least two hints.
"""

from __future__ import annotations

import ast
import doctest
import json
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
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


API_ROOTS = ("jax", "jnp", "nnx", "optax", "np")
_NAMES_API = re.compile(r"(?<![\w.])(?:{})\.[A-Za-z_]".format("|".join(API_ROOTS)))
_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)


def inline_code(markdown: str) -> list[str]:
    """The inline code spans of a markdown text, outside fenced blocks, in order."""
    prose, fence = [], None
    for line in markdown.splitlines():
        stripped = line.strip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence) and stripped.strip(fence[0]) == "":
            fence = None
        elif fence is None:
            prose.append(line)
    # a span may wrap onto the next line of a paragraph, never into the next paragraph
    paragraphs = re.split(r"\n\s*\n", "\n".join(prose))
    return [m.group(2).strip() for para in paragraphs for m in _SPAN.finditer(para)]


def _dotted(node: ast.AST) -> Optional[str]:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name) and node.id in API_ROOTS and parts:
        return ".".join([node.id] + parts[::-1])
    return None


def api_references(span: str) -> tuple[Optional[str], list[tuple[str, list[str]]]]:
    """For a code span naming an API: (why it does not parse, or None) and the
    (dotted name, keyword names used in a call of it) pairs it holds."""
    code = span.replace("…", "...").replace("\u2011", "-")
    if code.startswith("."):
        code = "x" + code  # a method written on its own: `.astype(jnp.uint8)`
    tree, error = None, ""
    # a span may be a header (`class Affine(nnx.Module)`, `def f(x)`) or a decorator (`@nnx.jit`)
    attempts = [("eval", code), ("exec", code), ("exec", code.rstrip(":") + ":\n    pass")]
    attempts.append(("exec", code + "\ndef _f():\n    pass"))
    for mode, text in attempts:
        try:
            tree = ast.parse(text, mode=mode)
            break
        except SyntaxError as exc:
            error = error or exc.msg
    if tree is None:
        looks_like_code = "(" in code or "=" in code or "[" in code
        if looks_like_code:
            return f"does not parse as Python ({error})", []
        # prose that mentions an API (`nnx.Param` filters, `jnp.float32 → int32`): check the names
        return None, [
            (m, [])
            for m in re.findall(r"(?<![\w.])(?:{})(?:\.\w+)+".format("|".join(API_ROOTS)), code)
        ]
    refs: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name:
                refs.setdefault(name, set()).update(k.arg for k in node.keywords if k.arg)
        elif isinstance(node, ast.Attribute):
            name = _dotted(node)
            if name:
                refs.setdefault(name, set())
    # `jax.random.split` also yields `jax.random`: keep only the longest chains
    longest = {n: kws for n, kws in refs.items() if not any(o.startswith(n + ".") for o in refs)}
    return None, [(n, sorted(k)) for n, k in longest.items()]


# Runs in a worker (the prelude is there): resolves names and checks call keywords.
_RESOLVER = """
def _jaxlings_resolve(refs):
    import inspect
    out = []
    for name, keywords in refs:
        root, *rest = name.split(".")
        obj, seen = globals()[root], root
        try:
            for part in rest:
                obj = getattr(obj, part)
                seen += "." + part
        except AttributeError:
            out.append(f"`{name}` does not exist: `{seen}` has no attribute `{part}`")
            continue
        if not keywords:
            continue
        try:
            params = inspect.signature(obj).parameters
        except (TypeError, ValueError):
            continue
        if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
            continue
        bad = [k for k in keywords if k not in params or params[k].kind is inspect.Parameter.POSITIONAL_ONLY]
        if bad:
            known = ", ".join(p for p in params if params[p].kind is not inspect.Parameter.POSITIONAL_ONLY)
            out.append(f"`{name}` takes no keyword {', '.join(repr(b) for b in bad)} (it takes {known})")
    return out
"""


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
        self,
        bank: Bank,
        checker: Checker,
        progress: Optional[Callable[[str], None]] = None,
        timings_path: Optional[Path] = None,
    ):
        self.bank = bank
        self.checker = checker
        self.pool = checker.pool
        self.say = progress or (lambda _msg: None)
        self.timings_path = timings_path

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
        # slowest first (by the last run's times), so no long problem starts last and runs alone
        before = self._timings()
        problems.sort(key=lambda p: -before.get(p.id, float("inf")))
        with ThreadPoolExecutor(max_workers=max(1, parallel)) as ex:
            done = list(ex.map(self.validate, problems))
        self._save_timings({**before, **{r.problem: r.seconds for r in done}})
        order = {pid: i for i, pid in enumerate(self.bank.problems)}
        return reports + sorted(done, key=lambda r: order.get(r.problem, 0))

    def _timings(self) -> dict[str, float]:
        try:
            data = json.loads(self.timings_path.read_text()) if self.timings_path else {}
            return {k: float(v) for k, v in data.items()} if isinstance(data, dict) else {}
        except (OSError, ValueError, TypeError):
            return {}

    def _save_timings(self, timings: dict[str, float]) -> None:
        if self.timings_path is None:
            return
        try:
            self.timings_path.parent.mkdir(parents=True, exist_ok=True)
            self.timings_path.write_text(json.dumps(timings, indent=1, sort_keys=True))
        except OSError:
            pass  # only an ordering hint

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
        for c in cases:
            if c.probes is not None and not (isinstance(c.probes, str) and c.probes.strip()):
                fail(f"cases.py: case {c.name!r}: `probes` must be a sentence fragment")
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

        # the reference, through the check path, against freshly computed expected outputs;
        # every job here is trusted code, so all of them run on the same (SYSTEM) workers
        # validation proves content, not speed: a loaded machine must not fail a sound problem
        # (CI on a busy 2-core box runs a first, cold reference several times slower than a Check)
        limit = max(180.0, 6 * p.time_limit_s)
        if self.checker.has_cached_expected(p):
            # an earlier run of this very content made them: the check of solution.py below is
            # the second run that proves the reference deterministic, so none is redundant
            expected = self.checker.expected(p)
        else:
            expected = self.checker.recompute_expected(p, owner=SYSTEM, time_limit_s=limit)
        if p.outputs:
            for c, value in zip(cases, expected.values, strict=False):
                if not isinstance(value, (tuple, list)) or len(value) != len(p.outputs):
                    fail(
                        f"meta.toml: `outputs` names {len(p.outputs)} items, but the reference "
                        f"returns {_shape_of(value)} for case {c.name!r}"
                    )
                    break
        ref = self.checker.check(p, p.solution, SYSTEM, limit)
        if not ref["passed"]:
            fail(
                "solution.py does not pass its own cases twice in a row (is it deterministic?): "
                + _first_problem(ref)
            )
        for af in p.alt_files():
            res = self.checker.check(p, af.read_text(), SYSTEM, limit)
            if not res["passed"]:
                fail(f"alt/{af.name} is a correct approach but fails: {_first_problem(res)}")
            elif res["duration_ms"] > 1000 * p.time_limit_s:
                # only a note: validation runs on loaded CI machines, with stretched limits
                r.notes.append(
                    f"alt/{af.name}: passed, but took {res['duration_ms'] / 1000:.1f} s, more "
                    f"than the problem's {p.time_limit_s:g} s limit"
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
        spans = []  # (file, span, references)
        for where, text in (
            ("problem.md", p.statement_md),
            ("hints.md", "\n\n".join(p.hints)),
            ("solution.md", p.solution_notes),
        ):
            for span in dict.fromkeys(inline_code(text)):
                if not _NAMES_API.search(span):
                    continue
                why, refs = api_references(span)
                if why:
                    fail(f"{where}: `{span}` {why}")
                elif refs:
                    spans.append((where, span, refs))
        job = [{"kind": "exec", "code": _RESOLVER}] if spans else []
        job += [{"kind": "eval", "code": f"_jaxlings_resolve({refs!r})"} for _w, _s, refs in spans]
        job += [{"kind": "exec", "code": b} for b in runnable]
        if job:
            res = self._blocks_job(None, job)
            outs = res.get("blocks", [])
            api_outs = outs[1 : 1 + len(spans)] if spans else []
            for (where, span, _refs), out in zip(spans, api_outs, strict=False):
                if not out.get("ok"):
                    fail(f"{where}: `{span}` could not be checked: {out['error']['message']}")
                    continue
                for msg in codec.decode(out["value"]) if out.get("value") is not None else []:
                    fail(f"{where}: `{span}`: {msg}")
            block_outs = outs[1 + len(spans) :] if spans else outs
            for i, (body, out) in enumerate(zip(runnable, block_outs, strict=False)):
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


def _shape_of(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} items"
    return f"a {type(value).__name__}"


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
