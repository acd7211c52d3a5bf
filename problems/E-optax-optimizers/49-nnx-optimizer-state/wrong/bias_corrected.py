# pitfall: Bias-correcting the stored moments
def adam_moments(seed, kernel, bias, x, y, lr, n_steps):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias
    optimizer = nnx.Optimizer(model, optax.adam(float(lr)), wrt=nnx.Param)

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    for _ in range(int(n_steps)):
        grads = nnx.grad(loss_fn)(model)
        optimizer.update(model, grads)
    adam_state = optimizer.opt_state[0]
    t = adam_state.count[...]
    return (optimizer.step[...], t, adam_state.mu["kernel"][...] / (1 - 0.9**t),
            adam_state.nu["kernel"][...] / (1 - 0.999**t))
