def sgd_momentum_step(seed, params, grads, velocity, lr, momentum):
    # velocity <- momentum * velocity + grads; params <- params - lr * velocity (new one).
    # Return (new_params, new_velocity), both with the structure of params.
    return params, velocity
