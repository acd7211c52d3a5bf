"""The bank: loads the real problems; broken folders are reported naming file and field."""

import shutil

import pytest

from jaxlings.bank import (
    Bank,
    BankError,
    load_problem,
    load_sprint,
    parse_hints,
    pitfall_titles,
    split_sections,
)

from .conftest import PROBLEMS, REFERENCE


def test_the_real_bank_loads_both_reference_problems():
    bank = Bank(PROBLEMS)
    for pid in REFERENCE:
        p = bank.get(pid)
        assert p is not None, [str(e) for e in bank.errors]
        assert p.signature.startswith(f"{p.function}(seed")
        assert len(p.cases) >= 5 and any(c.hidden for c in p.cases)
        assert len(p.hints) >= 2
    ema = bank.get("nnx-ema-step")
    assert ema.signature == "ema_step(seed, params_arr, ema_arr, decay)"
    assert ema.sprint.key == "B" and ema.order == 19
    assert [c.name for c in ema.cases][:2] == ["worked example", "decay 0.0 copies params"]
    assert bank.get("nnx-counters-and-buffers").checks_source


def test_problems_come_in_track_order(small_bank):
    assert [p.order for p in small_bank] == sorted(p.order for p in small_bank)


@pytest.mark.parametrize(
    "bad_id", ["../etc", "nnx-ema-step/../x", "", "A" * 300, "..", "nnx_ema", None, 3]
)
def test_ids_that_are_not_slugs_never_match(small_bank, bad_id):
    assert small_bank.get(bad_id) is None


@pytest.fixture
def broken(tmp_path, small_bank_dir):
    """A writable copy of the EMA problem to break in different ways."""
    sprint_dir = tmp_path / "B-nnx-modules"
    shutil.copytree(small_bank_dir / "B-nnx-modules", sprint_dir)
    folder = sprint_dir / "19-nnx-ema-step"
    return folder, load_sprint(sprint_dir)


@pytest.mark.parametrize(
    "edit, where, words",
    [
        (
            lambda f: (f / "meta.toml").write_text(
                (f / "meta.toml")
                .read_text()
                .replace('difficulty = "easy"', 'difficulty = "trivial"')
            ),
            "meta.toml",
            "field `difficulty` must be one of easy, medium, hard",
        ),
        (
            lambda f: (f / "meta.toml").write_text(
                (f / "meta.toml").read_text().replace('function = "ema_step"\n', "")
            ),
            "meta.toml",
            "field `function` is missing",
        ),
        (
            lambda f: (f / "meta.toml").write_text(
                (f / "meta.toml").read_text().replace("order = 19", "order = 7")
            ),
            "meta.toml",
            "field `order` is 7 but the folder number is 19",
        ),
        (lambda f: (f / "meta.toml").write_text("id = [oops"), "meta.toml", "not valid TOML"),
        (
            lambda f: (f / "problem.md").write_text(
                (f / "problem.md").read_text().replace("## Pitfalls", "## Traps")
            ),
            "problem.md",
            "missing section `## Pitfalls`",
        ),
        (
            lambda f: (f / "solution.py").write_text("def other(seed):\n    pass\n"),
            "solution.py",
            "must define `def ema_step(...)` at top level",
        ),
        (lambda f: (f / "starter.py").unlink(), "starter.py", "file missing"),
        (
            lambda f: (f / "meta.toml").write_text(
                (f / "meta.toml").read_text().replace("rtol = 1e-5", 'rtol = "small"')
            ),
            "meta.toml",
            "field `rtol` must be a non-negative number",
        ),
    ],
)
def test_schema_errors_name_the_file_and_field(broken, edit, where, words):
    folder, sprint = broken
    edit(folder)
    with pytest.raises(BankError) as err:
        load_problem(folder, sprint)
    assert err.value.path.endswith(where) and words in err.value.message


def test_a_broken_folder_is_skipped_not_fatal(broken):
    folder, _ = broken
    (folder / "hints.md").unlink()
    bank = Bank(folder.parent.parent)
    assert bank.get("nnx-ema-step") is None
    assert any("hints.md" in e.path for e in bank.errors)
    assert bank.get("nnx-counters-and-buffers") is not None


def test_cases_errors_are_reported(broken):
    folder, sprint = broken
    (folder / "cases.py").write_text("def cases():\n    return [1, 2]\n")
    with pytest.raises(BankError, match="must return Case objects"):
        _ = load_problem(folder, sprint).cases


def test_content_hash_changes_with_any_file(broken):
    folder, sprint = broken
    before = load_problem(folder, sprint).content_hash
    (folder / "hints.md").write_text((folder / "hints.md").read_text() + "\n")
    assert load_problem(folder, sprint).content_hash != before


def test_markdown_helpers():
    md = "## Pitfalls\n\n- **Swapped blend.** no\n- **Other** x\n```python\n## not a heading\n```\n## Problem\nx"
    assert pitfall_titles(md) == ["Swapped blend", "Other"]
    assert list(split_sections(md)) == ["Pitfalls", "Problem"]
    assert parse_hints("## Hint 1\nfirst\n\n## Hint 2\nsecond\n") == ["first", "second"]
