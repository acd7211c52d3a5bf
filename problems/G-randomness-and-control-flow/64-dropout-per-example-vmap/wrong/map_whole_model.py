# pitfall: Mapping the whole model
class Block(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, x):
        return self.drop(self.lin(x))


def loss_fn(model, xi, yi):
    return jnp.sum((model(xi) - yi) ** 2)


def per_example_grads(seed, x, y):
    model = Block(x.shape[-1], nnx.Rngs(params=int(seed), dropout=int(seed) + 1))

    @nnx.split_rngs(splits=x.shape[0], only="dropout")
    @nnx.vmap(in_axes=(0, 0, 0))
    def grads(model, xi, yi):
        g = nnx.grad(loss_fn)(model, xi, yi)
        return g["lin"]["kernel"][...], g["lin"]["bias"][...]

    return grads(model, x, y)
