# pitfall: A bias in the depthwise step
class SeparableConv(nnx.Module):
    def __init__(self, in_channels, out_channels, rngs):
        self.depthwise = nnx.Conv(in_channels, in_channels, kernel_size=(3, 3),
                                  feature_group_count=in_channels, rngs=rngs)
        self.pointwise = nnx.Conv(in_channels, out_channels, kernel_size=(1, 1), rngs=rngs)

    def __call__(self, x):
        return self.pointwise(self.depthwise(x))


def separable_conv(seed, x, out_channels):
    model = SeparableConv(x.shape[-1], int(out_channels), rngs=nnx.Rngs(int(seed)))
    return model(x)
