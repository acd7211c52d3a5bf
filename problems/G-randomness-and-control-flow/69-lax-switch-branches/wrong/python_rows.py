# pitfall: A Python loop with int() indices
BRANCHES = [jax.nn.relu, jnp.tanh, jax.nn.softplus]


def mixed_activation(seed, x, choice):
    rows = []
    for c, row in zip(choice, x):
        i = min(int(c), len(BRANCHES) - 1)
        rows.append(BRANCHES[i](row))
    return jnp.stack(rows)
