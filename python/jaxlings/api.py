"""The JSON shapes of the REST API and of `jaxlings check --json`, defined once.

`jaxlings openapi` turns them into packages/client/openapi.json, from which the TypeScript
types of both front ends are generated; tests/test_api_contract.py fails when either is stale.
"""

from __future__ import annotations

from typing import Literal, Optional, TypedDict

Status = Literal["new", "attempted", "solved"]
Verdict = Literal["passed", "failed", "error", "timeout", "memory"]


class ProblemSummary(TypedDict):
    id: str
    title: str
    sprint: str
    sprint_title: str
    order: int
    difficulty: str
    status: Status
    attempts: int


class HintsInfo(TypedDict):
    total: int
    unlocked: list[str]
    next_available: bool
    locked_reason: Optional[str]


class Isolation(TypedDict):
    """How Checks are kept apart from the server (harness/jail.py); `note` when they are not."""

    jailed: bool
    tool: str
    limits: str
    note: Optional[str]


class ProblemDetail(TypedDict):
    id: str
    title: str
    sprint: str
    sprint_title: str
    order: int
    difficulty: str
    statement_md: str
    starter: str
    function: str
    signature: str
    hints: HintsInfo
    solution_available: bool
    solution_locked_reason: Optional[str]
    status: Status
    attempts: int
    isolation: Isolation


class ArrayDiff(TypedDict):
    """A failed case's array output beside the expected one, small enough to draw: at most 64 x 64
    values, cut from the whole array around its largest difference. Values are row-major, rounded
    to 4 significant digits, NaN and infinities as null; `differs` holds the flat indices (in the
    cut) of the elements that differ beyond the problem's tolerance."""

    output: Optional[
        str
    ]  # which output of a tuple or dict result ("grads", "[1]"); None: the only one
    full_shape: list[int]  # the output's own shape
    shape: list[int]  # the cut's shape: (n,), (rows, cols) or (slices, rows, cols)
    offset: list[int]  # where the cut starts in the output, per axis of `shape`
    channels_last: bool  # 3-D outputs laid out (rows, cols, channels): slices are channels
    expected: list[Optional[float]]
    actual: list[Optional[float]]
    differs: list[int]


class CaseResult(TypedDict):
    name: str
    passed: bool
    hidden: bool
    kind: Literal["case", "structure"]
    inputs_preview: Optional[str]
    expected_preview: Optional[str]
    actual_preview: Optional[str]
    message: Optional[str]
    # what the function printed during this case (visible cases only; hidden ones print nothing)
    stdout: Optional[str]
    # a failed visible case's array output and the expected one, for a picture of where they differ
    diff: Optional[ArrayDiff]


class CheckError(TypedDict):
    type: str
    message: str
    line: Optional[int]
    traceback: Optional[str]


class Pitfall(TypedDict):
    """The listed pitfall (a wrong/ file of the problem) a failing submission most resembles."""

    file: str  # wrong/<file>.py stem, e.g. "swapped_blend"
    title: str  # from its first line "# pitfall: <Title>"
    summary_md: str  # that pitfall's paragraph of problem.md's "## Pitfalls" list


class CheckReport(TypedDict):
    """What the checker decides about one submission: the verdict and each case."""

    problem: str
    passed: bool
    status: Verdict
    cases: list[CaseResult]
    error: Optional[CheckError]
    stdout: str
    stderr: str
    stdout_truncated: bool
    stderr_truncated: bool
    duration_ms: float
    pitfall: Optional[Pitfall]


class CheckResult(CheckReport):
    """A Check's answer: the report, the attempt as saved, and all that the attempt moved
    (the problem's status, the hints and the solution gate), so the front end redraws from it."""

    attempt: Optional[int]
    saved: bool
    save_error: Optional[str]
    summary: ProblemSummary
    hints: HintsInfo
    solution_available: bool
    solution_locked_reason: Optional[str]


class HintReveal(TypedDict):
    index: int
    text: str
    hints: HintsInfo


class Solution(TypedDict):
    code: str
    notes_md: str


class SprintProgress(TypedDict):
    key: str
    title: str
    total: int
    solved: int
    attempted: int  # started and not solved yet (in progress)


class ActivityMark(TypedDict):
    """One recorded attempt, for the learner's activity chart and streak (counted in their time zone)."""

    at: float  # Unix time
    passed: bool


class Progress(TypedDict):
    user: str
    problems: list[ProblemSummary]
    sprints: list[SprintProgress]
    solved: int
    total: int
    activity: list[ActivityMark]  # the attempts of the last 60 days, oldest first (at most 2000)


class Attempt(TypedDict):
    """One of the learner's own attempts at a problem, with the code as it was checked."""

    number: int  # 1 for the first attempt at the problem
    at: float  # Unix time
    status: Verdict
    passed: bool
    duration_ms: float
    code: str


class AttemptHistory(TypedDict):
    problem: str
    attempts: list[Attempt]  # oldest first


class CheckRequest(TypedDict):
    code: str


class ErrorBody(TypedDict):
    message: str
