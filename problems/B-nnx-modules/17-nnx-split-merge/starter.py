class MLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        # Two nnx.Linear layers, l1 then l2.
        pass

    def __call__(self, x):
        return x


def weight_soup(seed, x):
    # Build model_a and model_b from one nnx.Rngs(int(seed)), average their states
    # leaf by leaf, merge the average into a third model; return all three outputs.
    zeros = jnp.zeros((x.shape[0], 2))
    return zeros, zeros, zeros
