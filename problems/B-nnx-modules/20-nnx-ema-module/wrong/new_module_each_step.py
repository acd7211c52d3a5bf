# pitfall: A new EMA for every step
class EMA(nnx.Module):
    def __init__(self, dim, decay):
        self.decay = decay
        self.average = nnx.Variable(jnp.zeros((dim,)))
        self.count = nnx.Variable(jnp.zeros(()))

    def update(self, params):
        self.count[...] += 1.0
        self.average[...] = self.decay * self.average[...] + (1.0 - self.decay) * params
        return self.average[...]

    def debiased(self):
        return self.average[...] / (1.0 - self.decay ** self.count[...])


def ema_after_steps(seed, params_seq, decay):
    for params in params_seq:
        ema = EMA(params_seq.shape[1], float(decay))
        ema.update(params)
    return ema.average[...], ema.debiased()
