def _cnn(ns):
    if "SmallCNN" not in ns:
        raise NameError("SmallCNN is not defined in your cell")
    return ns["SmallCNN"](3, 5, rngs=nnx.Rngs(0))


def layer_kinds(ns):
    """SmallCNN is built from two nnx.Conv layers and one nnx.Linear head."""
    kinds = [type(m).__name__ for _, m in nnx.iter_graph(_cnn(ns))
             if isinstance(m, (nnx.Conv, nnx.Linear))]
    return sorted(kinds)


def param_shapes(ns):
    """SmallCNN(3, 5) has kernels (3, 3, 3, 4), (3, 3, 4, 8), (8, 5) and their biases."""
    leaves = jax.tree.leaves(nnx.state(_cnn(ns), nnx.Param))
    return sorted(str(tuple(leaf.shape)) for leaf in leaves)
