def mlp_sows_hidden_and_active(ns):
    """nnx.capture(MLP(...), nnx.Intermediate)(x) returns the intermediates 'active' and 'hidden'."""
    if "MLP" not in ns:
        raise NameError("MLP is not defined in your cell")
    model = ns["MLP"](nnx.Rngs(0))
    _, inter = nnx.capture(model, nnx.Intermediate)(jnp.ones((2, 3)))
    return sorted(str(k) for k in inter)


def active_sums_over_calls(ns):
    """Two calls inside one nnx.capture add up 'active' into one count per hidden unit."""
    model = ns["MLP"](nnx.Rngs(0))
    x = jnp.array([[1.0, -2.0, 0.5], [0.0, 1.0, 1.0]])

    def twice(model, x):
        return model(x) + model(-x)

    _, inter = nnx.capture(twice, nnx.Intermediate)(model, x)
    return np.asarray(inter["active"].get_value()).tolist()
