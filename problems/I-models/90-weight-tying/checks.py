def param_shapes(ns):
    """TiedLM(6, 4) has one table (6, 4) used for input and output, plus mix's (4, 4) kernel and (4,) bias."""
    if "TiedLM" not in ns:
        raise NameError("TiedLM is not defined in your cell")
    model = ns["TiedLM"](6, 4, rngs=nnx.Rngs(0))
    return sorted(str(tuple(p.shape)) for p in jax.tree.leaves(nnx.state(model, nnx.Param)))
