def _count(ns):
    if "count_elements" not in ns:
        raise NameError("count_elements is not defined in your cell")
    return ns["count_elements"]


def counts_a_linear(ns):
    """count_elements(nnx.Linear(7, 3, ...), nnx.Param) is 7 * 3 + 3 = 24."""
    return int(_count(ns)(nnx.Linear(7, 3, rngs=nnx.Rngs(0)), nnx.Param))


def counts_layer_norm_and_batch_norm(ns):
    """count_elements counts Params and BatchStats of any module, here a LayerNorm and a BatchNorm."""

    class Norms(nnx.Module):
        def __init__(self):
            self.ln = nnx.LayerNorm(6, rngs=nnx.Rngs(0))
            self.bn = nnx.BatchNorm(4, rngs=nnx.Rngs(0))

    model = Norms()
    count = _count(ns)
    return [int(count(model, nnx.Param)), int(count(model, nnx.BatchStat))]


def counts_several_filters(ns):
    """count_elements(model, nnx.Param, nnx.BatchStat) counts both kinds: every filter given is used."""

    class Norms(nnx.Module):
        def __init__(self):
            self.linear = nnx.Linear(3, 4, rngs=nnx.Rngs(0))
            self.bn = nnx.BatchNorm(4, rngs=nnx.Rngs(0))
            self.dropout = nnx.Dropout(0.1, rngs=nnx.Rngs(0))

    model = Norms()
    count = _count(ns)
    return [int(count(model, nnx.Param, nnx.BatchStat)),
            int(count(model, nnx.BatchStat, nnx.RngState)),
            int(count(model, nnx.Param, nnx.BatchStat, nnx.RngState))]


def returns_a_python_int(ns):
    """count_elements returns a Python int (not a NumPy or JAX integer), also when nothing matches."""
    count = _count(ns)
    layer = nnx.Linear(2, 3, rngs=nnx.Rngs(0))
    return [type(count(layer, nnx.Param)).__name__, type(count(layer, nnx.BatchStat)).__name__]
