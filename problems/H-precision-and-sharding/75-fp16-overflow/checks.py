def results_are_float16(ns):
    """softmax_and_norm_f16 returns both results in float16, like the activations it was given."""
    if "softmax_and_norm_f16" not in ns:
        raise NameError("softmax_and_norm_f16 is not defined in your cell")
    probs, norms = ns["softmax_and_norm_f16"](0.0, jnp.ones((2, 3)))
    return [str(probs.dtype), str(norms.dtype)]
