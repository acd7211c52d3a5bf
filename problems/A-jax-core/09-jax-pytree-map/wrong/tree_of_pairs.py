# pitfall: A tree of pairs instead of a pair of trees
def sgd_momentum_step(seed, params, grads, velocity, lr, momentum):
    lr, momentum = float(lr), float(momentum)

    def update(p, g, v):
        v = momentum * v + g
        return p - lr * v, v

    return jax.tree.map(update, params, grads, velocity)
