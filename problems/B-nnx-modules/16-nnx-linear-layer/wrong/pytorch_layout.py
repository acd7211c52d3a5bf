# pitfall: PyTorch weight layout
class MyLinear(nnx.Module):
    def __init__(self, in_features, out_features, rngs):
        kernel_key = rngs.params()
        self.kernel = nnx.Param(
            nnx.initializers.lecun_normal()(kernel_key, (out_features, in_features))
        )
        _bias_key = rngs.params()
        self.bias = nnx.Param(jnp.zeros((out_features,)))

    def __call__(self, x):
        return x @ self.kernel[...].T + self.bias[...]


def stacked_linear(seed, x, d_hidden, d_out):
    rngs = nnx.Rngs(int(seed))
    first = MyLinear(x.shape[-1], int(d_hidden), rngs=rngs)
    second = MyLinear(int(d_hidden), int(d_out), rngs=rngs)
    return second(jax.nn.relu(first(x)))
