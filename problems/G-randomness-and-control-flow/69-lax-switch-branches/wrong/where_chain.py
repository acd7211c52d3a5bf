# pitfall: A where chain that does not clamp
BRANCHES = [jax.nn.relu, jnp.tanh, jax.nn.softplus]


def mixed_activation(seed, x, choice):
    c = choice[:, None]
    return jnp.where(c == 0, jax.nn.relu(x), jnp.where(c == 1, jnp.tanh(x), jax.nn.softplus(x)))
