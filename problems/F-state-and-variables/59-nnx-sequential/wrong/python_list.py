# pitfall: A Python list of layers
def build_mlp(sizes, rngs):
    return [nnx.Linear(d_in, d_out, rngs=rngs) for d_in, d_out in zip(sizes[:-1], sizes[1:])]


def mlp_forward(seed, x, sizes):
    sizes = [int(s) for s in sizes]
    layers = build_mlp(sizes, nnx.Rngs(int(seed)))
    for i, layer in enumerate(layers):
        x = layer(x)
        if i < len(layers) - 1:
            x = nnx.relu(x)
    n_params = sum(l.kernel[...].size + l.bias[...].size for l in layers)
    return x, jnp.array(n_params, dtype=jnp.int32)
