"""The wire codec: plain data only, shapes and dtypes preserved, anything else refused."""

import numpy as np
import pytest

from jaxlings.harness import codec


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        2.5,
        float("nan"),
        1 + 2j,
        "text",
        np.array(1.5, dtype=np.float32),  # 0-d stays 0-d
        np.arange(6, dtype=np.int32).reshape(2, 3),
        np.array([True, False]),
        (np.zeros(2, np.float32), [1.0, {"w": np.ones(1, np.float64)}]),
    ],
)
def test_round_trip_keeps_value_shape_and_dtype(value):
    back = codec.decode(codec.encode(value))
    if isinstance(value, np.ndarray):
        assert back.shape == value.shape and back.dtype == value.dtype
        np.testing.assert_array_equal(back, value)
    elif isinstance(value, float) and value != value:
        assert back != back
    elif isinstance(value, tuple):
        assert (
            isinstance(back, tuple)
            and back[0].shape == (2,)
            and back[1][1]["w"].dtype == np.float64
        )
    else:
        assert back == value and type(back) is type(value)


def test_numpy_scalars_become_0d_arrays():
    back = codec.decode(codec.encode(np.float32(2.0)))
    assert back.shape == () and back.dtype == np.float32


def test_ndarray_subclasses_are_sent_as_plain_data():
    class Sneaky(np.ndarray):
        def __eq__(self, other):
            return True

    sneaky = np.arange(3.0).view(Sneaky)
    back = codec.decode(codec.encode(sneaky))
    assert type(back) is codec.WireArray and list(back) == [0.0, 1.0, 2.0]


@pytest.mark.parametrize("value", [object(), {1.5: 2}, np.array(["a"], dtype=object), lambda: 1])
def test_other_objects_are_refused(value):
    with pytest.raises(codec.CodecError):
        codec.encode(value)


@pytest.mark.parametrize(
    "data",
    [
        {"k": "array", "dtype": "object", "shape": [1], "data": ""},
        {"k": "array", "dtype": "float32", "shape": [3], "data": "AAAA"},
        {"k": "nope"},
        [1, 2],
        {"k": "list", "items": "x"},
    ],
)
def test_malformed_wire_data_is_refused(data):
    with pytest.raises(codec.CodecError):
        codec.decode(data)
