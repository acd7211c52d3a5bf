"""The REST API as an OpenAPI 3.1 document, generated from the TypedDicts in `jaxlings.api`."""

from __future__ import annotations

import typing
from typing import Any, Literal

from . import __version__, api

JSON = dict[str, Any]

# Literal aliases that get a schema of their own (and a named type in TypeScript)
NAMED_LITERALS = {"Status": api.Status, "Verdict": api.Verdict}
PRIMITIVES = {str: "string", int: "integer", float: "number", bool: "boolean"}


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
    required = getattr(td, "__required_keys__", frozenset(hints))
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
                    **unknown,
                    "500": "The problem's reference is broken.",
                    "503": "The checker is busy or shutting down.",
                },
                requestBody={
                    "required": True,
                    "content": {"application/json": {"schema": _ref("CheckRequest")}},
                },
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
        "/problems/{id}/attempts": {
            "parameters": [problem_id],
            "get": _operation(
                "getAttempts",
                "The user's own attempts at a problem, each with the code it checked",
                _json("AttemptHistory", "The attempts, oldest first."),
                {**unknown, "503": "The progress database could not be read."},
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
