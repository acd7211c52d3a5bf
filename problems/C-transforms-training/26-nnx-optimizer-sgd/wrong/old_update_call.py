# pitfall: The pre-0.11 update call
def sgd_momentum(seed, kernel, bias, x, y, lr, n_steps):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias
    optimizer = nnx.Optimizer(model, optax.sgd(float(lr), momentum=0.9), wrt=nnx.Param)

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    losses = []
    for _ in range(int(n_steps)):
        loss, grads = nnx.value_and_grad(loss_fn)(model)
        optimizer.update(grads)
        losses.append(loss)
    return jnp.stack(losses), model.kernel[...], model.bias[...], optimizer.step[...]
