def build_mlp_returns_sequential(ns):
    """build_mlp([3, 5, 2], rngs) returns an nnx.Sequential of Linear, an activation, Linear."""
    if "build_mlp" not in ns:
        raise NameError("build_mlp is not defined in your cell")
    model = ns["build_mlp"]([3, 5, 2], nnx.Rngs(0))
    if not isinstance(model, nnx.Sequential):
        raise TypeError(f"build_mlp returned a {type(model).__name__}, not an nnx.Sequential")
    return [isinstance(layer, nnx.Linear) for layer in model.layers]
