class EMA(nnx.Module):
    def __init__(self, dim, decay):
        # decay as a plain attribute; average (zeros of shape (dim,)) and count (0.0)
        # as nnx.Variables.
        pass

    def update(self, params):
        # One step: count up by 1, blend params into the average, return the average.
        return params

    def debiased(self):
        # average / (1 - decay ** count)
        return jnp.zeros(())


def ema_after_steps(seed, params_seq, decay):
    # Feed every row of params_seq to one EMA; return (average, debiased average).
    return jnp.zeros(params_seq.shape[1]), jnp.zeros(params_seq.shape[1])
