def loop_is_compiled(ns):
    """A 25-step fit calls loss_fn at most 8 times in Python: the loop is an nnx.while_loop traced once, not a Python loop."""
    for name in ("loss_fn", "fit_until_flat"):
        if name not in ns:
            raise NameError(f"{name} must be defined in your cell")
    # the functions of the cell look loss_fn up in the cell's own globals
    cell_globals = getattr(ns["fit_until_flat"], "__globals__", ns)
    original = cell_globals["loss_fn"]
    calls = [0]

    def counting_loss(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    cell_globals["loss_fn"] = counting_loss
    try:
        x = jnp.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 2.0], [1.0, 1.0]])
        y = x @ jnp.array([[1.5], [-0.5]]) + 0.25
        ns["fit_until_flat"](3.0, x, y, 0.05, 1e-6, 25.0)
    finally:
        cell_globals["loss_fn"] = original
    return calls[0] <= 8
