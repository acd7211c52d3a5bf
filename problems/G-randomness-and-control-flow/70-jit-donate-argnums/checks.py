def _fresh():
    params = {"w": jnp.ones((3, 2)), "b": jnp.zeros((2,))}
    grads = {"w": jnp.full((3, 2), 0.5), "b": jnp.ones((2,))}
    return params, grads


def update_donates_params(ns):
    """sgd_update donates its params argument: after a call, the params passed in are deleted."""
    if "sgd_update" not in ns:
        raise NameError("sgd_update is not defined in your cell")
    params, grads = _fresh()
    new = ns["sgd_update"](params, grads, 0.1)
    jax.block_until_ready(new)
    return [bool(params[k].is_deleted()) for k in ("w", "b")]


def update_keeps_grads(ns):
    """sgd_update does not donate the gradients: they are not marked donated and are still readable after a call."""
    if "sgd_update" not in ns:
        raise NameError("sgd_update is not defined in your cell")
    update = ns["sgd_update"]
    params, grads = _fresh()
    # A donated buffer XLA cannot reuse (nothing in the output has its shape) is not
    # deleted, so is_deleted() alone misses donated grads; the lowering records the intent.
    lower = getattr(update, "lower", None)
    if lower is None:
        raise TypeError("sgd_update should be the jax.jit(...) of _sgd itself (it has no .lower)")
    (_, grads_info, _), _ = lower(params, grads, 0.1).args_info
    donated = [bool(grads_info[k].donated) for k in ("w", "b")]
    jax.block_until_ready(update(params, grads, 0.1))
    return donated + [bool(grads[k].is_deleted()) for k in ("w", "b")]


def callers_params_survive(ns):
    """train_with_donation leaves the caller's params usable: it donates copies, not them."""
    if "train_with_donation" not in ns:
        raise NameError("train_with_donation is not defined in your cell")
    params, _ = _fresh()
    grads = {"w": jnp.ones((2, 3, 2)), "b": jnp.ones((2, 2))}
    jax.block_until_ready(ns["train_with_donation"](0.0, params, grads, 0.1))
    return [bool(params[k].is_deleted()) for k in ("w", "b")]
