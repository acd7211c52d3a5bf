"""The REST API as an OpenAPI 3.1 document, generated from the TypedDicts in `jaxlings.api`."""

from __future__ import annotations

import typing
from typing import Any, Literal

from . import __version__, api

JSON = dict[str, Any]

# Literal aliases that get a schema of their own (and a named type in TypeScript)
NAMED_LITERALS = {"Status": api.Status, "Verdict": api.Verdict, "Cell": api.Cell}
PRIMITIVES = {str: "string", int: "integer", float: "number", bool: "boolean"}
# fields required in a TypedDict declared total=False for its optional ones (NotRequired is
# not seen under postponed annotations before Python 3.12)
REQUIRED_ANYWAY = {"CheckRequest": {"code"}}


def typed_dicts() -> dict[str, type]:
    """Every TypedDict defined in jaxlings.api, in source order."""
    return {
        name: obj
        for name, obj in vars(api).items()
        if isinstance(obj, type) and typing.is_typeddict(obj) and obj.__module__ == api.__name__
    }


def _ref(name: str) -> JSON:
    return {"$ref": f"#/components/schemas/{name}"}


def schema_of(tp: Any) -> JSON:
    """The JSON Schema of one Python type annotation used in jaxlings.api."""
    for name, alias in NAMED_LITERALS.items():
        if tp == alias:
            return _ref(name)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in PRIMITIVES:
        return {"type": PRIMITIVES[tp]}
    if typing.is_typeddict(tp):
        return _ref(tp.__name__)
    if origin is Literal:
        return {"type": "string", "enum": list(args)}
    if origin is list:
        return {"type": "array", "items": schema_of(args[0])}
    if origin is typing.Union and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        schema = schema_of(inner)
        if set(schema) == {"type"}:
            return {"type": [schema["type"], "null"]}
        return {"anyOf": [schema, {"type": "null"}]}
    raise TypeError(f"jaxlings.openapi cannot describe the annotation {tp!r}")


def object_schema(td: type) -> JSON:
    hints = typing.get_type_hints(td)
    doc = (td.__doc__ or "").strip()
    schema: JSON = {"type": "object"}
    if doc and not doc.startswith(
        f"{td.__name__}("
    ):  # TypedDict's generated docstring says nothing
        schema["description"] = doc
    schema["properties"] = {field: schema_of(tp) for field, tp in hints.items()}
    required = set(getattr(td, "__required_keys__", frozenset(hints)))
    required |= REQUIRED_ANYWAY.get(td.__name__, set())
    schema["required"] = [field for field in hints if field in required]
    schema["additionalProperties"] = False
    return schema


def _json(name: str, description: str) -> JSON:
    return {"description": description, "content": {"application/json": {"schema": _ref(name)}}}


def _operation(op_id: str, summary: str, ok: JSON, refusals: dict[str, str], **extra: Any) -> JSON:
    responses = {"200": ok}
    for code, why in refusals.items():
        responses[code] = _json("ErrorBody", why)
    return {"operationId": op_id, "summary": summary, **extra, "responses": responses}


def document() -> JSON:
    """The whole OpenAPI document; `jaxlings openapi` prints it."""
    schemas: JSON = {
        name: {"type": "string", "enum": list(typing.get_args(alias))}
        for name, alias in NAMED_LITERALS.items()
    }
    schemas.update({name: object_schema(td) for name, td in typed_dicts().items()})
    problem_id = {
        "name": "id",
        "in": "path",
        "required": True,
        "description": "The problem's slug, e.g. nnx-ema-step.",
        "schema": {"type": "string"},
    }
    unknown = {"404": "There is no such problem."}
    summaries = {
        "description": "Every problem with the user's status on it.",
        "content": {
            "application/json": {"schema": {"type": "array", "items": _ref("ProblemSummary")}}
        },
    }
    paths = {
        "/problems": {"get": _operation("listProblems", "List the problems", summaries, {})},
        "/problems/{id}": {
            "parameters": [problem_id],
            "get": _operation(
                "getProblem",
                "A problem's statement, starter and what of its hints may be shown",
                _json("ProblemDetail", "The problem."),
                unknown,
            ),
        },
        "/problems/{id}/check": {
            "parameters": [problem_id],
            "post": _operation(
                "checkProblem",
                "Check the learner's code against every case and record an attempt",
                _json("CheckResult", "The verdict, case by case."),
                {
                    "400": "The body is not a JSON object with a code string.",
                    "409": "The learner cancelled the Check (DELETE); nothing was recorded.",
                    **unknown,
                    "500": "The problem's reference is broken.",
                    "503": "The checker is busy or shutting down.",
                },
                requestBody={
                    "required": True,
                    "content": {"application/json": {"schema": _ref("CheckRequest")}},
                },
            ),
            "delete": _operation(
                "cancelCheck",
                "Stop the user's running Check of the problem (it answers 409, unrecorded)",
                _json("CancelReply", "How many running Checks were stopped."),
                unknown,
            ),
        },
        "/problems/{id}/hints/next": {
            "parameters": [problem_id],
            "post": _operation(
                "nextHint",
                "Reveal the next hint",
                _json("HintReveal", "The hint just revealed."),
                {"403": "No hint may be revealed yet; the message says why.", **unknown},
            ),
        },
        "/problems/{id}/solution": {
            "parameters": [problem_id],
            "get": _operation(
                "getSolution",
                "The reference solution, once unlocked",
                _json("Solution", "The solution and its notes."),
                {"403": "The solution is still locked; the message says why.", **unknown},
            ),
        },
        "/progress": {
            "get": _operation(
                "getProgress",
                "The user's status on every problem and totals per sprint",
                _json("Progress", "The user's progress."),
                {},
            )
        },
    }
    paths.update(class_paths(problem_id))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "jaxlings REST API",
            "version": __version__,
            "description": "Checked JAX and Flax NNX exercises. Served by the jupyter-server "
            "extension and by `jaxlings serve` under `{base_url}jaxlings/api`.",
        },
        "servers": [{"url": "/jaxlings/api"}],
        "security": [{"token": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "token": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": "`token <the server's token>`, as for any Jupyter server.",
                }
            },
        },
    }


def class_paths(problem_id: JSON) -> JSON:
    """The instructors' endpoints (the classroom service); learners get 403."""
    learner = {
        "name": "user",
        "in": "path",
        "required": True,
        "description": "The learner as the dashboard names them, e.g. ann.",
        "schema": {"type": "string"},
    }
    only = {"403": "Only the class's instructors may call this."}

    def rows(name: str, columns: type, what: str) -> JSON:
        params = [
            {
                "name": "format",
                "in": "query",
                "description": "csv (default, a download) or json (the same rows).",
                "schema": {"type": "string", "enum": ["csv", "json"]},
            },
            {
                "name": "anonymize",
                "in": "query",
                "description": "1 replaces user names with stable pseudonyms.",
                "schema": {"type": "string"},
            },
        ]
        ok = {
            "description": f"{what}: columns {', '.join(columns.__annotations__)}.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "array", "items": _ref(columns.__name__)}},
            },
        }
        return {"get": _operation(name, what, ok, only, parameters=params)}

    return {
        "/class/overview": {
            "get": _operation(
                "classOverview",
                "Per learner, problem and sprint: started, solved, medians, reveals",
                _json("ClassOverview", "The class at a glance."),
                only,
            )
        },
        "/class/matrix": {
            "get": _operation(
                "classMatrix",
                "Learners x problems: solved, attempted or new",
                _json("ClassMatrix", "The heatmap's cells, one row per learner."),
                only,
            )
        },
        "/class/problems/{id}": {
            "parameters": [problem_id],
            "get": _operation(
                "classProblem",
                "A problem's misconception map and attempts-to-solve histogram",
                _json("ClassProblemDetail", "What fails, and which listed pitfall it resembles."),
                {**only, "404": "There is no such problem."},
            ),
        },
        "/class/activity": {
            "get": _operation(
                "classActivity",
                "Attempts over time",
                _json("ClassActivity", "Attempts and passes per bucket (gaps are zeros)."),
                {**only, "400": "bucket_s is not 60 to 2592000 seconds."},
                parameters=[
                    {
                        "name": "bucket_s",
                        "in": "query",
                        "description": "Bucket length in seconds (default 3600); lengthened "
                        f"so that there are at most {2000} buckets.",
                        "schema": {"type": "integer"},
                    }
                ],
            )
        },
        "/class/learners/{user}": {
            "parameters": [learner],
            "get": _operation(
                "classLearner",
                "One learner's progress across the track",
                _json("ClassLearnerDetail", "The learner's status on every problem."),
                {**only, "404": "No such learner has checked a problem."},
            ),
        },
        "/class/learners/{user}/problems/{id}/latest": {
            "parameters": [learner, problem_id],
            "get": _operation(
                "classLatestSubmission",
                "A learner's latest submission for a problem (read-only)",
                _json("Submission", "The code as last checked."),
                {**only, "404": "The learner has not checked that problem."},
            ),
        },
        "/class/attempts.csv": rows("classAttempts", api.AttemptRow, "Every attempt, one row each"),
        "/class/progress.csv": rows(
            "classProgressRows", api.ProgressRow, "Every learner's status on every problem"
        ),
    }
