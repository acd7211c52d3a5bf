# pitfall: Updating only the top level
def sgd_momentum_step(seed, params, grads, velocity, lr, momentum):
    lr, momentum = float(lr), float(momentum)
    new_velocity = {k: momentum * velocity[k] + grads[k] for k in velocity}
    new_params = {k: params[k] - lr * new_velocity[k] for k in params}
    return new_params, new_velocity
