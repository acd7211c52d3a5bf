import types


def _with_recording(ns, fn_name, cls_name, call):
    """Run ns[fn_name] with `nnx` in the cell's globals swapped for a view of it whose
    `cls_name` is a subclass that remembers every instance built."""
    fn = ns.get(fn_name)
    if fn is None:
        raise NameError(f"{fn_name} is not defined in your cell")
    real = fn.__globals__.get("nnx", nnx)
    base = getattr(real, cls_name)
    built = []

    class Probe(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            built.append(self)

    view = types.ModuleType("nnx")
    view.__dict__.update(real.__dict__)
    setattr(view, cls_name, Probe)
    g = fn.__globals__
    had = "nnx" in g
    g["nnx"] = view
    try:
        call(fn)
    finally:
        if had:
            g["nnx"] = real
        else:
            del g["nnx"]
    return built


def table_stays_a_param(ns):
    """embedding_lookup loads the table into the nnx.Embed's own Param (embed.embedding[...] = table): the embedding stays an nnx.Param holding the table, so training would update it."""
    table = jnp.arange(12.0).reshape(4, 3)
    built = _with_recording(
        ns,
        "embedding_lookup",
        "Embed",
        lambda fn: fn(0.0, table, jnp.array([[0, 1, 3]], jnp.int32), 3.0),
    )
    return [
        {
            "embedding is an nnx.Param": isinstance(getattr(e, "embedding", None), nnx.Param),
            "holds the table": bool(np.array_equal(np.asarray(e.embedding[...]), np.asarray(table))),
        }
        for e in built
    ]
