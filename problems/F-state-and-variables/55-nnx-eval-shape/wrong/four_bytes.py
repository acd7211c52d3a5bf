# pitfall: Four bytes per number
class Block(nnx.Module):
    def __init__(self, d_model, rngs):
        self.up = nnx.Linear(d_model, 4 * d_model, param_dtype=jnp.bfloat16, rngs=rngs)
        self.down = nnx.Linear(4 * d_model, d_model, param_dtype=jnp.bfloat16, rngs=rngs)


class TinyLM(nnx.Module):
    def __init__(self, vocab, d_model, n_layers, rngs):
        self.embed = nnx.Embed(vocab, d_model, rngs=rngs)
        self.blocks = nnx.List([Block(d_model, rngs) for _ in range(n_layers)])
        self.norm = nnx.LayerNorm(d_model, rngs=rngs)
        self.drop = nnx.Dropout(0.1, rngs=rngs)


def model_size(seed, vocab, d_model, n_layers):
    abstract = nnx.eval_shape(
        lambda: TinyLM(int(vocab), int(d_model), int(n_layers), rngs=nnx.Rngs(int(seed)))
    )
    leaves = jax.tree.leaves(nnx.state(abstract, nnx.Param))
    n_params = sum(leaf.size for leaf in leaves)
    n_bytes = sum(leaf.size * 4 for leaf in leaves)
    return jnp.array([n_params, n_bytes], dtype=jnp.float32)
