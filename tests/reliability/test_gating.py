"""Gating leaks: locked hint text and the solution never leave the server.

Every response body a learner can provoke for a problem (listing, detail, progress, check
results of failing and crashing code, refused hint and solution requests, 404s) is
collected before anything unlocks, and after each partial unlock, and searched for the
texts read straight from the problem folder: each hints.md section, solution.py,
solution.md. Positive controls (the hint just revealed, the solution once unlocked) prove
the search finds those texts when they are there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import COUNTERS, EMA, problem_dir

# failing code of every kind (wrong values, an exception, a syntax error, no function);
# two per problem in the hint test, so that the solution (3 failed checks) stays locked
FAILING = {
    EMA: [
        "def ema_step(seed, params_arr, ema_arr, decay):\n    return params_arr * 0.5\n",
        "def ema_step(seed, params_arr, ema_arr, decay)\n    return 1\n",
        "def ema_step(seed, params_arr, ema_arr, decay):\n    raise ValueError('nope')\n",
        "print('hello')\n",
    ],
    COUNTERS: [
        "class StepCounter(nnx.Module):\n    def __init__(self, rngs):\n"
        "        self.step = nnx.Param(jnp.array(0.0))\n"
        "def counter_after_n_calls(seed, n_calls):\n    return undefined_name\n",
        "import sys\nsys.exit(3)\n",
        "def counter_after_n_calls(seed, n_calls):\n    return jnp.array([1.0, 2.0])\n",
        "x = 1\n",
    ],
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def hint_sections(folder: Path) -> list[str]:
    """hints.md: one hint per `## ` heading (read independently of jaxlings.bank)."""
    hints, cur = [], None
    for line in (folder / "hints.md").read_text().splitlines():
        if line.startswith("## "):
            if cur is not None:
                hints.append("\n".join(cur).strip())
            cur = []
        elif cur is not None:
            cur.append(line)
    if cur is not None:
        hints.append("\n".join(cur).strip())
    return [h for h in hints if h]


def fragments(text: str, public: str, min_len: int = 24) -> list[str]:
    """The whole text and each line / sentence of it long enough to be telling and not public."""
    out = {norm(text)}
    for piece in re.split(r"\n|(?<=[.!?])\s", text):
        piece = norm(piece)
        if len(piece) >= min_len and piece not in public:
            out.add(piece)
    return sorted(out, key=len)


class Secrets:
    def __init__(self, folder: Path):
        public = norm(
            (folder / "problem.md").read_text() + "\n" + (folder / "starter.py").read_text()
        )
        self.hints = [fragments(h, public) for h in hint_sections(folder)]
        sol = (folder / "solution.py").read_text()
        notes = (folder / "solution.md").read_text() if (folder / "solution.md").exists() else ""
        code_lines = {
            norm(line)
            for line in sol.splitlines()
            if len(norm(line)) >= 12 and norm(line) not in public
        }
        self.solution = sorted(
            code_lines | {norm(sol)} | set(fragments(notes, public) if notes else [])
        )
        assert len(self.hints) >= 2 and len(self.solution) >= 3


def strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in strings(k) + strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in strings(v)]
    return []


def haystack(bodies: list) -> str:
    """Every string in every body (JSON decoded, so escapes do not hide anything), and the raw text."""
    parts = []
    for r in bodies:
        parts.append(r.text)
        try:
            parts.extend(strings(r.json()))
        except ValueError:
            pass
    return norm("\n".join(parts))


def leaks(text: str, needles: list[str]) -> list[str]:
    return [n for n in needles if n in text]


def everything(server, user: str, problem: str, other: str) -> list:
    """Every response a learner can get about `problem` without unlocking anything."""
    bodies = [
        server.api("GET", "problems", user=user),
        server.api("GET", f"problems/{problem}", user=user),
        server.api("GET", f"problems/{other}", user=user),
        server.api("GET", "progress", user=user),
        server.api("GET", f"problems/{problem}/solution", user=user),
        server.api("GET", f"problems/{problem}/solution/", user=user),
        server.api("GET", f"problems/{problem}%2Fsolution", user=user),
        server.api("GET", f"problems/{problem}/hints", user=user),
        server.api("GET", f"problems/{problem}/hints/2", user=user),
        server.api("GET", f"problems/{problem}?hints=all", user=user),
        server.request("GET", f"/jaxlings/api/problems/{problem}/solution?force=1", user=user),
    ]
    assert all(r.status < 500 for r in bodies), [r for r in bodies if r.status >= 500]
    return bodies


@pytest.mark.timeout(120)
@pytest.mark.parametrize("problem,other", [(EMA, COUNTERS), (COUNTERS, EMA)])
def test_locked_hints_and_solution_never_appear_in_any_response(
    server, user, bank_dir, problem, other
):
    sec = Secrets(problem_dir(bank_dir, problem))
    n_hints = len(sec.hints)
    all_hints = [f for h in sec.hints for f in h]

    # 1. nothing unlocked: not even hint 1
    bodies = everything(server, user, problem, other)
    nxt = server.api("POST", f"problems/{problem}/hints/next", user=user)
    assert nxt.status == 403, nxt
    bodies.append(nxt)
    assert not leaks(haystack(bodies), all_hints + sec.solution)

    # 2. failing checks (wrong values, an exception, a syntax error, no function): the results
    checks = [server.check(problem, code, user) for code in FAILING[problem][:2]]
    assert all(r.status == 200 and not r.json()["passed"] for r in checks), checks
    bodies = everything(server, user, problem, other) + checks
    detail = server.detail(problem, user)
    assert detail["hints"]["unlocked"] == [] and detail["hints"]["next_available"]
    assert not detail["solution_available"]
    assert not leaks(haystack(bodies), all_hints + sec.solution)

    # 3. hints one at a time: hint k+1 onwards stays out of every response
    for k in range(n_hints):
        reveal = server.api("POST", f"problems/{problem}/hints/next", user=user)
        assert reveal.status == 200, reveal
        shown = haystack([reveal])
        assert all(f in shown for f in sec.hints[k]), "positive control: the revealed hint is found"
        bodies = everything(server, user, problem, other) + [reveal]
        text = haystack(bodies)
        later = [f for h in sec.hints[k + 1 :] for f in h]
        assert not leaks(text, later), f"after {k + 1} hint(s), a later hint leaked"
        assert not leaks(text, sec.solution)
        assert len(server.detail(problem, user)["hints"]["unlocked"]) == k + 1
    final = server.api("POST", f"problems/{problem}/hints/next", user=user)
    assert final.status == 403 and not leaks(haystack([final]), sec.solution)


@pytest.mark.timeout(120)
def test_the_solution_stays_locked_until_the_third_failed_check(server, user, bank_dir):
    sec = Secrets(problem_dir(bank_dir, EMA))
    # two failed Checks that ran the learner's function (a raise, a wrong value); then code that
    # defines no function and a syntax error, which do not count
    returns_ema = "def ema_step(seed, params_arr, ema_arr, decay):\n    return ema_arr\n"
    tries = [FAILING[EMA][2], returns_ema, FAILING[EMA][3], FAILING[EMA][1]]
    for n, code in enumerate(tries, 1):
        server.check_json(EMA, code, user)
        bodies = everything(server, user, EMA, COUNTERS)
        sol = server.api("GET", f"problems/{EMA}/solution", user=user)
        assert sol.status == 403, (n, sol)
        assert "more failed" in sol.json()["message"]
        assert not leaks(haystack(bodies + [sol]), sec.solution), (
            f"solution leaked after {n} failed checks"
        )
    server.check_json(EMA, FAILING[EMA][0], user)
    sol = server.api("GET", f"problems/{EMA}/solution", user=user)
    assert sol.status == 200
    found = haystack([sol])
    assert all(s in found for s in sec.solution), "positive control: the unlocked solution is found"
