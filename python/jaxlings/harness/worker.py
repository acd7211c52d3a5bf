"""The worker process: JAX and Flax imported once, learner code executed per job.

It runs untrusted code and reports *actual* values as plain data over a socket; it never
sees expected values and decides nothing. Started by pool.py (through jail.py) with a launcher
that imports this module as `jaxlings.harness.worker` (so its own code is among the watched
modules) and the socket's fd in JAXLINGS_SOCKET_FD.

While learner code runs, an audit hook (which Python code cannot remove) refuses the routes to
the harness's own state that attribute patching does not take: frame objects, the garbage
collector's object lists, ctypes, tracing hooks and /proc/<pid>/mem. Patching by assignment is
found by the integrity scan, run after every call into learner code and before the result is
sent; every frame the harness sends carries the job's nonce, which lives only in harness locals.
"""

from __future__ import annotations

import os
import sys

# Configure JAX before it is imported: CPU only, quiet (jail.py sets these; a bare start too).
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("JAX_TRACEBACK_FILTERING", "off")
os.environ.setdefault(
    "XLA_FLAGS",
    "--xla_force_host_platform_device_count=8 "
    "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
)

import builtins  # noqa: E402
import difflib  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import linecache  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402
import warnings  # noqa: E402

# resident size above which a worker drops JAX's caches after a job (0: never)
CLEAR_CACHES_ABOVE_MB = float(os.environ.get("JAXLINGS_WORKER_CLEAR_CACHES_MB", "512"))
CELL = "<cell>"
CHECKS = "<checks>"
PRELUDE_NAMES = ("jax", "jnp", "np", "nnx", "optax")
# top-level packages whose module globals (and classes) a learner must not leave altered
WATCHED = (
    "builtins",
    "sys",
    "os",
    "math",
    "functools",
    "operator",
    "types",
    "threading",
    "numpy",
    "jax",
    "jaxlib",
    "flax",
    "optax",
    "ml_dtypes",
    "jaxlings",
    "__main__",
    "signal",
    "_signal",
    "socket",
    "_socket",
    "gc",
    "traceback",
    "linecache",
    "json",
    "_json",
    "struct",
    "_struct",
    "select",
)
# recursion deeper than this is a RecursionError at once, whatever the code asks for: deep
# Python recursion otherwise grows the heap until the memory limit, slowly on a busy machine
MAX_RECURSION = 20_000


def _prelude() -> dict:
    import jax
    import jax.numpy as jnp
    import numpy as np
    import optax
    from flax import nnx

    return {"jax": jax, "jnp": jnp, "np": np, "nnx": nnx, "optax": optax}


def _configure_jax(cache_dir: str | None, write: bool) -> None:
    import jax

    if cache_dir:
        jax.config.update("jax_compilation_cache_dir", cache_dir)
        # a worker that will run learner code only reads the cache: programs in it come from
        # trusted (reference) runs alone; an unreachable threshold means it never writes
        jax.config.update("jax_persistent_cache_min_compile_time_secs", 0 if write else 1e12)
        jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)
    warnings.filterwarnings("ignore", category=DeprecationWarning)


def _forget_higher_order_programs() -> dict | None:
    """Keep the programs of eagerly run higher-order primitives (a `lax.scan`, `fori_loop`,
    `while_loop` or `cond` outside `jit`) for one job only; the dict to clear after each job.

    JAX caches the callable of every eagerly run primitive by its parameters, up to 4096 of
    them and with strong references (a known gap, noted at `dispatch.xla_primitive_callable`).
    For a higher-order primitive the parameters hold the body's jaxpr, which is new whenever the
    code that defines the body runs again: each Check of a scan problem added ~12 MiB of compiled
    programs no later Check could use. Such calls are cached here instead, for the job that
    made them; first-order ones (an `add` of two f32[4]) stay in JAX's cache for every job.
    None (nothing changed) if this JAX does not have that function."""
    try:
        from jax._src import config, core, dispatch

        cached = dispatch.xla_primitive_callable
        uncached = cached.__wrapped__
    except (ImportError, AttributeError):
        return None
    jaxpr_types = (core.Jaxpr, core.ClosedJaxpr)

    def holds_jaxpr(v) -> bool:
        if isinstance(v, jaxpr_types):
            return True
        return isinstance(v, (tuple, list)) and any(holds_jaxpr(x) for x in v)

    per_job: dict = {}

    def xla_primitive_callable(prim, **params):
        if not any(holds_jaxpr(v) for v in params.values()):
            return cached(prim, **params)
        key = (config.trace_context(), prim, tuple(params.items()))
        fn = per_job.get(key)
        if fn is None:
            fn = per_job[key] = uncached(prim, **params)
        return fn

    dispatch.xla_primitive_callable = xla_primitive_callable
    return per_job


def _warm_up(p: dict) -> None:
    """Initialise the backend and compile the commonest ops so a first check is fast."""
    jnp, nnx = p["jnp"], p["nnx"]
    x = jnp.arange(4.0)
    y = (x * 2.0 + 1.0 - x / 3.0).sum()
    jnp.asarray([1.0, 2.0]).block_until_ready()
    y.block_until_ready()
    nnx.Rngs(0)


def _resident_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


# ---------------------------------------------------------------- integrity


def _watched_modules():
    for name, mod in list(sys.modules.items()):
        if isinstance(mod, types.ModuleType) and name.split(".", 1)[0] in WATCHED:
            yield name, mod


def snapshot() -> dict:
    """Identity of every global of the watched modules and of the classes they define."""
    snap: dict = {"modules": {}, "entries": [], "threads": threading.active_count()}
    classes: list = []
    seen: set = set()
    for name, mod in _watched_modules():
        d = vars(mod)
        snap["modules"][name] = mod
        snap["entries"].append((name, d, tuple(d), list(map(id, d.values()))))
        for v in d.values():
            if (
                isinstance(v, type)
                and id(v) not in seen
                and (getattr(v, "__module__", "") or "").split(".", 1)[0] in WATCHED
            ):
                seen.add(id(v))
                proxy = vars(v)
                classes.append((v, proxy, tuple(proxy), list(map(id, proxy.values()))))
    snap["entries"] += classes
    snap["cells"] = _version_cells([_real_dict(e[1]) for e in snap["entries"]])
    snap["tags"] = None if snap["cells"] is None else [c.value for c in snap["cells"]]
    snap["state"] = _process_state()
    return snap


def _real_dict(mapping):
    """The dict behind a class's mappingproxy (a module's vars() is already one)."""
    if type(mapping) is dict:
        return mapping
    inner = gc.get_referents(mapping)
    return (
        inner[0]
        if len(inner) == 1 and type(inner[0]) is dict and len(inner[0]) == len(mapping)
        else None
    )


def _version_cells(dicts: list):
    """Views of CPython's per-dict version tag (PEP 509), which changes on every write to a dict,
    one per dict; None when this interpreter has no such tag (proved on probe dicts first).

    They let altered() skip, at C speed, every dict nothing wrote to since the snapshot; a dict
    that was written to is compared object by object as before.
    """
    if sys.implementation.name != "cpython" or any(d is None for d in dicts):
        return None
    try:
        import ctypes
        import struct

        offset = object.__basicsize__ + struct.calcsize("n")  # PyObject_HEAD, then ma_used

        def cell(d):
            return ctypes.c_uint64.from_address(id(d) + offset)

        class Probe:
            x = 1

        plain = {"x": 1, "y": 2}
        probes = [
            (plain, plain.__setitem__, plain.__delitem__),
            (
                _real_dict(vars(Probe)),
                lambda k, v: setattr(Probe, k, v),
                lambda k: delattr(Probe, k),
            ),
        ]
        for d, put, delete in probes:
            if d is None:
                return None
            c = cell(d)
            v0 = c.value
            _ = d.get("x"), list(d.values())
            if c.value != v0:
                return None  # not a version: it moved on a read
            put("x", object())
            v1 = c.value
            put("probe", 1)
            v2 = c.value
            delete("probe")
            if len({v0, v1, v2, c.value}) != 4:
                return None  # some write left it unchanged
        return [cell(d) for d in dicts]
    except Exception:
        return None


_VOLATILE = frozenset(
    {
        "__doc__",
        "__abstractmethods__",
        "_abc_impl",
        "__annotations__",
        "__warningregistry__",
    }
)


def _changed(
    d, keys: tuple, ids: list, len=len, list=list, map=map, id=id, zip=zip, volatile=_VOLATILE
) -> str | None:
    # (builtins bound at import: a cell that patches builtins cannot make this scan lie)
    """The first key of `keys` whose value in `d` is no longer the same object, if any."""
    if len(d) == len(keys) and list(map(id, d.values())) == ids:
        return None  # the common case, at C speed
    for k, vid in zip(keys, ids):
        if id(d.get(k, d)) != vid and k not in volatile and not k.startswith("__"):
            return k
    return None


def _process_state() -> tuple:
    """Process-wide settings a later Check would inherit: JAX's config, the import machinery."""
    jax = sys.modules.get("jax")
    holders = getattr(getattr(jax, "config", None), "_value_holders", {}) or {}
    config = []
    for name, holder in list(holders.items()):
        try:
            config.append((name, repr(holder.value)[:200]))
        except Exception:
            pass
    return (tuple(sys.meta_path), tuple(sys.path), tuple(sys.path_hooks), tuple(config))


def settings_changed(snap: dict) -> str | None:
    """A process-wide setting the code changed (the worker is retired, the verdict stands)."""
    now = _process_state()
    names = ("sys.meta_path", "sys.path", "sys.path_hooks", "JAX's config")
    for name, a, b in zip(names, snap["state"], now, strict=False):
        if a != b:
            return f"{name} was changed"
    return None


# ---------------------------------------------------------------- what the next user would inherit

# keys that libraries write as they run (warnings' registries, ABC caches, lazy annotations)
_CHURN = frozenset({"__warningregistry__", "_abc_impl", "__annotations__", "__abstractmethods__"})
# flags the standard library flips as it runs, of no use to a next user: (owner, key)
_CHURN_AT = frozenset(
    {("weakref.finalize", "_dirty"), ("weakref.finalize", "_registered_with_atexit")}
)


def _dict_entries(mods: dict) -> list:
    """(module name or class, real dict, keys, ids of values) for every loaded module and every
    class found in one's globals: where a planted name or a replaced function would live."""
    entries: list = []
    seen: set = set()
    for name, mod in mods.items():
        if not isinstance(mod, types.ModuleType):
            continue
        d = vars(mod)
        entries.append((name, d, tuple(d), list(map(id, d.values()))))
        for v in list(d.values()):
            if isinstance(v, type) and id(v) not in seen:
                seen.add(id(v))
                real = _real_dict(vars(v))
                if real is not None:
                    entries.append((v, real, tuple(real), list(map(id, real.values()))))
    return entries


def _local_state() -> tuple:
    """Settings held per thread or context (numpy's print and error options, decimal's context,
    JAX's config as this thread sees it): read on the learner's thread, where code sets them."""
    out: list = []
    np = sys.modules.get("numpy")
    if np is not None:
        out += [repr(sorted(np.get_printoptions().items())), repr(sorted(np.geterr().items()))]
        out.append(id(np.geterrcall()))
    dec = sys.modules.get("decimal")
    if dec is not None:
        out.append(repr(dec.getcontext()))
    return (*out, _process_state()[3])


def _open_fds() -> tuple:
    out = []
    for fd in sorted(os.listdir("/proc/self/fd"), key=int):
        if fd in ("1", "2"):
            continue  # the harness points these at each job's pipes, then at /dev/null
        try:
            out.append((fd, os.readlink(f"/proc/self/fd/{fd}")))
        except OSError:
            pass  # the directory's own fd, closed once listed
    return tuple(out)


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _hooks() -> tuple:
    """Process-wide hooks and switches outside any module's globals, by identity or value.
    (Not atexit: a worker ends by os._exit or SIGKILL, so its exit handlers never run.)"""
    import signal

    handlers = []
    for sig in sorted(signal.valid_signals()):
        try:
            handlers.append((int(sig), id(signal.getsignal(sig))))
        except (ValueError, OSError):
            pass
    return (
        ("sys.gettrace()", sys.gettrace()),
        ("sys.getprofile()", sys.getprofile()),
        ("threading's trace or profile hook", threading.gettrace(), threading.getprofile()),
        ("gc.callbacks", tuple(map(id, gc.callbacks))),
        ("the collector's settings", gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()),
        ("signal handlers", tuple(handlers)),
        ("the working directory", os.getcwd()),
        ("the umask", _umask()),
        (
            "sys.path_importer_cache",
            tuple(sys.path_importer_cache),
            tuple(map(id, sys.path_importer_cache.values())),
        ),
        (
            "sys settings",
            sys.getrecursionlimit(),
            sys.getswitchinterval(),
            sys.get_int_max_str_digits(),
        ),
        ("warnings filters", tuple(map(repr, warnings.filters))),
        ("open files", _open_fds()),
        ("threads", tuple(map(id, threading.enumerate()))),
    )


def world(local_state) -> dict:
    """What a job must leave as it found for its worker to serve another user."""
    mods = dict(sys.modules)
    entries = _dict_entries(mods)
    cells = _version_cells([e[1] for e in entries])
    return {
        "environ": dict(os.environ),
        "modules": mods,
        "entries": entries,
        "cells": cells,
        "tags": None if cells is None else [c.value for c in cells],
        "hooks": _hooks(),
        "local": local_state(),
        "python_threads": len(sys._current_frames()),
    }


def leftovers(
    w: dict, local_state, isinstance=isinstance, len=len, id=id, list=list, map=map, zip=zip
) -> str | None:
    """The first thing a job left that another user's code could see, or None.

    Changes in a worker's own module dicts are found by version tag first (PEP 509), so a scan
    of every loaded module's globals and classes costs a few milliseconds."""
    if dict(os.environ) != w["environ"]:
        return "os.environ was changed"
    mods, then = sys.modules, w["modules"]
    if len(mods) != len(then) or any(then.get(k) is not m for k, m in list(mods.items())):
        new = next((k for k, m in list(mods.items()) if then.get(k) is not m), None)
        return f"sys.modules gained or replaced {new}" if new else "sys.modules lost an entry"
    cells, entries = w["cells"], w["entries"]
    if cells is None:
        todo = range(len(entries))
    else:
        now, tags = [c.value for c in cells], w["tags"]
        todo = [i for i, (a, b) in enumerate(zip(now, tags)) if a != b]
    for i in todo:
        owner, d, keys, ids = entries[i]
        if len(d) != len(keys) or list(map(id, d.values())) != ids:
            before = dict(zip(keys, ids))
            where = owner if isinstance(owner, str) else f"{owner.__module__}.{owner.__qualname__}"
            for k, v in list(d.items()):
                if before.get(k, 0) != id(v) and k not in _CHURN and (where, k) not in _CHURN_AT:
                    return f"{where}.{k} was {'set' if k in before else 'added'}"
            if any(k not in d and k not in _CHURN for k in keys):
                return f"a name of {where} was deleted"
    for a, b in zip(w["hooks"], _hooks()):
        if a != b:
            return f"{a[0]} changed"
    if local_state() != w["local"]:
        return "numpy's, decimal's or JAX's settings on the learner's thread changed"
    if cells is not None:
        w["tags"] = now  # written to, yet still the snapshot's objects: verified at this version
    return None


def altered(
    snap: dict,
    _changed=_changed,
    active_count=threading.active_count,
    modules=sys.modules,
    isinstance=isinstance,
    enumerate=enumerate,
    zip=zip,
    range=range,
    str=str,
) -> str | None:
    """What learner code changed in the watched modules, or None if nothing.

    Everything it calls is bound at import (defaults, which the guard stops code replacing), so a
    cell that patches this module, builtins or threading cannot make it report nothing."""
    if active_count() > snap["threads"]:
        return "a thread started by the code is still running"
    for name, mod in snap["modules"].items():
        if modules.get(name) is not mod:
            return f"module {name} was replaced"
    entries, cells, tags = snap["entries"], snap["cells"], snap["tags"]
    if cells is not None:
        now = [c.value for c in cells]
        if now == tags:
            return None  # nothing wrote to any watched dict since it was last verified
        todo = [i for i, (a, b) in enumerate(zip(now, tags)) if a != b]
    else:
        todo = range(len(entries))
    for i in todo:
        owner, d, keys, ids = entries[i]  # owner: a module's name, or a class
        k = _changed(d, keys, ids)
        if k is not None:
            where = owner if isinstance(owner, str) else f"{owner.__module__}.{owner.__qualname__}"
            return f"{where}.{k} was changed"
        if cells is not None:
            tags[i] = now[
                i
            ]  # written to, yet still the snapshot's objects: verified at this version
    return None


# ---------------------------------------------------------------- errors as sentences


def describe_exception(exc: BaseException, filename: str = CELL) -> dict:
    """type, one-line message, the learner's line, and a traceback of the learner's frames only."""
    if isinstance(exc, SyntaxError) and exc.filename in (CELL, CHECKS):
        line = exc.lineno
        text = (exc.text or "").rstrip("\n")
        caret = ""
        if text and exc.offset:
            caret = (
                "\n    " + " " * (max(exc.offset, 1) - 1 - (len(text) - len(text.lstrip()))) + "^"
            )
        tb = f"  line {line}\n    {text.strip()}{caret}\n{type(exc).__name__}: {exc.msg}"
        return {
            "type": type(exc).__name__,
            "message": f"line {line}: {exc.msg}",
            "line": line,
            "traceback": tb,
        }
    # the last frames only: a RecursionError's 20 000 would take seconds to format
    # the checked cell's frames, and those of earlier cells' helpers it called ("<cell 3>")
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__, limit=-40)
        if f.filename == filename or f.filename.startswith("<cell ")
    ]
    own = [f for f in frames if f.filename == filename]
    line = own[-1].lineno if own else None
    lines = []
    for f in frames:
        where = "" if f.filename == filename else f"{f.filename[1:-1]}, "
        lines.append(f"  {where}line {f.lineno}, in {f.name}")
        if f.line:
            lines.append(f"    {f.line.strip()}")
    detail = _exception_text(exc)
    hint = _suggestion(exc)
    if hint and hint not in detail:
        detail = f"{detail}. {hint}" if detail else hint
    lines.append(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__)
    msg = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    if isinstance(exc, SystemExit):
        msg = f"the code called sys.exit({exc.code!r})"
    elif isinstance(exc, KeyboardInterrupt):
        msg = "the code raised KeyboardInterrupt"
    elif isinstance(exc, RecursionError):
        msg = "RecursionError: the code recursed without end (maximum recursion depth exceeded)"
    if line is not None:
        msg = f"line {line}: {msg}"
    return {
        "type": type(exc).__name__,
        "message": msg[:2000],
        "line": line,
        "traceback": "\n".join(lines)[:8000],
    }


_SUGGESTED = re.compile(r"Did you mean:? .{1,200}\?$")


def _suggestion(exc: BaseException) -> str:
    """Python's own "Did you mean: 'ema_arr'?" for a misspelt name or attribute, which str(exc)
    leaves out: the interpreter adds it only when it prints the exception (3.11: in C)."""
    if not isinstance(exc, (NameError, AttributeError, ImportError)):
        return ""
    try:
        if sys.version_info >= (3, 12):
            last = traceback.format_exception_only(exc)[-1]
        else:  # the C printer is the only place 3.11 makes it: print into a buffer
            buf, real = io.StringIO(), sys.stderr
            sys.stderr = buf
            try:
                sys.__excepthook__(type(exc), exc, exc.__traceback__)
            finally:
                sys.stderr = real
            last = buf.getvalue().rstrip("\n").rsplit("\n", 1)[-1]
    except BaseException:  # a learner's exception whose __str__ or __dir__ raises
        return ""
    m = _SUGGESTED.search(last.strip())
    return m.group(0) if m else ""


def _exception_text(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:  # a learner's exception whose __str__ raises
        text = "(its message could not be shown)"
    # JAX appends long help texts after a blank line; keep the first paragraph
    return text.split("\n\n", 1)[0].strip()[:1500]


# ---------------------------------------------------------------- jobs


# ---------------------------------------------------------------- the guard


def _guard_hook(learner_ident: int):
    """An audit hook refusing, while a job runs, the routes to the harness's state that no
    assignment takes (so the integrity scan cannot see them); and the switch that arms it.

    Learner code runs on its own thread (LearnerThread), whose stack holds nothing of the
    harness: frames are allowed there (libraries such as typing_extensions inspect their
    callers) and refused on the harness's thread (a __del__ run by the collector there).
    The switch lives in this closure only; the hook cannot be removed from Python code."""
    import _thread

    get_ident = _thread.get_ident
    armed = [False]
    touched: list[str] = []  # what the job changed that no dict scan sees
    frames = {"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back"}
    denied = {
        "sys._current_frames": "frame inspection",
        "sys.settrace": "tracing",
        "sys.setprofile": "tracing",
        "gc.get_objects": "the garbage collector's object lists",
        "gc.get_referrers": "the garbage collector's object lists",
        "gc.get_referents": "the garbage collector's object lists",
        "sys.addaudithook": "audit hooks",
    }
    realpath = os.path.realpath
    harness_dir = os.path.dirname(os.path.abspath(__file__))

    def _harness_code(target: object) -> bool:
        """True for a function of the harness or of the problem's structural checks."""
        code = getattr(target, "__code__", None)
        where = getattr(code, "co_filename", "")
        return isinstance(where, str) and (where == CHECKS or where.startswith(harness_dir))

    def refuse(what: str):
        raise PermissionError(f"a Check does not allow {what}")

    def hook(event: str, args: tuple) -> None:
        if not armed[0]:
            return
        if event == "sys._getframe":
            if get_ident() != learner_ident:
                refuse("frame inspection")
        elif event in denied:
            if event == "sys.addaudithook":
                raise RuntimeError("a Check does not allow audit hooks")  # (not added, silently)
            refuse(denied[event])
        elif event.startswith("ctypes."):
            refuse("ctypes")
        elif event in ("object.__getattr__", "object.__setattr__", "object.__delattr__"):
            name = args[1] if len(args) > 1 else ""
            if name in frames and get_ident() != learner_ident:
                refuse("frame inspection")
            if event != "object.__getattr__" and name in (
                "__code__",
                "__defaults__",
                "__kwdefaults__",
            ):
                if _harness_code(args[0]):
                    # libraries set these on their own functions (namedtuple sets __defaults__)
                    refuse("replacing a function's code")
                if not touched and getattr(args[0], "__code__", None) is not None:
                    if getattr(args[0].__code__, "co_filename", CELL) != CELL:  # not the cell's
                        touched.append(f"a function's {name} was replaced")
        elif event in ("os.putenv", "os.unsetenv") and not touched:
            touched.append("the environment was changed")
        elif event in ("open", "os.chdir", "os.listdir", "os.scandir"):
            path = args[0] if args else None
            if isinstance(path, (str, bytes)):
                p = realpath(os.fsdecode(path))
                if p.startswith("/proc/") and ("mem" in p.split("/") or "pagemap" in p):
                    refuse("reading the process's memory")

    sys.addaudithook(hook)

    def arm(on: bool) -> None:
        armed[0] = on

    arm.touched = touched  # type: ignore[attr-defined]  # read (and cleared) by the harness
    return arm


def _clamped_setrecursionlimit(real):
    def setrecursionlimit(limit):
        """sys.setrecursionlimit, capped for checks (see MAX_RECURSION)."""
        real(min(int(limit), MAX_RECURSION))

    return setrecursionlimit


def _plain_handlers_only(real):
    """signal.signal that keeps SIG_IGN/SIG_DFL but refuses Python handlers: a handler is handed
    the frame that is running when the signal arrives, which may be the harness's."""
    import signal as _sig

    def signal(signalnum, handler):
        if handler not in (_sig.SIG_IGN, _sig.SIG_DFL):
            try:
                sys._current_frames()  # refused exactly while the guard is armed (no flag to flip)
            except PermissionError:
                raise PermissionError("a Check does not allow Python signal handlers") from None
        return real(signalnum, handler)

    signal.__doc__ = real.__doc__
    return signal


def _learner_loop(q) -> None:
    """The learner thread's whole stack: one call at a time, nothing of the harness in reach."""
    while True:
        fn, args, box, done = q.get()
        try:
            box.append((True, fn(*args)))
        except BaseException as exc:
            box.append((False, exc))
        fn = args = box = None
        done.set()
        done = None


class LearnerThread:
    """Runs every call into learner code on one thread, so that the frames learner code can reach
    (its own, and their callers by f_back) are never the harness's: the nonce, the integrity
    snapshot and the guard's switch live on the main thread only."""

    def __init__(self) -> None:
        import queue

        self._q = queue.SimpleQueue()
        old = threading.stack_size(256 * 2**20)  # deep tracing in JAX needs a main-sized stack
        try:
            self.thread = threading.Thread(
                target=_learner_loop, args=(self._q,), daemon=True, name="jaxlings-learner"
            )
            self.thread.start()
        finally:
            threading.stack_size(old)
        self.ident = self.thread.ident

    def call(self, fn, *args):
        box: list = []
        done = threading.Event()
        self._q.put((fn, args, box, done))
        done.wait()
        ok, value = box[0]
        if not ok:
            raise value
        return value


class Worker:
    def __init__(self, sock: socket.socket, arm=None):
        self.sock = sock
        self.prelude = _prelude()
        from jaxlings.harness import codec, scratch

        self.codec = codec
        self.scratch = scratch
        self.devnull = os.open(os.devnull, os.O_WRONLY)
        self._arm = arm or (lambda on: None)
        self.learner_thread = LearnerThread()
        self.jailed = os.environ.get("JAXLINGS_JAILED") == "1"
        self.per_job_programs: dict | None = None  # _forget_higher_order_programs

    def send(self, obj) -> None:
        self.codec.send_frame(self.sock, obj)

    def namespace(self) -> dict:
        ns = {"__name__": "__main__", "__builtins__": builtins}
        ns.update(self.prelude)
        return ns

    def _redirect(self, fds: list[int]) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        out, err = (fds + [self.devnull, self.devnull])[:2]
        os.dup2(out, 1)
        os.dup2(err, 2)
        for fd in fds:
            os.close(fd)

    def _release_output(self) -> None:
        for stream in (sys.__stdout__, sys.__stderr__, sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        os.dup2(self.devnull, 1)
        os.dup2(self.devnull, 2)

    def _mark_output(self, mark: str, case: int) -> None:
        """Write into stdout where case `case`'s output starts, so the pool can split it per case
        (what the code printed is flushed first; `mark` is the job's, unknown to the code)."""
        for stream in (sys.__stdout__, sys.stdout):
            try:
                stream.flush()
            except BaseException:
                pass
        try:
            os.write(1, f"\x00{mark}:{case}\x00".encode())
        except OSError:
            pass

    def learner(self, fn, *args):
        """Call into learner code, on the learner thread (the guard is armed for the whole job)."""
        return self.learner_thread.call(fn, *args)

    def unguarded(self, fn, *args):
        """Run harness code that needs what the guard refuses (tracebacks read frames), with the
        collector paused so that no learner __del__ runs meanwhile."""
        was = gc.isenabled()
        gc.disable()
        self._arm(False)
        try:
            return fn(*args)
        finally:
            self._arm(True)
            if was:
                gc.enable()

    def describe(self, exc: BaseException, filename: str = CELL) -> dict:
        return self.unguarded(describe_exception, exc, filename)

    def to_jax(self, value):
        np, jnp = self.prelude["np"], self.prelude["jnp"]
        if isinstance(value, np.ndarray):
            return jnp.asarray(value)
        if isinstance(value, list):
            return [self.to_jax(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.to_jax(v) for v in value)
        if isinstance(value, dict):
            return {k: self.to_jax(v) for k, v in value.items()}
        return value

    def run_cell(self, source: str, ns: dict, filename: str = CELL) -> dict | None:
        """Compile and run a cell; the error as a dict, or None."""
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        try:
            code = compile(source, filename, "exec")
        except (SyntaxError, ValueError) as exc:  # ValueError: source with null bytes
            if isinstance(exc, SyntaxError):
                return describe_exception(exc, filename)
            return {
                "type": "SyntaxError",
                "message": f"the code cannot be compiled: {exc}",
                "line": None,
                "traceback": None,
            }
        try:
            self.learner(exec, code, ns)
        except BaseException as exc:
            err = self.describe(exc, filename)
            err["message"] = "while the cell ran: " + err["message"]
            return err
        return None

    def check(self, job: dict, nonce: str, snap: dict, altered=altered) -> dict:
        ns = self.namespace()
        result: dict = {"op": "result", "cell_error": None, "missing": None, "checks": []}
        err = None
        for earlier in job.get("context") or []:
            # the definitions of the cells above (context.py), each under its own cell's name
            err = self.run_cell(earlier["source"], ns, earlier["filename"])
            if err is not None:
                where = earlier["filename"][1:-1]
                err["message"] = f"in {where}, which a Check runs first for its definitions: " + (
                    err["message"].removeprefix("while the cell ran: ")
                )
                err["line"] = None  # a line of another cell: not one to mark in this one
                break
        if err is None:
            err = self.run_cell(job["source"], ns)
        tampered = altered(snap)
        if err is not None or tampered:
            result["cell_error"] = err
            result["reason"] = tampered
            return result
        fname = job["function"]
        fn = ns.get(fname)
        if not callable(fn):
            defined = sorted(
                k
                for k, v in ns.items()
                if not k.startswith("__")
                and k not in PRELUDE_NAMES
                and (callable(v) or isinstance(v, type))
            )
            result["missing"] = {
                "function": fname,
                "defined": defined,
                "close": difflib.get_close_matches(fname, defined, n=1),
                "not_callable": fname in ns,
            }
            return result
        silent_from = job.get("silent_from")
        mark = job.get("mark")
        for i, enc_inputs in enumerate(job["cases"]):
            if i == 0:
                # one "start" for the cases: the server takes each case frame as the start of the
                # next case, which saves a frame (and a wake-up of the server) per case
                self.send({"op": "start", "case": i, "nonce": nonce})
            if i == silent_from:
                self._release_output()  # what hidden cases print never leaves the worker
            elif mark:
                self._mark_output(mark, i)
            try:
                args = [self.to_jax(self.codec.decode(a)) for a in enc_inputs]
                # (no block_until_ready: encode copies each array to the host, which waits for
                # it, and refuses a result too large to compare before walking all of it)
                out = self.learner(fn, *args)
                tampered = altered(snap)
                if tampered:
                    result["reason"] = tampered
                    return result
                frame = {"op": "case", "i": i, "ok": True, "value": self.codec.encode(out)}
            except self.codec.CodecError as exc:
                frame = {
                    "op": "case",
                    "i": i,
                    "ok": False,
                    "error": {
                        "type": "ResultTypeError",
                        "message": f"the function returned something that "
                        f"cannot be compared: {exc}",
                        "line": None,
                        "traceback": None,
                    },
                }
            except BaseException as exc:
                frame = {"op": "case", "i": i, "ok": False, "error": self.describe(exc)}
            out = args = None
            frame["nonce"] = nonce
            self.send(frame)
        if mark and silent_from == len(job["cases"]):
            self._mark_output(mark, len(job["cases"]))  # the end of the last case's output
        if job.get("checks_source"):
            result["checks"] = self.structural_checks(job["checks_source"], ns, nonce, snap)
        result["reason"] = altered(snap)
        return result

    def structural_checks(
        self, checks_source: str, learner_ns: dict, nonce: str, snap, altered=altered
    ) -> list:
        checks_ns = self.namespace()
        err = self.run_cell(checks_source, checks_ns, CHECKS)
        if err is not None:
            return [
                {"name": "checks.py", "doc": "the problem's checks load", "ok": False, "error": err}
            ]
        out = []
        for name, fn in list(checks_ns.items()):
            if (
                name.startswith("_")
                or not isinstance(fn, types.FunctionType)
                or fn.__code__.co_filename != CHECKS
            ):
                continue
            doc = (fn.__doc__ or name).strip().splitlines()[0]
            self.send({"op": "start", "check": name, "nonce": nonce})
            try:
                value = self.learner(fn, dict(learner_ns))
                if altered(snap):
                    break  # reported with the result
                out.append(
                    {"name": name, "doc": doc, "ok": True, "value": self.codec.encode(value)}
                )
            except BaseException as exc:
                e = self.describe(exc, CELL)
                e["message"] = _exception_text(exc) or type(exc).__name__
                out.append({"name": name, "doc": doc, "ok": False, "error": e})
            value = None
        return out

    def blocks(self, job: dict, nonce: str) -> dict:
        """Run statement code blocks in one namespace (for `jaxlings validate`)."""
        ns = self.namespace()
        results = []
        if job.get("preload"):
            err = self.run_cell(job["preload"], ns, "<solution>")
            if err is not None:
                return {"op": "result", "preload_error": err, "blocks": []}
        for i, block in enumerate(job["blocks"]):
            self.send({"op": "start", "block": i, "nonce": nonce})
            name = f"<block {i}>"
            src = block["code"]
            linecache.cache[name] = (len(src), None, src.splitlines(True), name)
            try:
                if block["kind"] == "eval":
                    try:
                        code = compile(src, name, "eval")
                    except SyntaxError:
                        self.learner(exec, compile(src, name, "exec"), ns)
                        results.append({"ok": True, "value": None, "repr": None})
                        continue
                    value = self.learner(eval, code, ns)
                    value = self.prelude["jax"].block_until_ready(value)
                    try:
                        enc = self.codec.encode(value)
                    except self.codec.CodecError:
                        enc = None
                    results.append({"ok": True, "value": enc, "repr": self.learner(repr, value)})
                else:
                    self.learner(exec, compile(src, name, "exec"), ns)
                    results.append({"ok": True})
            except BaseException as exc:
                results.append({"ok": False, "error": self.describe(exc, name)})
        return {"op": "result", "preload_error": None, "blocks": results}

    def local_state(self) -> tuple:
        return self.learner_thread.call(_local_state)

    def serve(
        self, altered=altered, settings_changed=settings_changed, leftovers=leftovers, world=world
    ) -> None:
        snap = snapshot()
        seen = world(self.local_state)
        touched = getattr(self._arm, "touched", [])
        self.send({"op": "ready", "pid": os.getpid()})
        codec = self.codec
        while True:
            try:
                job, fds = codec.recv_frame(self.sock, with_fds=2, max_bytes=codec.MAX_JOB_FRAME)
            except EOFError:
                return
            if job.get("op") == "exit":
                return
            nonce = str(job.pop("nonce", ""))
            rebase = job.pop("rebase", False) is True  # the pool's own warm-up: trusted code
            clear_above = job.pop("clear_above_mb", None)  # the pool's memory budget, if any
            if type(clear_above) not in (int, float):
                clear_above = CLEAR_CACHES_ABOVE_MB
            self._redirect(fds)
            self._arm(True)
            try:
                if job.get("op") == "blocks":
                    reply = self.blocks(job, nonce)
                else:
                    reply = self.check(job, nonce, snap)
            except BaseException as exc:  # a failure of the harness itself, kept as data
                reply = {"op": "result", "harness_error": repr(exc)[:2000]}
            job = None
            self._release_output()
            for name in [
                n for n in linecache.cache if n in (CELL, CHECKS) or n.startswith("<cell ")
            ]:
                linecache.cache.pop(name, None)
            reply["nonce"] = nonce
            if reply.get("reason") is None:
                reply.pop("reason", None)
            try:
                self.send(reply)
            except self.codec.CodecError:
                self.send({"op": "result", "harness_error": "result too large", "nonce": nonce})
            # what runs from here on (a __del__ under the collector) still counts against the
            # job's time: the server waits for "idle" within the same deadline
            try:
                gc.collect(0)
            except BaseException:
                pass
            self.reset_private_dirs()
            if self.per_job_programs is not None:
                self.per_job_programs.clear()
            cleared = self.bound_memory(clear_above)
            problem = altered(snap)
            t0 = time.perf_counter()
            left = None
            if problem is None:  # (an altered harness retires the worker anyway)
                left = (touched[0] if touched else None) or leftovers(seen, self.local_state)
            self._arm(False)
            if left is None and len(sys._current_frames()) != seen["python_threads"]:
                # (XLA starts native threads of its own as it goes; Python ones are the code's)
                left = "a thread started by the code (even through _thread) is still running"
            if rebase and problem is None:
                left, seen = None, world(self.local_state)  # what warm-up loaded is the baseline
            reusable = problem is None and left is None and settings_changed(snap) is None
            self.send(
                {
                    "op": "idle",
                    "clean": reusable,
                    "reason": problem,
                    "left": left,
                    "scan_ms": round((time.perf_counter() - t0) * 1000.0, 3),
                    "cleared": cleared,
                    "nonce": nonce,
                }
            )
            touched.clear()
            _reseed()

    def reset_private_dirs(self) -> None:
        """Empty the jail's private /tmp and /dev/shm, so the next job starts from nothing."""
        if not self.jailed:
            return
        for top in ("/tmp", "/dev/shm"):
            self.scratch.empty_dir(top)

    def bound_memory(self, above_mb: float = CLEAR_CACHES_ABOVE_MB) -> bool:
        """Above `above_mb` resident (0: never), drop JAX's caches of traced and compiled programs
        (True when it did: the pool then no longer counts the worker warm for any problem).

        Every new shape an eager op meets, and every function a check defines and transforms
        (an nnx.jit step, a scan body), adds a compiled program (about 1 MiB each on CPU) that
        JAX keeps; a worker serving many checks would only grow. The persistent compilation
        cache on disk makes the next compile of the same program cheap.
        """
        if above_mb <= 0 or _resident_mb() <= above_mb:
            return False
        self.prelude["jax"].clear_caches()
        gc.collect()
        if _MALLOC_TRIM is not None:
            self.unguarded(_MALLOC_TRIM, 0)  # glibc: give the freed heap back to the system
        return True


def _reseed() -> None:
    """A new seed from the OS for the global random generators, so no job sees the last one's."""
    for name, attr in (("random", "seed"), ("numpy.random", "seed")):
        mod = sys.modules.get(name)
        if mod is not None:
            try:
                getattr(mod, attr)()
            except Exception:
                pass


def _exit_with_server(fd: int) -> None:
    """End this process when the server's end of the socket closes, even mid-job."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLRDHUP)
    while True:
        for _fd, event in poller.poll():
            if event & (select.POLLRDHUP | select.POLLHUP | select.POLLERR | select.POLLNVAL):
                os._exit(1)


def _become_subreaper() -> None:
    """Orphans of the code's children (a double fork, setsid) are re-parented to this process
    instead of init, so the pool finds them in this worker's tree and kills them with it.
    The PID namespace does the same when sandboxed; this covers workers without unshare."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _set_rlimits() -> None:
    """Kernel limits that hold whatever the code does: file size (tmpfs writes), open files, no
    core dumps, and a process count when no pids cgroup caps it."""
    import resource

    fsize = int(float(os.environ.get("JAXLINGS_WORKER_FSIZE_MB", "64")) * 2**20)
    limits = [(resource.RLIMIT_FSIZE, fsize), (resource.RLIMIT_CORE, 0)]
    limits.append((resource.RLIMIT_NOFILE, 512))
    nproc = int(os.environ.get("JAXLINGS_WORKER_NPROC", "0") or 0)
    if nproc:
        limits.append((resource.RLIMIT_NPROC, nproc))
    for what, value in limits:
        try:
            soft, hard = resource.getrlimit(what)
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(what, (value, value))
        except (ValueError, OSError):
            pass


def _malloc_trim():
    try:
        import ctypes

        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = None


def main() -> None:
    global _MALLOC_TRIM
    fd = int(os.environ.pop("JAXLINGS_SOCKET_FD"))
    os.set_inheritable(fd, False)  # a process the code starts never holds the protocol socket
    _become_subreaper()
    sock = socket.socket(fileno=fd)
    threading.Thread(target=_exit_with_server, args=(fd,), daemon=True).start()
    _configure_jax(
        os.environ.get("JAXLINGS_COMPILE_CACHE"),
        os.environ.get("JAXLINGS_COMPILE_CACHE_WRITE", "1") == "1",
    )
    worker = Worker(sock)
    worker.per_job_programs = _forget_higher_order_programs()
    _warm_up(worker.prelude)
    _MALLOC_TRIM = _malloc_trim()  # looked up now: ctypes is refused to code run later
    _set_rlimits()
    sys.setrecursionlimit = _clamped_setrecursionlimit(sys.setrecursionlimit)
    import _signal
    import signal

    signal.signal = _signal.signal = _plain_handlers_only(_signal.signal)
    worker._arm = _guard_hook(worker.learner_thread.ident)
    worker.serve()
    os._exit(0)


if __name__ == "__main__":
    main()
