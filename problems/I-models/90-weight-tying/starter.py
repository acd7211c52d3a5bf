class TiedLM(nnx.Module):
    def __init__(self, vocab, dim, rngs):
        # self.embed (nnx.Embed), then self.mix (nnx.Linear dim -> dim)
        pass

    def __call__(self, ids):
        # embed, mix, tanh, then score every token with the same table
        pass


def tied_lm(seed, ids, targets, vocab):
    v = int(vocab)
    return jnp.zeros(ids.shape + (v,)), jnp.zeros(()), jnp.zeros((v, 8))
