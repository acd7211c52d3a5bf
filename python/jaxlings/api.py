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
    function: str  # the function the learner writes (an unlinked notebook is matched by it)
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
    solution_viewed: bool  # the learner has seen the solution: a front end shows it again
    status: Status
    attempts: int
    isolation: Isolation


class CaseResult(TypedDict):
    name: str
    passed: bool
    hidden: bool
    kind: Literal["case", "structure"]
    inputs_preview: Optional[str]
    expected_preview: Optional[str]
    actual_preview: Optional[str]
    message: Optional[str]


class CheckError(TypedDict):
    type: str
    message: str
    line: Optional[int]
    traceback: Optional[str]


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
    ran: bool  # the function was called on at least one case


class CheckResult(CheckReport):
    """A Check's answer: the report, the attempt as saved, and all that the attempt moved
    (the problem's status, the hints and the solution gate), so the front end redraws from it."""

    attempt: Optional[int]
    saved: bool
    # whether this attempt counts toward unlocking the solution: a failed Check counts when it
    # ran the function on the learner's own code (not the starter, not a syntax error)
    counted: bool
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


class Progress(TypedDict):
    user: str
    problems: list[ProblemSummary]
    sprints: list[SprintProgress]
    solved: int
    total: int


class EarlierCell(TypedDict):
    """A code cell above the checked one: its 1-based position in the notebook and its text."""

    cell: int
    code: str


class CheckRequest(TypedDict, total=False):
    """`code` is the checked cell (required); `context` the code cells above it, whose
    functions, classes, imports and constants run first (context.py)."""

    code: str
    context: list[EarlierCell]


class CancelReply(TypedDict):
    """How many of the user's running Checks of the problem were stopped (0: none was running)."""

    cancelled: int


class ErrorBody(TypedDict):
    message: str
