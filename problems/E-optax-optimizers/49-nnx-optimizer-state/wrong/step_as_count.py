# pitfall: The optimizer's step as Adam's count
def adam_moments(seed, kernel, bias, x, y, lr, n_steps):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias
    optimizer = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)

    def loss_fn(m):
        return jnp.mean((m(x) - y) ** 2)

    for _ in range(int(n_steps)):
        grads = nnx.grad(loss_fn)(model)
        optimizer.update(model, grads)
    adam_state = optimizer.opt_state[0]
    step = optimizer.step[...]
    # mistake: "Adam's count is the same number", so reuse the optimizer step (uint32)
    count = step
    return step, count, adam_state.mu["kernel"][...], adam_state.nu["kernel"][...]
