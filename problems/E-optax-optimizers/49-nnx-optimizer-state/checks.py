def result_dtypes(ns):
    """adam_moments returns step as uint32 (optimizer.step) and count as int32 (Adam's own count), float32 moments."""
    if "adam_moments" not in ns:
        raise NameError("adam_moments is not defined in your cell")
    result = ns["adam_moments"](0.0, jnp.zeros((1, 1)), jnp.zeros(1), jnp.array([[1.0], [2.0]]),
                                jnp.array([[2.0], [4.0]]), 0.1, 2.0)
    return [str(jnp.asarray(r).dtype) for r in result]
