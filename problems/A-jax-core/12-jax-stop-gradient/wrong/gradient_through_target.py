# pitfall: Letting the gradient into the target
def td_loss_and_grad(seed, w, s, r, s_next, gamma):
    gamma = float(gamma)

    def loss_fn(w):
        value = s @ w
        target = r + gamma * (s_next @ w)
        return 0.5 * jnp.mean((target - value) ** 2)

    return jax.value_and_grad(loss_fn)(w)
