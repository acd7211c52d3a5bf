class Encoder(nnx.Module):
    def __init__(self, d_in, rngs):
        self.l1 = nnx.Linear(d_in, 8, rngs=rngs)
        self.l2 = nnx.Linear(8, 4, rngs=rngs)

    def __call__(self, x):
        return self.l2(nnx.relu(self.l1(x)))


class Online(nnx.Module):
    def __init__(self, d_in, rngs):
        self.encoder = Encoder(d_in, rngs)
        self.predictor = nnx.Linear(4, 4, rngs=rngs)

    def __call__(self, x):
        return self.predictor(self.encoder(x))


def train_step(online, target, optimizer, v1, v2, decay):
    # nnx.jit: symmetric BYOL loss, update the online side, then EMA into the target
    return jnp.zeros(())


def byol_train(seed, v1s, v2s, decay):
    b = v1s.shape[1]
    return jnp.zeros(v1s.shape[0]), jnp.zeros((b, 4)), jnp.zeros((b, 4))
