def reports_through_callback(ns):
    """The compiled training loop sends its losses out through jax.debug.callback (a debug_callback appears in its jaxpr)."""
    if "train_and_log" not in ns:
        raise NameError("train_and_log is not defined in your cell")
    x = jnp.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = jnp.array([1.0, 2.0, 3.0])
    jaxpr = jax.make_jaxpr(lambda w: ns["train_and_log"](0.0, w, x, y, 0.1, 3.0)[0])(jnp.zeros(2))
    return "debug_callback" in str(jaxpr)
