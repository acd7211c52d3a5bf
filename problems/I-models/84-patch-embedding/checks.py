def patch_embed_params(ns):
    """PatchEmbed(3, 4, 8) has one 4x4 kernel (3 -> 8 channels) and a bias of 8: nnx.Conv's default use_bias=True."""
    if "PatchEmbed" not in ns:
        raise NameError("PatchEmbed is not defined in your cell")
    model = ns["PatchEmbed"](3, 4, 8, rngs=nnx.Rngs(0))
    return sorted(str(tuple(p.shape)) for p in jax.tree.leaves(nnx.state(model, nnx.Param)))
