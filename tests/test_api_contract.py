"""The REST contract: openapi.json is generated from jaxlings.api, and real answers conform to it.

packages/client/src/schema.ts (both front ends' types) is generated from the same openapi.json;
packages/client/test/contract.spec.ts fails when that file is stale.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import jsonschema
import pytest

from jaxlings import api
from jaxlings.openapi import document, typed_dicts
from jaxlings.service import JaxlingsService, Refusal

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "packages" / "client" / "openapi.json"
USER = "os:contract"
WRONG = "def ema_step(seed, params_arr, ema_arr, decay):\n    return params_arr\n"
ERROR = "def ema_step(seed, params_arr, ema_arr, decay):\n    return undefined_name\n"


def test_committed_openapi_is_generated_from_jaxlings_api():
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == document(), (
        "packages/client/openapi.json is stale: run "
        "`jaxlings openapi -o packages/client/openapi.json` and then "
        "`jlpm workspace @jaxlings/client generate`"
    )


def test_every_typeddict_is_a_schema_with_its_types():
    schemas = document()["components"]["schemas"]
    assert set(typed_dicts()) <= set(schemas)
    check = schemas["CheckResult"]["properties"]
    assert check["status"] == {"$ref": "#/components/schemas/Verdict"}
    assert check["error"] == {
        "anyOf": [{"$ref": "#/components/schemas/CheckError"}, {"type": "null"}]
    }
    assert check["attempt"] == {"type": ["integer", "null"]}
    assert check["duration_ms"] == {"type": "number"}
    assert schemas["Verdict"]["enum"] == list(api.Verdict.__args__)


def conforms(value, name: str) -> None:
    """Validate against a component schema of the generated document (refs resolve in it)."""
    doc = document()
    schema = {"$ref": f"#/components/schemas/{name}", "components": doc["components"]}
    jsonschema.Draft202012Validator(schema).validate(value)


def test_a_wrong_field_type_is_caught():
    with pytest.raises(jsonschema.ValidationError):
        conforms({"code": 3}, "CheckRequest")


@pytest.fixture
def service(tmp_path, small_bank_dir):
    svc = JaxlingsService(
        data_dir=tmp_path, problems_dir=small_bank_dir, max_workers=1, spare_workers=0
    )
    yield svc
    svc.close()


def test_the_service_answers_in_the_contract(service, small_bank):
    for summary in service.list_problems(USER):
        conforms(summary, "ProblemSummary")
    conforms(service.detail(USER, "nnx-ema-step"), "ProblemDetail")
    conforms(service.check(USER, "nnx-ema-step", WRONG), "CheckResult")
    conforms(service.check(USER, "nnx-ema-step", ERROR), "CheckResult")
    conforms(service.next_hint(USER, "nnx-ema-step"), "HintReveal")
    conforms(service.detail(USER, "nnx-ema-step"), "ProblemDetail")
    conforms(
        service.check(USER, "nnx-ema-step", small_bank.get("nnx-ema-step").solution), "CheckResult"
    )
    conforms(service.solution(USER, "nnx-ema-step"), "Solution")
    conforms(service.progress_of(USER), "Progress")
    # opening the problem (detail, above) started its pitfalls' signatures; once ready, a
    # Check of a listed pitfall's code names it
    ema = small_bank.get("nnx-ema-step")
    end = time.monotonic() + 300
    while service.pitfalls.ready(ema) is None and time.monotonic() < end:
        time.sleep(0.5)
    swapped = (ema.path / "wrong" / "swapped_blend.py").read_text()
    named = service.check(USER, "nnx-ema-step", swapped)
    conforms(named, "CheckResult")
    assert named["pitfall"] is not None and named["pitfall"]["title"] == "Swapped blend"
    # the instructors' class views, in the contract too
    conforms(service.class_overview(), "ClassOverview")
    conforms(service.class_matrix(), "ClassMatrix")
    problem = service.class_problem("nnx-ema-step")
    conforms(problem, "ClassProblemDetail")
    assert {p["file"]: p["attempts"] for p in problem["pitfalls"]}["swapped_blend"] == 1
    conforms(service.class_activity("60"), "ClassActivity")
    conforms(service.class_learner("contract"), "ClassLearnerDetail")
    conforms(service.class_latest("contract", "nnx-ema-step"), "Submission")
    for row in service.class_attempts(anonymize=True):
        conforms(row, "AttemptRow")
    for row in service.class_progress_rows():
        conforms(row, "ProgressRow")
    with pytest.raises(Refusal) as err:
        service.solution(USER, "no-such-problem")
    conforms({"message": err.value.message}, "ErrorBody")
