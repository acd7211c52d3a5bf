# pitfall: A new optimizer per step
def adam_moments(seed, kernel, bias, x, y, lr, n_steps):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    for _ in range(int(n_steps)):
        optimizer = nnx.Optimizer(model, optax.adam(float(lr)), wrt=nnx.Param)
        grads = nnx.grad(loss_fn)(model)
        optimizer.update(model, grads)
    adam_state = optimizer.opt_state[0]
    return (optimizer.step[...], adam_state.count[...], adam_state.mu["kernel"][...],
            adam_state.nu["kernel"][...])
