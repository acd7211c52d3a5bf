"""`jaxlings validate`'s own checks: API names in statements, alt/ approaches, named outputs."""

from __future__ import annotations

import shutil

import pytest

from jaxlings.validate import api_references, inline_code

from .conftest import REFERENCE
from .test_cli import run


def test_inline_code_skips_fenced_blocks_and_finds_wrapped_spans():
    md = (
        "Use `jax.random.split(key,\nnum=2)` here.\n\n```python\nx = `not a span`\n```\n`nnx.Param`"
    )
    assert inline_code(md) == ["jax.random.split(key,\nnum=2)", "nnx.Param"]
    assert inline_code("``a `b` c``") == ["a `b` c"]


@pytest.mark.parametrize(
    "span, why, refs",
    [
        ("jax.random.split(key, n=2)", None, [("jax.random.split", ["n"])]),
        ("x.astype(jnp.uint8)", None, [("jnp.uint8", [])]),
        (".astype(jnp.uint8)", None, [("jnp.uint8", [])]),
        ("class Affine(nnx.Module)", None, [("nnx.Module", [])]),
        ("@nnx.jit", None, [("nnx.jit", [])]),
        ("jnp.where(mask, …)", None, [("jnp.where", [])]),
        ("jnp.float32 → int32", None, [("jnp.float32", [])]),
        ("jnp.where(mask, x", "does not parse as Python", []),
        ("__call__(self, x) = nnx.relu(x)", "does not parse as Python", []),
    ],
)
def test_api_references(span, why, refs):
    got_why, got_refs = api_references(span)
    assert (got_why is None) if why is None else (why in got_why)
    assert got_refs == refs


def test_validate_catches_wrong_api_names_and_a_failing_alt(tmp_path, small_bank_dir, data_dir):
    bank = tmp_path / "bank"
    shutil.copytree(small_bank_dir, bank)
    ema = bank / REFERENCE["nnx-ema-step"]
    md = ema / "problem.md"
    md.write_text(
        md.read_text().replace(
            "## Pitfalls",
            "Split with `jax.random.split(key, n=2)`; `jnp.no_such_thing` is not real.\n\n"
            "## Pitfalls",
            1,
        )
    )
    (ema / "alt").mkdir()
    (ema / "alt" / "eager.py").write_text(
        "# alternative: the blend written out\n"
        "def ema_step(seed, params_arr, ema_arr, decay):\n"
        "    return decay * ema_arr + (1 - decay) * params_arr\n"
    )
    (ema / "alt" / "broken.py").write_text(
        "# alternative: not really\n"
        "def ema_step(seed, params_arr, ema_arr, decay):\n"
        "    return params_arr\n"
    )
    r = run("validate", "nnx-ema-step", data_dir=data_dir, problems=bank)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "`jax.random.split` takes no keyword 'n' (it takes key, num)" in r.stdout
    assert "`jnp.no_such_thing` does not exist" in r.stdout
    assert "alt/broken.py is a correct approach but fails" in r.stdout
    assert "alt/eager.py" not in r.stdout
