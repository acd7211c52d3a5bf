def param_and_seen_leaves(ns):
    """Tracked(3, rngs) has exactly one nnx.Param leaf (w); the nnx.Param filter does not pick up seen."""
    for name in ("Tracked", "Seen"):
        if name not in ns:
            raise NameError(f"{name} is not defined in your cell")
    model = ns["Tracked"](3, nnx.Rngs(0))
    return len(jax.tree.leaves(nnx.state(model, nnx.Param)))


def seen_is_not_a_param(ns):
    """Seen subclasses nnx.Variable but not nnx.Param."""
    if "Seen" not in ns:
        raise NameError("Seen is not defined in your cell")
    seen = ns["Seen"]
    return issubclass(seen, nnx.Variable) and not issubclass(seen, nnx.Param)
