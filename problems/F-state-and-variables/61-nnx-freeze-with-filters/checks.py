def head_grads_cover_the_head_only(ns):
    """head_grads returns gradients for head/bias and head/kernel only: the backbone is not differentiated."""
    for name in ("Net", "head_grads"):
        if name not in ns:
            raise NameError(f"{name} is not defined in your cell")
    model = ns["Net"](nnx.Rngs(0))
    x = jnp.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]])
    y = jnp.array([[1.0, 0.0], [0.0, 1.0]])
    _, grads = ns["head_grads"](model, x, y)
    paths = []
    for path, _ in jax.tree_util.tree_flatten_with_path(grads)[0]:
        parts = [str(getattr(k, "key", getattr(k, "idx", k))) for k in path]
        paths.append("/".join(p for p in parts if not p.startswith(".")))  # drop ".value"
    return sorted(paths)


def optimizer_state_for_the_head_only(ns):
    """train_head_only leaves the backbone's kernel exactly as initialised."""
    model = ns["Net"](nnx.Rngs(3))
    before = np.asarray(model.backbone.kernel[...])
    x = jnp.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]])
    y = jnp.array([[1.0, 0.0], [0.0, 1.0]])
    _, backbone_kernel, _ = ns["train_head_only"](3.0, x, y, 0.1, 2.0)
    return bool(np.array_equal(np.asarray(backbone_kernel), before))


def trainable_selects_params_only(ns):
    """trainable selects the Params under head only: a head that also keeps a BatchNorm's running statistics and a plain nnx.Variable has those left out."""
    if "trainable" not in ns:
        raise NameError("trainable is not defined in your cell")

    class Head(nnx.Module):
        def __init__(self, rngs):
            self.linear = nnx.Linear(4, 2, rngs=rngs)
            self.norm = nnx.BatchNorm(2, rngs=rngs)
            self.calls = nnx.Variable(jnp.array(0.0))

    class WithStats(nnx.Module):
        def __init__(self, rngs):
            self.backbone = nnx.Linear(3, 4, rngs=rngs)
            self.head = Head(rngs)

    state = nnx.state(WithStats(nnx.Rngs(0)), ns["trainable"])
    paths = []
    for path, _ in jax.tree_util.tree_flatten_with_path(state)[0]:
        parts = [str(getattr(k, "key", getattr(k, "idx", k))) for k in path]
        paths.append("/".join(p for p in parts if not p.startswith(".")))  # drop ".value"
    return sorted(paths)
