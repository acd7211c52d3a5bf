def td_loss_and_grad(seed, w, s, r, s_next, gamma):
    # loss = 0.5 * mean((r + gamma * s_next @ w - s @ w) ** 2), no gradient through the target.
    # Return (loss, dloss/dw).
    return jnp.array(-1.0), jnp.zeros_like(w) - 1.0
