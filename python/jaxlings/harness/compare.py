"""Compare an actual value with the expected one and say, in one sentence, what differs.

Runs in the server process on plain data decoded from the wire (numpy arrays, Python
scalars, tuples/lists/dicts); no object from learner code ever reaches it.
"""

from __future__ import annotations

import re
from typing import Any, Optional

import numpy as np

_FAMILY = {"b": "boolean", "i": "integer", "u": "integer", "f": "floating-point", "c": "complex"}
_SCALARS = (bool, int, float, complex)


def compare(
    expected: Any,
    actual: Any,
    rtol: float = 1e-5,
    atol: float = 1e-6,
    path: str = "",
    names: Optional[list[str]] = None,
) -> Optional[str]:
    """None when `actual` matches `expected`, else one sentence on the first difference.

    `names` names the items of a tuple result (`["loss", "grads"]`), so a sentence says
    `grads: …` rather than `[1]: …`."""
    where = f"{path}: " if path else ""
    expected, actual = _plain(expected), _plain(actual)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where}a dict with keys {_keys(expected)} expected, got {_kind(actual)}"
        if set(expected) != set(actual):
            missing = [k for k in expected if k not in actual]
            extra = [k for k in actual if k not in expected]
            parts = []
            if missing:
                parts.append(f"missing key{'s' if len(missing) > 1 else ''} {_keylist(missing)}")
            if extra:
                parts.append(f"unexpected key{'s' if len(extra) > 1 else ''} {_keylist(extra)}")
            return f"{where}{' and '.join(parts)}"
        for k in expected:
            msg = compare(expected[k], actual[k], rtol, atol, f"{path}[{k!r}]")
            if msg:
                return msg
        return None
    if isinstance(expected, (tuple, list)):
        if not isinstance(actual, (tuple, list)):
            return f"{where}a {type(expected).__name__} of {len(expected)} items expected, got {_kind(actual)}"
        if len(actual) != len(expected):
            return f"{where}{len(expected)} items expected, got {len(actual)}"
        named = names is not None and len(names) == len(expected)
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            msg = compare(
                e, a, rtol, atol, str(names[i]) if named and names is not None else f"{path}[{i}]"
            )
            if msg:
                return msg
        return None
    if expected is None or isinstance(expected, str):
        return (
            None
            if actual == expected and type(actual) is type(expected)
            else f"{where}{expected!r} expected, got {_short(actual)}"
        )
    return _compare_arrays(expected, actual, rtol, atol, where)


def _plain(x: Any) -> Any:
    return np.asarray(x) if isinstance(x, np.generic) else x


def _compare_arrays(
    expected: Any, actual: Any, rtol: float, atol: float, where: str
) -> Optional[str]:
    exp = np.asarray(expected)
    lenient = isinstance(actual, (list, tuple) + _SCALARS)  # Python numbers: equal values suffice
    if not lenient and not isinstance(actual, np.ndarray):
        return f"{where}an array expected, got {_kind(actual)}"
    try:
        act = np.asarray(actual)
    except (ValueError, TypeError):
        return (
            f"{where}an array of shape {_shape(exp)} expected, got a ragged {type(actual).__name__}"
        )
    if act.dtype == object or act.dtype.kind not in _FAMILY:
        return f"{where}a numeric array expected, got {_kind(actual)}"
    if act.shape != exp.shape:
        return f"{where}shape {_shape(exp)} expected, got {_shape(act)}"
    exp_family, act_family = _FAMILY[exp.dtype.kind], _FAMILY[act.dtype.kind]
    if not lenient and exp_family != act_family:
        return (
            f"{where}{exp_family} values expected ({_dtype_name(exp)}), "
            f"got {act_family} ({_dtype_name(act)})"
        )
    if exp_family == "boolean" or act_family == "boolean":
        diff = (
            exp.astype(bool) != act.astype(bool) if exp.dtype.kind == act.dtype.kind else exp != act
        )
        return _count_sentence(where, exp, act, diff, numeric=False)
    e = exp.astype(np.complex128 if "c" in (exp.dtype.kind, act.dtype.kind) else np.float64)
    a = act.astype(e.dtype)
    e_nan, a_nan = np.isnan(e), np.isnan(a)
    if (e_nan != a_nan).any():
        idx = _first(e_nan != a_nan)
        if a_nan[idx]:
            return f"{where}NaN{_at(idx, e)} where {_fmt(e[idx])} was expected"
        return f"{where}NaN expected{_at(idx, e)}, got {_fmt(a[idx])}"
    e_inf, a_inf = np.isinf(e), np.isinf(a)
    inf_diff = (e_inf | a_inf) & ~(e_nan) & (e != a)
    if inf_diff.any():
        idx = _first(inf_diff)
        return f"{where}{_fmt(e[idx])} expected{_at(idx, e)}, got {_fmt(a[idx])}"
    finite = ~(e_nan | e_inf | a_inf)
    with np.errstate(invalid="ignore", over="ignore"):
        close = np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True) | ~finite
    return _count_sentence(where, e, a, ~close, numeric=True)


def _count_sentence(
    where: str, e: np.ndarray, a: np.ndarray, diff: np.ndarray, numeric: bool
) -> Optional[str]:
    if not diff.any():
        return None
    if e.ndim == 0:
        want, got = _fmt_pair(e[()], a[()])
        return f"{where}{want} expected, got {got}"
    n, total = int(diff.sum()), diff.size
    if numeric:
        with np.errstate(invalid="ignore", over="ignore"):
            gap = np.where(diff, np.abs(a - e), 0)
        idx: Index = np.unravel_index(int(np.argmax(gap)), e.shape)
        want, got = _fmt_pair(e[idx], a[idx])
        return (
            f"{where}{n} of {total} elements differ; largest |diff| {_fmt(gap[idx])} at "
            f"{_index(idx, e)} (expected {want}, got {got})"
        )
    idx = _first(diff)
    want, got = _fmt_pair(e[idx], a[idx])
    return (
        f"{where}{n} of {total} elements differ; first at {_index(idx, e)} "
        f"(expected {want}, got {got})"
    )


# an element's position in an array, as numpy or Python integers
Index = tuple[int | np.integer[Any], ...]


def _first(mask: np.ndarray) -> tuple[int, ...]:
    return tuple(int(i) for i in np.argwhere(mask)[0]) if mask.ndim else ()


def _index(idx: Index, arr: np.ndarray) -> str:
    if arr.ndim == 0:
        return "the value"
    return f"index {idx[0]}" if len(idx) == 1 else f"index {tuple(int(i) for i in idx)}"


def _at(idx: Index, arr: np.ndarray) -> str:
    return "" if arr.ndim == 0 else f" at {_index(idx, arr)}"


def _shape(arr: np.ndarray) -> str:
    return str(tuple(int(s) for s in arr.shape))


def _dtype_name(arr: np.ndarray) -> str:
    return getattr(arr, "source_dtype", "") or str(arr.dtype)


def _fmt(x: Any) -> str:
    if isinstance(x, (complex, np.complexfloating)):
        return f"{complex(x):.4g}"
    if isinstance(x, (bool, np.bool_)):
        return str(bool(x))
    try:
        return f"{float(x):.4g}"
    except (TypeError, ValueError):
        return repr(x)


def _fmt_pair(expected: Any, actual: Any) -> tuple[str, str]:
    """Both values with as many significant digits as it takes for them to read differently."""
    want, got = _fmt(expected), _fmt(actual)
    if want != got or isinstance(expected, (bool, np.bool_)):
        return want, got
    for digits in (6, 8, 10, 13, 17):
        try:
            if isinstance(expected, (complex, np.complexfloating)) or isinstance(
                actual, (complex, np.complexfloating)
            ):
                want, got = f"{complex(expected):.{digits}g}", f"{complex(actual):.{digits}g}"
            else:
                want, got = f"{float(expected):.{digits}g}", f"{float(actual):.{digits}g}"
        except (TypeError, ValueError):
            return want, got
        if want != got:
            break
    return want, got


def _kind(x: Any) -> str:
    if x is None:
        return "None"
    if isinstance(x, np.ndarray):
        return f"an array of shape {_shape(x)}"
    if isinstance(x, dict):
        return f"a dict with keys {_keys(x)}"
    if isinstance(x, (list, tuple)):
        return f"a {type(x).__name__} of {len(x)} items"
    return f"a {type(x).__name__} ({_short(x)})"


def _keys(d: dict[Any, Any]) -> str:
    return _keylist(list(d))


def _keylist(keys: list[Any]) -> str:
    return ", ".join(repr(k) for k in keys[:8]) + (" …" if len(keys) > 8 else "")


def _short(x: Any) -> str:
    text = repr(x)
    return text if len(text) <= 60 else text[:57] + "…"


def preview(value: Any, limit: int = 200) -> str:
    """A short, readable rendering of a decoded value for the results table."""
    text = _preview(value)
    return text if len(text) <= limit else _cut(text, limit)


_CLOSER = {"[": "]", "(": ")", "{": "}"}


def _cut(text: str, limit: int) -> str:
    """`text` shortened to about `limit` characters after a whole item (never inside a number),
    with "…" and the brackets it left open closed, so that what follows still reads apart."""
    head = text[: max(1, limit - 4)]
    comma = head.rfind(", ")
    if comma > limit // 3:
        head = head[: comma + 1]
    opened: list[str] = []
    for ch in head:
        if ch in _CLOSER:
            opened.append(_CLOSER[ch])
        elif opened and ch == opened[-1]:
            opened.pop()
    return (
        head.rstrip(", ")
        + (", …" if head.rstrip().endswith(",") else " …")
        + "".join(reversed(opened))
    )


def _preview(value: Any) -> str:
    if isinstance(value, np.ndarray):
        dtype = _dtype_name(value)
        if value.ndim == 0:
            return f"{_fmt(value[()])} ({dtype})"
        body = np.array2string(
            np.asarray(value),
            threshold=12,
            edgeitems=3,
            max_line_width=10_000,
            separator=", ",
            formatter={"float_kind": _fmt, "complex_kind": _fmt},
        )
        body = re.sub(r"([\[(])\s+", r"\1", " ".join(body.split()))
        return f"{dtype}{list(value.shape)} {body}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_preview(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_preview(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_preview(v) for v in value) + "]"
    if isinstance(value, float):
        return repr(value)
    return _short(value)
