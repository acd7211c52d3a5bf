# pitfall: A new nnx.Rngs for every layer
def build_mlp(sizes, seed):
    layers = []
    for i, (d_in, d_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nnx.Linear(d_in, d_out, rngs=nnx.Rngs(seed)))
        if i < len(sizes) - 2:  # no activation after the last layer
            layers.append(nnx.relu)
    return nnx.Sequential(*layers)


def mlp_forward(seed, x, sizes):
    sizes = [int(s) for s in sizes]
    model = build_mlp(sizes, int(seed))
    n_params = sum(p.size for p in jax.tree.leaves(nnx.state(model, nnx.Param)))
    return model(x), jnp.array(n_params, dtype=jnp.int32)
