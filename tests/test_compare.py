"""compare(): one sentence per mismatch, leniency for Python numbers, strictness for arrays."""

import re

import numpy as np
import pytest

from jaxlings.harness.compare import compare, preview

f32 = lambda *x: np.array(x, dtype=np.float32)  # noqa: E731


@pytest.mark.parametrize(
    "expected, actual",
    [
        (f32(1.0, 2.0), f32(1.0, 2.0)),
        (f32(1.0, 2.0), f32(1.0, 2.0000001)),
        (f32(1.0, 2.0), [1.0, 2.0]),  # a Python list, numerically equal
        (np.float32(3.0) * np.ones((), np.float32), 3),  # a Python int for a float scalar
        (f32(np.nan, 1.0), f32(np.nan, 1.0)),
        (f32(np.inf, -np.inf), f32(np.inf, -np.inf)),
        ((f32(1.0), {"w": f32(2.0)}), (f32(1.0), {"w": f32(2.0)})),
        ((f32(1.0), f32(2.0)), [f32(1.0), f32(2.0)]),
        (np.array([True, False]), np.array([True, False])),
    ],
)
def test_equal_values_pass(expected, actual):
    assert compare(expected, actual) is None


@pytest.mark.parametrize(
    "expected, actual, sentence",
    [
        (
            f32(1, 2, 3, 4),
            f32(1, 2, 3.27, 4),
            "1 of 4 elements differ; largest |diff| 0.27 at index 2",
        ),
        (
            f32(1, 2, 3, 4),
            f32(2, 3, 3.27, 4),
            "3 of 4 elements differ; largest |diff| 1 at index 0",
        ),
        (f32(1, 2, 3, 4), np.float32(1) * np.ones((), np.float32), "shape (4,) expected, got ()"),
        (
            f32(1, 2),
            np.array([1, 2], np.int32),
            "floating-point values expected (float32), got integer (int32)",
        ),
        (f32(1, 2), f32(np.nan, 2), "NaN at index 0 where 1 was expected"),
        (f32(1, 2), f32(1, np.inf), "2 expected at index 1, got inf"),
        (f32(np.inf, 2), f32(1, 2), "inf expected at index 0, got 1"),
        ((f32(1), f32(2)), (f32(1),), "2 items expected, got 1"),
        (
            (f32(1), f32(2)),
            (f32(1), f32(5)),
            "[1]: 1 of 1 elements differ; largest |diff| 3 at index 0 (expected 2, got 5)",
        ),
        ({"w": f32(1), "b": f32(0)}, {"w": f32(1)}, "missing key 'b'"),
        (f32(1, 2), "text", "an array expected, got a str"),
        (f32(1, 2), None, "an array expected, got None"),
        (
            np.ones((2, 2), np.float32),
            np.zeros((2, 2), np.float32),
            "4 of 4 elements differ; largest |diff| 1 at index (0, 0)",
        ),
    ],
)
def test_mismatch_is_one_sentence(expected, actual, sentence):
    msg = compare(expected, actual)
    assert msg is not None and sentence in msg, msg
    assert "\n" not in msg


def test_tolerance_is_respected():
    assert compare(f32(1.0), f32(1.001), rtol=1e-2, atol=0) is None
    assert compare(f32(1.0), f32(1.001), rtol=1e-5, atol=1e-6) is not None


def test_scalar_mismatch_names_both_values():
    assert compare(np.asarray(np.float32(5)), np.asarray(np.float32(4))) == "5 expected, got 4"
    assert (
        compare(np.asarray(np.float32(833.3)), np.asarray(np.float32(np.inf)))
        == "833.3 expected, got inf"
    )
    assert (
        compare(np.asarray(np.float32(1)), np.asarray(np.float32(np.nan)))
        == "NaN where 1 was expected"
    )


def test_preview_is_short_and_typed():
    text = preview(np.arange(100, dtype=np.float32))
    assert text == "float32[100] [0, 1, 2, ..., 97, 98, 99]"
    assert preview((np.float32(1) * np.ones(2, np.float32), 2.5)) == "(float32[2] [1, 1], 2.5)"
    # no alignment padding, four significant digits
    assert (
        preview(np.array([-0.37, 0.99412, 12.5], np.float32)) == "float32[3] [-0.37, 0.9941, 12.5]"
    )


def test_close_values_show_the_digits_that_differ():
    # at 4 significant digits both read -1.208, which says nothing
    assert compare(np.float32(-1.2080), np.float32(-1.20805)) == "-1.208 expected, got -1.20805"
    msg = compare(f32(1.0, -1.208), f32(1.0, -1.20806))
    assert msg.endswith("(expected -1.208, got -1.20806)")
    assert compare(np.float32(3), np.float32(4)) == "3 expected, got 4"  # no needless digits


def test_tuple_items_are_named_when_names_are_given():
    expected, actual = (f32(1.0), f32(0.0, 0.0)), (f32(1.0), f32(0.0, 1.0))
    assert compare(expected, actual).startswith("[1]: ")
    assert compare(expected, actual, names=["loss", "grads"]).startswith("grads: 1 of 2")
    # names that do not fit the tuple are ignored rather than misapplied
    assert compare(expected, actual, names=["loss"]).startswith("[1]: ")


def test_a_long_preview_is_cut_after_a_whole_number_with_its_brackets_closed():
    big = np.random.default_rng(0).normal(size=(8, 16)).astype(np.float32)
    text = preview(big, 80)
    assert len(text) <= 80 and text.endswith(", …]")
    assert not re.search(r"-?\d\.?…|-…", text)  # never "[-0.…"
    assert text.count("[") == text.count("]")
