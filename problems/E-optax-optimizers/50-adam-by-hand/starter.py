def adam_step(seed, params, grads, mu, nu, count, lr, b1, b2, eps):
    # Update the two moments, bias-correct them for update number int(count) + 1,
    # and move every parameter by -lr * m_hat / (sqrt(v_hat) + eps).
    return params, mu, nu
