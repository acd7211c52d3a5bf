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


def test_decoding_never_recurses_and_refuses_deep_or_huge_values():
    deep = {"k": "none"}
    for _ in range(10_000):  # deeper than Python's recursion limit
        deep = {"k": "list", "items": [deep]}
    with pytest.raises(codec.CodecError, match="nested too deeply"):
        codec.decode(deep)
    huge = {"k": "list", "items": [{"k": "none"}] * (codec.MAX_NODES + 1)}
    with pytest.raises(codec.TooLarge):
        codec.decode(huge)


def test_results_too_large_to_compare_are_refused_in_the_worker():
    with pytest.raises(codec.TooLarge, match="too large to compare"):
        codec.encode([None] * 4_000_000)
    with pytest.raises(codec.TooLarge):
        codec.encode(np.zeros(2**20, np.float64))  # 8 MiB of array


def test_large_integers_are_refused_not_truncated():
    assert codec.decode(codec.encode(10**399)) == 10**399
    with pytest.raises(codec.CodecError, match="digits"):
        codec.encode(10**400)
    with pytest.raises(codec.CodecError, match="digits"):
        codec.decode({"k": "int", "v": "9" * 500})


def test_frames_are_depth_checked_before_parsing_and_schema_checked():
    with pytest.raises(codec.CodecError, match="nested too deeply"):
        codec.loads_bounded(b"[" * 100_000 + b"]" * 100_000)
    assert codec.json_depth(b'{"a": "[[[[[", "b": [[1]]}') == 3  # brackets in strings ignored
    codec.check_frame({"op": "case", "i": 0, "ok": True, "value": {"k": "none"}, "nonce": "n"})
    for bad in ({"op": "case", "i": "0", "ok": True}, {"op": "shell"}, [1], {"op": "idle"}):
        with pytest.raises(codec.CodecError):
            codec.check_frame(bad)


def test_a_frame_over_the_limit_is_refused_from_its_header():
    import socket
    import struct
    import time

    for send, error in (
        (struct.pack(">I", 128 * 2**20) + b"[", codec.CodecError),  # refused from the header
        (struct.pack(">I", 10) + b"{", TimeoutError),  # half a frame: the deadline ends the wait
    ):
        a, b = socket.socketpair()
        try:
            a.sendall(send)
            with pytest.raises(error):
                codec.recv_frame(b, deadline=time.monotonic() + 0.5)
        finally:
            a.close()
            b.close()
