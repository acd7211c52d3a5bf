def param_shapes(ns):
    """SwiGLU(4, 6) has exactly three bias-free kernels: (4, 6), (4, 6) and (6, 4)."""
    if "SwiGLU" not in ns:
        raise NameError("SwiGLU is not defined in your cell")
    block = ns["SwiGLU"](4, 6, rngs=nnx.Rngs(0))
    return sorted(str(tuple(p.shape)) for p in jax.tree.leaves(nnx.state(block, nnx.Param)))
