class CausalConvStack(nnx.Module):
    def __init__(self, in_channels, channels, rngs):
        # conv1: kernel 3, causal; conv2: kernel 3, dilation 2, causal
        pass

    def __call__(self, x):
        pass


def causal_conv(seed, x, channels):
    return jnp.zeros(x.shape[:-1] + (int(channels),))
