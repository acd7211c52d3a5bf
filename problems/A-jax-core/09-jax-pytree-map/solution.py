def sgd_momentum_step(seed, params, grads, velocity, lr, momentum):
    lr, momentum = float(lr), float(momentum)
    new_velocity = jax.tree.map(lambda v, g: momentum * v + g, velocity, grads)
    new_params = jax.tree.map(lambda p, v: p - lr * v, params, new_velocity)
    return new_params, new_velocity
