def adam_step(seed, params, grads, mu, nu, count, lr, b1, b2, eps):
    t = int(count) + 1  # this update's number, counting from 1
    mu = jax.tree.map(lambda m, g: b1 * m + (1 - b1) * g, mu, grads)
    nu = jax.tree.map(lambda v, g: b2 * v + (1 - b2) * g**2, nu, grads)

    def step(p, m, v):
        m_hat = m / (1 - b1**t)
        v_hat = v / (1 - b2**t)
        return p - lr * m_hat / (jnp.sqrt(v_hat) + eps)

    params = jax.tree.map(step, params, mu, nu)
    return params, mu, nu
