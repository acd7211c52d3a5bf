class Count(nnx.Variable):
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


def _elements(model, flt):
    return sum(x.size for x in jax.tree.leaves(nnx.state(model, flt)))


def count_and_train(seed, x, y, lr, n_steps):
    model = Two(nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(float(lr)), wrt=nnx.Param)

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    losses = []
    for _ in range(int(n_steps)):
        loss, grads = nnx.value_and_grad(loss_fn)(model)
        optimizer.update(model, grads)
        losses.append(loss)
    calls = jnp.stack([model.a.calls[...], model.b.calls[...]])
    sizes = jnp.array(
        [_elements(model, nnx.Param), _elements(model, Count), _elements(model, nnx.Not(nnx.Param))],
        dtype=jnp.int32,
    )
    return jnp.stack(losses), calls, sizes
