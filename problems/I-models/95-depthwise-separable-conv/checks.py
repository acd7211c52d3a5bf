def param_shapes(ns):
    """SeparableConv(3, 4) has a (3, 3, 1, 3) depthwise kernel, a (1, 1, 3, 4) pointwise kernel and a (4,) bias."""
    if "SeparableConv" not in ns:
        raise NameError("SeparableConv is not defined in your cell")
    model = ns["SeparableConv"](3, 4, rngs=nnx.Rngs(0))
    return sorted(str(tuple(p.shape)) for p in jax.tree.leaves(nnx.state(model, nnx.Param)))
