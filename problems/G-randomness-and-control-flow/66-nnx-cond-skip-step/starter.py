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
    # Apply the SGD step only when the loss is finite and the gradient norm is at most
    # max_norm; otherwise add 1.0 to model.skipped. Use nnx.cond.
    return loss


def guarded_training(seed, xs, ys, lr, max_norm):
    model = Guarded(xs.shape[-1], nnx.Rngs(int(seed)))
    losses = [guarded_step(model, xs[t], ys[t], float(lr), float(max_norm)) for t in range(xs.shape[0])]
    return jnp.stack(losses), model.lin.kernel[...], model.lin.bias[...], model.skipped[...]

