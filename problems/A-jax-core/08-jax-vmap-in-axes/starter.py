def standardize(seq, gain):
    # One sequence (T, D) -> gain * (seq - mean over time) / (std over time + 1e-5).
    return seq


def time_major_standardize(seed, x, gain):
    # Apply standardize to every sequence of the time-major batch x (T, B, D).
    return jnp.zeros_like(x) - 1.0
