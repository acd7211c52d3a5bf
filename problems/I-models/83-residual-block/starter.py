class ResidualBlock(nnx.Module):
    def __init__(self, in_channels, out_channels, rngs):
        # conv1, bn1, conv2, bn2 and, only if the channels differ, a 1x1 proj
        pass

    def __call__(self, x):
        # relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))
        pass


def residual_block(seed, x, out_channels):
    return jnp.zeros(x.shape[:-1] + (int(out_channels),))
