# pitfall: Deriving the counter from a built-in kind
class Count(nnx.BatchStat):
    # mistake: derived from BatchStat ("it is a statistic, not a weight")
    pass


class Tracked(nnx.Module):
    def __init__(self, d_in, d_out, rngs):
        self.linear = nnx.Linear(d_in, d_out, rngs=rngs)
        self.calls = Count(jnp.array(0.0))

    def __call__(self, x):
        self.calls[...] += 1.0
        return self.linear(x)


class Two(nnx.Module):
    def __init__(self, rngs):
        self.a = Tracked(2, 3, rngs)
        self.b = Tracked(3, 1, rngs)

    def __call__(self, x):
        return self.b(nnx.relu(self.a(x)))


def count_and_train(seed, x, y, lr, n_steps):
    model = Two(nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    loss_fn = lambda m: jnp.mean((m(x) - y) ** 2)
    losses = []
    for _ in range(int(n_steps)):
        loss, grads = nnx.value_and_grad(loss_fn)(model)
        losses.append(loss)
        optimizer.update(model, grads)
    calls = jnp.array([model.a.calls[...], model.b.calls[...]])
    def n(f):
        return sum(l.size for l in jax.tree.leaves(nnx.state(model, f)))
    sizes = jnp.array([n(nnx.Param), n(Count), n(nnx.Not(nnx.Param))], dtype=jnp.int32)
    return jnp.stack(losses), calls, sizes
