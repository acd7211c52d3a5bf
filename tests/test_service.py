"""Service-level refusals: the checking machinery failing is a sentence with a status, not a 500 trace."""

import pytest

from jaxlings.checker import ProblemError
from jaxlings.service import JaxlingsService, Refusal

GOOD = "def ema_step(seed, params_arr, ema_arr, decay):\n    return decay * ema_arr + (1.0 - decay) * params_arr\n"


@pytest.fixture
def service(tmp_path, small_bank_dir):
    svc = JaxlingsService(
        data_dir=tmp_path, problems_dir=small_bank_dir, max_workers=1, spare_workers=0
    )
    yield svc
    svc.close()


@pytest.mark.parametrize(
    "failure, status, words",
    [
        (TimeoutError("no worker became free in time"), 503, "Every checker is busy"),
        (
            ProblemError("problem nnx-ema-step: the reference solution raises"),
            500,
            "tell your instructor",
        ),
        (RuntimeError("the worker pool is closed"), 503, "not available"),
    ],
)
def test_machinery_failures_become_refusals(service, monkeypatch, failure, status, words):
    def boom(*args, **kwargs):
        raise failure

    monkeypatch.setattr(service.checker, "check", boom)
    with pytest.raises(Refusal) as err:
        service.check("os:someone", "nnx-ema-step", GOOD)
    assert err.value.status == status and words in err.value.message
    assert (
        service.progress.history("os:someone", "nnx-ema-step").attempts == 0
    )  # nothing half-recorded
