def _my_linear(ns):
    if "MyLinear" not in ns:
        raise NameError("MyLinear is not defined in your cell")
    return ns["MyLinear"]


def param_names_and_shapes(ns):
    """MyLinear(3, 4, rngs) holds exactly two Params: kernel of shape (3, 4) and bias of shape (4,)."""
    layer = _my_linear(ns)(3, 4, rngs=nnx.Rngs(0))
    flat = nnx.to_flat_state(nnx.state(layer, nnx.Param))
    return sorted(f"{'/'.join(str(k) for k in path)}: {tuple(v.shape)}" for path, v in flat)


def matches_nnx_linear(ns):
    """MyLinear(4, 2, rngs=nnx.Rngs(7)) gives the same outputs as nnx.Linear(4, 2, rngs=nnx.Rngs(7))."""
    layer = _my_linear(ns)(4, 2, rngs=nnx.Rngs(7))
    x = jnp.arange(8.0).reshape(2, 4) / 8.0
    return np.asarray(layer(x))
