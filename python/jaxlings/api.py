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


# ------------------------------------------------------------ the class (instructors only)

Cell = Literal["solved", "attempted", "new"]


class ClassLearner(TypedDict):
    user: str
    solved: int
    attempted: int  # problems started (solved or not)
    attempts: int
    last_active: Optional[float]


class ClassProblem(TypedDict):
    id: str
    title: str
    sprint: str
    order: int
    started: int  # learners with at least one attempt
    solved: int
    solve_rate: float  # solved / started (0 when nobody started)
    median_attempts_to_solve: Optional[float]
    median_time_to_solve_s: Optional[float]  # first attempt to first pass, of those who solved
    hints_revealed: int  # hints revealed, all learners together
    solutions_revealed: int  # learners who opened the solution


class ClassSprint(TypedDict):
    key: str
    title: str
    problems: int
    started: int  # learners who started a problem of the sprint
    solved: int  # learners who solved every problem of the sprint


class ClassOverview(TypedDict):
    """Per learner, problem and sprint: what the class has done."""

    generated_at: float
    learners: list[ClassLearner]
    problems: list[ClassProblem]
    sprints: list[ClassSprint]


class ClassMatrix(TypedDict):
    """The heatmap: one row of cells per learner, one column per problem."""

    learners: list[str]
    problems: list[str]
    cells: list[list[Cell]]


class FailureCount(TypedDict):
    name: str
    kind: Literal["case", "structure"]
    count: int  # failing attempts (status "failed") in which it failed


class PitfallCount(TypedDict):
    file: str
    title: str
    attempts: int  # failing attempts that most resemble it
    learners: int


class ClassProblemDetail(TypedDict):
    """The misconception map of one problem and the data of its attempts-to-solve histogram."""

    id: str
    title: str
    attempts_to_solve: list[int]  # one per learner who solved it
    failures: list[FailureCount]  # most frequent first
    pitfalls: list[PitfallCount]
    unlike_any: int  # failing attempts that resemble no listed pitfall
    attempts: int
    failed_attempts: int  # attempts whose code ran and computed a wrong value (status "failed")
    errors: int  # attempts that raised, timed out or ran out of memory
    pitfalls_ready: bool  # False while the wrong/ files are still being run


class ActivityPoint(TypedDict):
    t: float  # the bucket's start (Unix time)
    attempts: int
    passed: int


class ClassActivity(TypedDict):
    bucket_s: int
    points: list[ActivityPoint]


class LearnerProblem(TypedDict):
    id: str
    status: Status
    attempts: int
    last_at: Optional[float]


class ClassLearnerDetail(TypedDict):
    user: str
    problems: list[LearnerProblem]


class Submission(TypedDict):
    """A learner's latest submission for a problem, read-only, for instructors."""

    code: str
    at: float
    status: Verdict


class AttemptRow(TypedDict):
    """One row of class/attempts.csv (the same columns, in this order)."""

    user: str
    problem: str
    at_iso: str
    verdict: Verdict
    failed_cases: str  # names of the failed cases and checks, joined by "; "
    duration_ms: float
    attempt: int  # its number for the user and problem, from 1


class ProgressRow(TypedDict):
    """One row of class/progress.csv (the same columns, in this order)."""

    user: str
    problem: str
    status: Status
    attempts: int
    first_at_iso: str  # empty when not started
    solved_at_iso: str  # empty when not solved
    hints_revealed: int
    solution_revealed: int  # 1 when the learner opened the solution
