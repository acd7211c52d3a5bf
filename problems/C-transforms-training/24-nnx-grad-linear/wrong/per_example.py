# pitfall: A loss that is not a scalar
def linear_grads(seed, kernel, bias, x, y):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2, axis=-1)

    grads = nnx.grad(loss_fn)(model)
    return grads["kernel"][...], grads["bias"][...]
