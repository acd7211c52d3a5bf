"""Plain-data wire format between the server and a worker: JSON frames, arrays as bytes.

Nothing here unpickles or calls into objects it receives, so a worker's answer is data,
never code. The worker side (`encode`) turns JAX arrays into numpy first and refuses values
too large to compare; the server side (`recv_frame`, `check_frame`, `decode`) reads what an
attacker may have written: frames are capped in size and nesting depth before they are
parsed, validated against a schema, and decoded without recursion.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import struct
import time
from typing import Any, Optional

import numpy as np

# a frame from a worker: a few MiB at most (a result, a case, a check); jobs the server sends
# (inputs of every case) may be larger, the worker trusts the server
MAX_FRAME = 4 * 1024 * 1024
MAX_JOB_FRAME = 256 * 1024 * 1024
MAX_DEPTH = 64
# what one encoded value may hold: nodes (numbers, strings, containers) and array bytes
MAX_NODES = 100_000
MAX_ARRAY_BYTES = 2 * 1024 * 1024
MAX_INT_DIGITS = 400
_INT_LIMIT = 10**MAX_INT_DIGITS

# dtypes a worker may send; exotic ones (bfloat16, float8…) travel as float32 with their name kept
_WIRE_DTYPES = frozenset(
    {
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
)


class CodecError(ValueError):
    """A value could not be put on, or read off, the wire."""


class TooLarge(CodecError):
    """A value holds more than a check compares (MAX_NODES items or MAX_ARRAY_BYTES of arrays)."""


class WireArray(np.ndarray):
    """An ndarray decoded from the wire that remembers the dtype name it was sent as."""

    source_dtype: str = ""


# ---------------------------------------------------------------- values


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0
        self.array_bytes = 0

    def node(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise TooLarge(
                f"the result is too large to compare: it holds more than {MAX_NODES:,} items"
            )

    def array(self, nbytes: int) -> None:
        self.array_bytes += nbytes
        if self.array_bytes > MAX_ARRAY_BYTES:
            raise TooLarge(
                f"the result is too large to compare: its arrays hold more than "
                f"{MAX_ARRAY_BYTES // 2**20} MiB"
            )


def encode(value: Any, _depth: int = 0, _budget: Optional[_Budget] = None) -> Any:
    """Turn a value into JSON-able plain data. Raises CodecError for anything else.

    Recursive, but bounded: MAX_DEPTH levels, MAX_NODES items, MAX_ARRAY_BYTES of arrays."""
    budget = _budget or _Budget()
    budget.node()
    if _depth > MAX_DEPTH:
        raise CodecError(f"the result is nested more than {MAX_DEPTH} levels deep")
    t = type(value)
    if value is None:
        return {"k": "none"}
    if t is bool:
        return {"k": "bool", "v": value}
    if t is int:
        if abs(value) >= _INT_LIMIT:
            raise CodecError(
                f"an integer with more than {MAX_INT_DIGITS} digits cannot be compared"
            )
        return {"k": "int", "v": str(value)}
    if t is float:
        return {"k": "float", "v": repr(value)}
    if t is complex:
        return {"k": "complex", "re": repr(value.real), "im": repr(value.imag)}
    if t is str:
        budget.array(len(value))
        return {"k": "str", "v": value}
    if t is list or t is tuple:
        if len(value) > MAX_NODES:
            raise TooLarge(
                f"the result is too large to compare: a {t.__name__} of {len(value):,} items"
            )
        return {"k": t.__name__, "items": [encode(v, _depth + 1, budget) for v in value]}
    if t is dict:
        if len(value) > MAX_NODES:
            raise TooLarge(f"the result is too large to compare: a dict of {len(value):,} keys")
        items = []
        for key, v in value.items():
            if type(key) not in (str, int):
                raise CodecError(f"dict keys must be strings or ints, not {type(key).__name__}")
            items.append([encode(key, _depth + 1, budget), encode(v, _depth + 1, budget)])
        return {"k": "dict", "items": items}
    arr = _as_ndarray(value, budget)
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


def _as_ndarray(value: Any, budget: _Budget) -> Optional[np.ndarray]:
    """numpy copy of a numpy/JAX array or numpy scalar; None for anything else.

    Sizes are checked before any copy, and methods a subclass may override are not called."""
    if isinstance(value, np.ndarray):
        budget.array(int(np.ndarray.__getattribute__(value, "nbytes")))
        return np.array(np.ndarray.view(value, np.ndarray), copy=True)
    if isinstance(value, np.generic):
        return np.asarray(value)
    jax_array = _jax_array_type()
    if jax_array is not None and isinstance(value, jax_array):
        budget.array(int(value.size) * int(value.dtype.itemsize))
        return np.array(value)  # the device buffer copied to host memory
    return None


def _jax_array_type() -> Optional[type[Any]]:
    import sys

    jax = sys.modules.get("jax")
    return getattr(jax, "Array", None) if jax is not None else None


def decode(data: Any) -> Any:
    """Rebuild a value from encode()'s output, without recursion. Raises CodecError on anything
    malformed, nested deeper than MAX_DEPTH or holding more than MAX_NODES items."""
    nodes = 0
    built: list[Any] = []  # decoded values, children before the container that takes them
    # (encoded node, depth, None) or (kind, count, "build")
    todo: list[tuple[Any, Any, Optional[str]]] = [(data, 0, None)]
    while todo:
        node, depth, build = todo.pop()
        if build is not None:
            kind, n = node, depth
            items = built[len(built) - n :] if n else []
            if n:
                del built[-n:]
            if kind == "list":
                built.append(items)
            elif kind == "tuple":
                built.append(tuple(items))
            else:
                try:
                    built.append(dict(zip(items[0::2], items[1::2], strict=False)))
                except TypeError:
                    raise CodecError("malformed dict value: a key is not hashable") from None
            continue
        nodes += 1
        if nodes > MAX_NODES:
            raise TooLarge(f"the value holds more than {MAX_NODES:,} items")
        if depth > MAX_DEPTH:
            raise CodecError("value nested too deeply")
        if not isinstance(node, dict):
            raise CodecError("malformed value")
        k = node.get("k")
        try:
            if k in ("list", "tuple", "dict"):
                items = node["items"]
                if not isinstance(items, list):
                    raise CodecError(f"malformed {k} value")
                if k == "dict":
                    if not all(isinstance(p, list) and len(p) == 2 for p in items):
                        raise CodecError("malformed dict value")
                    children = [x for pair in items for x in pair]
                else:
                    children = items
                todo.append((k, len(children), "build"))
                todo.extend((c, depth + 1, None) for c in reversed(children))
            else:
                built.append(_leaf(k, node))
        except CodecError:
            raise
        except Exception as exc:  # malformed fields of any kind
            raise CodecError(f"malformed {k} value: {exc}") from None
    return built[0]


def _leaf(k: Any, data: dict[str, Any]) -> Any:
    if k == "none":
        return None
    if k == "bool":
        v = data["v"]
        if type(v) is not bool:
            raise CodecError("malformed bool value")
        return v
    if k == "int":
        s = data["v"]
        if type(s) is not str or len(s) > MAX_INT_DIGITS + 1:
            raise CodecError(f"an integer with more than {MAX_INT_DIGITS} digits is not compared")
        return int(s)
    if k == "float":
        return float(str(data["v"])[:64])
    if k == "complex":
        return complex(float(str(data["re"])[:64]), float(str(data["im"])[:64]))
    if k == "str":
        if type(data["v"]) is not str:
            raise CodecError("malformed str value")
        return data["v"]
    if k == "array":
        dtype = str(data["dtype"])
        if dtype not in _WIRE_DTYPES:
            raise CodecError(f"dtype {dtype!r} not allowed")
        shape = tuple(int(s) for s in data["shape"])
        if len(shape) > MAX_DEPTH or any(s < 0 for s in shape):
            raise CodecError("malformed array shape")
        raw = base64.b64decode(data["data"], validate=True)
        arr = np.frombuffer(raw, dtype=np.dtype(dtype)).reshape(shape).copy().view(WireArray)
        arr.source_dtype = str(data.get("source_dtype", dtype))[:32]
        return arr
    raise CodecError(f"unknown value kind {k!r}")


# ---------------------------------------------------------------- frames


def send_frame(sock: socket.socket, obj: Any, fds: list[int] | None = None) -> None:
    payload = json.dumps(obj).encode("utf-8")
    header = struct.pack(">I", len(payload))
    if fds:
        socket.send_fds(sock, [header], fds)
        sock.sendall(payload)
    else:
        sock.sendall(header + payload)


def recv_exact(sock: socket.socket, n: int, deadline: Optional[float] = None) -> bytes:
    """n bytes from `sock`; with a deadline (monotonic), all of them must arrive by then, so a
    peer that sends half a frame, or drips it a byte at a time, cannot hold the reader (raises
    TimeoutError)."""
    chunks = []
    try:
        while n:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("the frame did not arrive in time")
                sock.settimeout(left)
            chunk = sock.recv(min(n, 1 << 20))
            if not chunk:
                raise EOFError("connection closed")
            chunks.append(chunk)
            n -= len(chunk)
    except TimeoutError:
        raise TimeoutError("the frame did not arrive in time") from None
    finally:
        if deadline is not None:
            try:
                sock.settimeout(None)
            except OSError:
                pass
    return b"".join(chunks)


_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)


def json_depth(payload: bytes) -> int:
    """How deeply JSON text nests ([ and { outside strings), computed without recursion."""
    bare = _STRINGS.sub(b"", payload)
    a = np.frombuffer(bare, dtype=np.uint8)
    step = (a == ord("[")).astype(np.int32) + (a == ord("{")) - (a == ord("]")) - (a == ord("}"))
    return int(np.cumsum(step).max()) if len(step) else 0


def loads_bounded(payload: bytes) -> Any:
    """json.loads for text from a worker: the nesting depth is checked first, so the parser's
    recursion can never reach Python's limit (a RecursionError in the server)."""
    if json_depth(payload) > 2 * MAX_DEPTH + 8:
        raise CodecError("the frame is nested too deeply")
    try:
        return json.loads(payload)
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"the frame is not JSON: {exc}") from None


def recv_frame(
    sock: socket.socket,
    with_fds: int = 0,
    deadline: Optional[float] = None,
    max_bytes: int = MAX_FRAME,
    sizes: Optional[list[int]] = None,
) -> tuple[Any, list[int]]:
    """One frame: its decoded JSON and any file descriptors sent with it.

    Raises EOFError, TimeoutError (deadline), or CodecError (over max_bytes, too deep, not JSON);
    a frame over max_bytes is refused from its header, before any of it is read."""
    fds: list[int] = []
    if with_fds:
        header, fds, _flags, _addr = socket.recv_fds(sock, 4, with_fds)
        if not header:
            raise EOFError("connection closed")
        if len(header) < 4:
            header += recv_exact(sock, 4 - len(header), deadline)
    else:
        header = recv_exact(sock, 4, deadline)
    (length,) = struct.unpack(">I", header)
    if length > max_bytes:
        raise CodecError(f"frame of {length:,} bytes is over the {max_bytes:,}-byte limit")
    if sizes is not None:
        sizes.append(length)
    return loads_bounded(recv_exact(sock, length, deadline)), fds


# what each frame a worker sends must hold: op -> {field: allowed types}
_SCHEMA: dict[str, dict[str, tuple[type, ...]]] = {
    "ready": {"pid": (int,)},
    "start": {},
    "case": {"i": (int,), "ok": (bool,)},
    "result": {},
    "idle": {"clean": (bool,)},
}
_OPTIONAL: dict[str, tuple[type, ...]] = {
    "value": (dict,),
    "error": (dict,),
    "case": (int,),
    "check": (str,),
    "block": (int,),
    "cell_error": (dict, type(None)),
    "missing": (dict, type(None)),
    "checks": (list,),
    "blocks": (list,),
    "preload_error": (dict, type(None)),
    "harness_error": (str,),
    "reason": (str, type(None)),
    "left": (str, type(None)),
    "scan_ms": (float, int),
    "cleared": (bool,),
    "nonce": (str,),
}


def check_frame(frame: Any) -> dict[str, Any]:
    """The frame itself if it matches the schema of its op; CodecError otherwise."""
    if not isinstance(frame, dict):
        raise CodecError("a frame must be a JSON object")
    op = frame.get("op")
    fields = _SCHEMA.get(op) if isinstance(op, str) else None
    if fields is None:
        raise CodecError(f"unknown frame op {str(op)[:40]!r}")
    for name, types in fields.items():
        if type(frame.get(name)) not in types:
            raise CodecError(f"{op} frame: field {name!r} missing or of the wrong type")
    for name, value in frame.items():
        if name == "op" or name in fields:
            continue
        allowed = _OPTIONAL.get(name)
        if allowed is None or type(value) not in allowed:
            raise CodecError(f"{op} frame: unexpected field {name[:40]!r}")
    return frame
