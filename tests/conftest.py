"""Shared fixtures: a small bank (the two reference problems), a warm pool, a checker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jaxlings.bank import Bank
from jaxlings.checker import Checker
from jaxlings.harness.pool import WorkerPool

REPO = Path(__file__).resolve().parents[1]
PROBLEMS = REPO / "problems"
REFERENCE = {
    "nnx-ema-step": "B-nnx-modules/19-nnx-ema-step",
    "nnx-counters-and-buffers": "B-nnx-modules/14-nnx-counters-and-buffers",
}

pytest_plugins = ["pytest_jupyter.jupyter_server"]


@pytest.fixture(scope="session")
def small_bank_dir(tmp_path_factory) -> Path:
    """A copy of the two reference problems, so tests don't depend on the rest of the bank."""
    root = tmp_path_factory.mktemp("bank")
    for rel in REFERENCE.values():
        sprint = rel.split("/")[0]
        (root / sprint).mkdir(exist_ok=True)
        shutil.copy(PROBLEMS / sprint / "sprint.toml", root / sprint / "sprint.toml")
        shutil.copytree(PROBLEMS / rel, root / rel, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.fixture(scope="session")
def small_bank(small_bank_dir) -> Bank:
    bank = Bank(small_bank_dir)
    assert not bank.errors, bank.errors
    return bank


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("jaxlings-data")


@pytest.fixture(scope="session")
def pool(data_dir):
    p = WorkerPool(
        max_workers=2,
        spare=1,
        compile_cache_dir=data_dir / "xla-cache",
        log_path=data_dir / "workers.log",
    )
    p.prefill()
    yield p
    p.close()


@pytest.fixture(scope="session")
def checker(pool, data_dir) -> Checker:
    return Checker(pool, data_dir / "expected", time_limit_override=None)


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL cluster for the whole run; each test takes its own database (`database`)."""
    from tests.postgres import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    """A fresh, empty progress database: a SQLite file, or a new database in the cluster."""
    if request.param == "sqlite":
        return str(tmp_path / "progress.sqlite")
    import uuid

    return request.getfixturevalue("postgres").create_database(f"t{uuid.uuid4().hex[:12]}")


def solution_of(bank: Bank, problem_id: str) -> str:
    return bank.get(problem_id).solution
