import inspect


def call_is_nnx_jit(ns):
    """RunningMean.__call__ is compiled with nnx.jit (decorated with @nnx.jit)."""
    method = inspect.getattr_static(ns["RunningMean"], "__call__")
    return type(method).__name__ == "JitWrapped"


def repeat_calls_reuse_the_compiled_code(ns):
    """Once compiled, RunningMean reuses its code: three more calls with the same shape trace nothing new (state that changes lives in Variables, not in plain Python attributes, which nnx.jit treats as structure and recompiles for)."""
    class Fresh(ns["RunningMean"]):
        pass  # a new class: nothing compiled for it yet by the cases that ran before

    model = Fresh(3)
    x = jnp.ones(3)
    model(x)
    traces = []

    def listener(event, duration, **kwargs):
        if event == "/jax/core/compile/jaxpr_trace_duration":
            traces.append(event)

    jax.monitoring.register_event_duration_secs_listener(listener)
    try:
        for _ in range(3):
            model(x)
    finally:
        jax.monitoring.unregister_event_duration_listener(listener)
    return len(traces)
