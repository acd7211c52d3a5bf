import inspect


def call_is_nnx_jit(ns):
    """RunningMean.__call__ is compiled with nnx.jit (decorated with @nnx.jit)."""
    method = inspect.getattr_static(ns["RunningMean"], "__call__")
    return type(method).__name__ == "JitWrapped"
