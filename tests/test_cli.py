"""The `jaxlings` command as a user runs it: exit codes and the CheckResult JSON."""

import json
import os
import subprocess
import sys

import pytest

from jaxlings import api

from .conftest import PROBLEMS, REFERENCE


def run(*args, data_dir, problems=PROBLEMS):
    env = dict(os.environ, JAXLINGS_DATA_DIR=str(data_dir), JAXLINGS_PROBLEMS=str(problems))
    return subprocess.run(
        [sys.executable, "-m", "jaxlings.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def folder(pid):
    return PROBLEMS / REFERENCE[pid]


@pytest.mark.parametrize("pid", list(REFERENCE))
def test_check_json_passes_the_reference_and_fails_every_wrong_file(
    pid, tmp_path, small_bank_dir, data_dir
):
    r = run(
        "check",
        pid,
        str(folder(pid) / "solution.py"),
        "--json",
        data_dir=data_dir,
        problems=small_bank_dir,
    )
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert set(result) == set(api.CheckResult.__annotations__)
    assert result["passed"] and result["status"] == "passed"
    for wrong in sorted((folder(pid) / "wrong").glob("*.py")):
        r = run("check", pid, str(wrong), "--json", data_dir=data_dir, problems=small_bank_dir)
        assert r.returncode == 1, (wrong.name, r.stderr)
        result = json.loads(r.stdout)
        assert not result["passed"]
        messages = [c["message"] for c in result["cases"] if not c["passed"]]
        assert result["error"] or all(messages), (wrong.name, result)


def test_usage_errors_exit_2(tmp_path, data_dir):
    assert (
        run("check", "nnx-ema-step", str(tmp_path / "missing.py"), data_dir=data_dir).returncode
        == 2
    )
    bad = tmp_path / "x.py"
    bad.write_text("x = 1\n")
    r = run("check", "no-such-problem", str(bad), data_dir=data_dir)
    assert r.returncode == 2 and "no problem" in r.stderr
    assert run("frobnicate", data_dir=data_dir).returncode == 2


def test_list_shows_sprints_and_problems(data_dir, small_bank_dir):
    r = run("list", data_dir=data_dir, problems=small_bank_dir)
    assert (
        r.returncode == 0
        and "Sprint B — NNX modules and state" in r.stdout
        and "nnx-ema-step" in r.stdout
    )
    rows = json.loads(run("list", "--json", data_dir=data_dir, problems=small_bank_dir).stdout)
    assert [row["id"] for row in rows] == ["nnx-counters-and-buffers", "nnx-ema-step"]


def test_validate_passes_the_reference_problems(data_dir, small_bank_dir):
    r = run("validate", *REFERENCE, data_dir=data_dir, problems=small_bank_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 passed, 0 failed" in r.stdout


def test_new_scaffolds_a_problem_that_validate_explains(tmp_path, small_bank_dir, data_dir):
    import shutil

    bank = tmp_path / "bank"
    shutil.copytree(small_bank_dir, bank)
    r = run(
        "new",
        "my-first-problem",
        "--sprint",
        "B",
        "--problems",
        str(bank),
        data_dir=data_dir,
        problems=bank,
    )
    assert r.returncode == 0, r.stderr
    created = bank / "B-nnx-modules" / "20-my-first-problem"
    assert (created / "meta.toml").is_file() and (created / "wrong").is_dir()
    r = run("validate", "my-first-problem", data_dir=data_dir, problems=bank)
    assert r.returncode == 1
    assert "at least 5 are needed" in r.stdout  # it says what is still missing…
    assert "still to write" in r.stdout and "problem.md" in r.stdout  # …and which files
    assert (
        run("new", "my-first-problem", "--problems", str(bank), data_dir=data_dir).returncode == 2
    )
