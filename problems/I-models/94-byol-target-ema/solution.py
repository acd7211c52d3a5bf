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


def byol_loss(p, z):
    p = p / jnp.linalg.norm(p, axis=-1, keepdims=True)
    z = z / jnp.linalg.norm(z, axis=-1, keepdims=True)
    return 2.0 - 2.0 * jnp.sum(p * z, axis=-1)        # (B,)


@nnx.jit
def train_step(online, target, optimizer, v1, v2, decay):
    z1 = jax.lax.stop_gradient(target(v1))           # targets: constants for this step
    z2 = jax.lax.stop_gradient(target(v2))

    def loss_fn(online):
        return jnp.mean(byol_loss(online(v1), z2) + byol_loss(online(v2), z1))

    loss, grads = nnx.value_and_grad(loss_fn)(online)  # gradients for the online side only
    optimizer.update(online, grads)
    new = jax.tree.map(lambda t, o: decay * t + (1.0 - decay) * o,
                       nnx.state(target, nnx.Param), nnx.state(online.encoder, nnx.Param))
    nnx.update(target, new)
    return loss


def byol_train(seed, v1s, v2s, decay):
    online = Online(v1s.shape[-1], rngs=nnx.Rngs(int(seed)))
    target = nnx.clone(online.encoder)
    optimizer = nnx.Optimizer(online, optax.adam(1e-2), wrt=nnx.Param)
    losses = [train_step(online, target, optimizer, v1, v2, float(decay))
              for v1, v2 in zip(v1s, v2s)]
    probe = v1s[0]
    return jnp.stack(losses), online.encoder(probe), target(probe)
