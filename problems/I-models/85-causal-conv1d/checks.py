def no_future_leak(ns):
    """Changing the input at step 5 leaves the outputs at steps 0 to 4 unchanged."""
    if "causal_conv" not in ns:
        raise NameError("causal_conv is not defined in your cell")
    base = jnp.zeros((1, 9, 2))
    poked = base.at[0, 5, :].set(1.0)
    diff = jnp.abs(ns["causal_conv"](0.0, poked, 3.0) - ns["causal_conv"](0.0, base, 3.0))
    return bool(jnp.all(diff[0, :5] == 0))
