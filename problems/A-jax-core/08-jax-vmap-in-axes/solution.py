def standardize(seq, gain):
    # One sequence of shape (T, D): standardise each feature over time.
    mean = seq.mean(axis=0)
    std = seq.std(axis=0)
    return gain * (seq - mean) / (std + 1e-5)


def time_major_standardize(seed, x, gain):
    # x is (T, B, D): map over the batch axis 1, share gain, keep the batch on axis 1.
    return jax.vmap(standardize, in_axes=(1, None), out_axes=1)(x, gain)
