# pitfall: Projecting an identity shortcut
class ResidualBlock(nnx.Module):
    def __init__(self, in_channels, out_channels, rngs):
        self.conv1 = nnx.Conv(in_channels, out_channels, kernel_size=(3, 3), use_bias=False,
                              rngs=rngs)
        self.bn1 = nnx.BatchNorm(out_channels, rngs=rngs)
        self.conv2 = nnx.Conv(out_channels, out_channels, kernel_size=(3, 3), use_bias=False,
                              rngs=rngs)
        self.bn2 = nnx.BatchNorm(out_channels, rngs=rngs)
        if True:
            self.proj = nnx.Conv(in_channels, out_channels, kernel_size=(1, 1), use_bias=False,
                                 rngs=rngs)
        else:
            self.proj = None

    def __call__(self, x):
        h = nnx.relu(self.bn1(self.conv1(x)))
        h = self.bn2(self.conv2(h))
        skip = x if self.proj is None else self.proj(x)
        return nnx.relu(h + skip)


def residual_block(seed, x, out_channels):
    block = ResidualBlock(x.shape[-1], int(out_channels), rngs=nnx.Rngs(int(seed)))
    return block(x)
