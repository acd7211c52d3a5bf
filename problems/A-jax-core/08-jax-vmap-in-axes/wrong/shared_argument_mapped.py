# pitfall: Mapping the shared argument
def standardize(seq, gain):
    mean = seq.mean(axis=0)
    std = seq.std(axis=0)
    return gain * (seq - mean) / (std + 1e-5)


def time_major_standardize(seed, x, gain):
    return jax.vmap(standardize, in_axes=1, out_axes=1)(x, gain)
