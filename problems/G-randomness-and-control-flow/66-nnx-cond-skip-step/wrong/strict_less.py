# pitfall: A strict comparison
class Guarded(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, 1, rngs=rngs)
        self.skipped = nnx.Variable(jnp.array(0.0))

    def __call__(self, x):
        return self.lin(x)


def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@nnx.jit
def guarded_step(model, x, y, lr, max_norm):
    loss, grads = nnx.value_and_grad(loss_fn)(model, x, y)
    healthy = jnp.isfinite(loss) & (optax.global_norm(grads) < max_norm)

    def apply(model, grads):
        params = nnx.state(model, nnx.Param)
        nnx.update(model, jax.tree.map(lambda p, g: p - lr * g, params, grads))

    def skip(model, grads):
        model.skipped[...] += 1.0

    nnx.cond(healthy, apply, skip, model, grads)
    return loss


def guarded_training(seed, xs, ys, lr, max_norm):
    model = Guarded(xs.shape[-1], nnx.Rngs(int(seed)))
    losses = [guarded_step(model, xs[t], ys[t], float(lr), float(max_norm)) for t in range(xs.shape[0])]
    return jnp.stack(losses), model.lin.kernel[...], model.lin.bias[...], model.skipped[...]
