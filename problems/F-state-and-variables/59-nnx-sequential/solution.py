def build_mlp(sizes, rngs):
    layers = []
    for i, (d_in, d_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nnx.Linear(d_in, d_out, rngs=rngs))
        if i < len(sizes) - 2:  # no activation after the last layer
            layers.append(nnx.relu)
    return nnx.Sequential(*layers)


def mlp_forward(seed, x, sizes):
    sizes = [int(s) for s in sizes]
    model = build_mlp(sizes, nnx.Rngs(int(seed)))
    n_params = sum(p.size for p in jax.tree.leaves(nnx.state(model, nnx.Param)))
    return model(x), jnp.array(n_params, dtype=jnp.int32)
