def adam_moments(seed, kernel, bias, x, y, lr, n_steps):
    model = nnx.Linear(kernel.shape[0], kernel.shape[1], rngs=nnx.Rngs(int(seed)))
    model.kernel[...] = kernel
    model.bias[...] = bias
    # Train with nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param), then read
    # optimizer.step and Adam's count, mu and nu for the kernel.
    zeros = jnp.zeros_like(kernel)
    return jnp.zeros((), jnp.uint32), jnp.zeros((), jnp.int32), zeros, zeros
