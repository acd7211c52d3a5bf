"""Plain-data wire format between the server and a worker: JSON frames, arrays as bytes.

Nothing here unpickles or calls into objects it receives, so a worker's answer is data,
never code. The worker side (`encode`) turns JAX arrays into numpy first; the server side
(`decode`) rebuilds numpy arrays from an allow-list of dtypes.
"""

from __future__ import annotations

import base64
import json
import socket
import struct
from typing import Any

import numpy as np

MAX_FRAME = 256 * 1024 * 1024
MAX_DEPTH = 64

# dtypes a worker may send; exotic ones (bfloat16, float8…) travel as float32 with their name kept
_WIRE_DTYPES = {
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
}


class CodecError(ValueError):
    """A value could not be put on, or read off, the wire."""


class WireArray(np.ndarray):
    """An ndarray decoded from the wire that remembers the dtype name it was sent as."""

    source_dtype: str = ""


def encode(value: Any, _depth: int = 0) -> Any:
    """Turn a value into JSON-able plain data. Raises CodecError for anything else."""
    if _depth > MAX_DEPTH:
        raise CodecError("the result is nested more than 64 levels deep")
    t = type(value)
    if value is None:
        return {"k": "none"}
    if t is bool:
        return {"k": "bool", "v": value}
    if t is int:
        return {"k": "int", "v": str(value)}
    if t is float:
        return {"k": "float", "v": repr(value)}
    if t is complex:
        return {"k": "complex", "re": repr(value.real), "im": repr(value.imag)}
    if t is str:
        return {"k": "str", "v": value}
    if t is list or t is tuple:
        return {"k": t.__name__, "items": [encode(v, _depth + 1) for v in value]}
    if t is dict:
        items = []
        for key, v in value.items():
            if type(key) not in (str, int):
                raise CodecError(f"dict keys must be strings or ints, not {type(key).__name__}")
            items.append([encode(key, _depth + 1), encode(v, _depth + 1)])
        return {"k": "dict", "items": items}
    arr = _as_ndarray(value)
    if arr is None:
        raise CodecError(
            f"a {t.__module__}.{t.__qualname__} object is not an array, number, tuple, list or dict"
        )
    name = str(arr.dtype)
    if name not in _WIRE_DTYPES:
        if arr.dtype.kind in "fV" or name.startswith(("bfloat", "float")):
            arr = arr.astype(np.float32)
        else:
            raise CodecError(f"arrays of dtype {name} cannot be compared")
    arr = np.array(arr, order="C", copy=True)  # (ascontiguousarray would make 0-d arrays 1-d)
    return {
        "k": "array",
        "dtype": str(arr.dtype),
        "source_dtype": name,
        "shape": list(arr.shape),
        "data": base64.b64encode(arr.tobytes()).decode("ascii"),
    }


def _as_ndarray(value: Any) -> np.ndarray | None:
    """numpy view of a numpy/JAX array or numpy scalar; None for anything else."""
    if isinstance(value, np.ndarray):
        return np.array(
            value.view(np.ndarray) if type(value) is not np.ndarray else value, copy=True
        )
    if isinstance(value, np.generic):
        return np.asarray(value)
    mod = type(value).__module__ or ""
    if mod.startswith(("jaxlib", "jax")) and hasattr(type(value), "__array__"):
        # jax.Array: the device buffer copied to host memory
        return np.array(value)
    return None


def decode(data: Any, _depth: int = 0) -> Any:
    """Rebuild a value from encode()'s output. Raises CodecError on anything malformed."""
    if _depth > MAX_DEPTH:
        raise CodecError("value nested too deeply")
    if not isinstance(data, dict):
        raise CodecError("malformed value")
    k = data.get("k")
    try:
        if k == "none":
            return None
        if k == "bool":
            return bool(data["v"])
        if k == "int":
            return int(str(data["v"])[:400])
        if k == "float":
            return float(data["v"])
        if k == "complex":
            return complex(float(data["re"]), float(data["im"]))
        if k == "str":
            return str(data["v"])
        if k in ("list", "tuple"):
            items = [decode(v, _depth + 1) for v in data["items"]]
            return items if k == "list" else tuple(items)
        if k == "dict":
            return {decode(a, _depth + 1): decode(b, _depth + 1) for a, b in data["items"]}
        if k == "array":
            dtype = str(data["dtype"])
            if dtype not in _WIRE_DTYPES:
                raise CodecError(f"dtype {dtype!r} not allowed")
            shape = tuple(int(s) for s in data["shape"])
            raw = base64.b64decode(data["data"], validate=True)
            arr = np.frombuffer(raw, dtype=np.dtype(dtype)).reshape(shape).copy().view(WireArray)
            arr.source_dtype = str(data.get("source_dtype", dtype))[:32]
            return arr
    except CodecError:
        raise
    except Exception as exc:  # malformed fields of any kind
        raise CodecError(f"malformed {k} value: {exc}") from None
    raise CodecError(f"unknown value kind {k!r}")


def send_frame(sock: socket.socket, obj: Any, fds: list[int] | None = None) -> None:
    payload = json.dumps(obj).encode("utf-8")
    header = struct.pack(">I", len(payload))
    if fds:
        socket.send_fds(sock, [header], fds)
        sock.sendall(payload)
    else:
        sock.sendall(header + payload)


def recv_exact(sock: socket.socket, n: int) -> bytes:
    chunks = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            raise EOFError("connection closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def recv_frame(sock: socket.socket, with_fds: int = 0) -> tuple[Any, list[int]]:
    fds: list[int] = []
    if with_fds:
        header, fds, _flags, _addr = socket.recv_fds(sock, 4, with_fds)
        if not header:
            raise EOFError("connection closed")
        if len(header) < 4:
            header += recv_exact(sock, 4 - len(header))
    else:
        header = recv_exact(sock, 4)
    (length,) = struct.unpack(">I", header)
    if length > MAX_FRAME:
        raise CodecError("frame too large")
    return json.loads(recv_exact(sock, length)), fds
