def _need(ns, name):
    if name not in ns:
        raise NameError(f"{name} is not defined in your cell")
    return ns[name]


def target_frozen_at_decay_one(ns):
    """With decay = 1.0, train_step changes the online network but leaves every target weight as it was."""
    online = _need(ns, "Online")(3, rngs=nnx.Rngs(0))
    target = nnx.clone(online.encoder)
    optimizer = nnx.Optimizer(online, optax.adam(1e-2), wrt=nnx.Param)
    t_before = [p.copy() for p in jax.tree.leaves(nnx.state(target, nnx.Param))]
    o_before = [p.copy() for p in jax.tree.leaves(nnx.state(online, nnx.Param))]
    v1 = jnp.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]])
    _need(ns, "train_step")(online, target, optimizer, v1, v1[::-1] * 0.5, 1.0)
    t_after = jax.tree.leaves(nnx.state(target, nnx.Param))
    o_after = jax.tree.leaves(nnx.state(online, nnx.Param))
    return {
        "target unchanged": all(bool(jnp.array_equal(a, b)) for a, b in zip(t_before, t_after)),
        "online changed": any(not bool(jnp.array_equal(a, b)) for a, b in zip(o_before, o_after)),
    }
