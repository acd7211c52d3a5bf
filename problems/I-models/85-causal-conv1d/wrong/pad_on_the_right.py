# pitfall: Padding on the right
class CausalConvStack(nnx.Module):
    def __init__(self, in_channels, channels, rngs):
        self.conv1 = nnx.Conv(in_channels, channels, kernel_size=(3,), padding=((0, 2),),
                              rngs=rngs)
        self.conv2 = nnx.Conv(channels, channels, kernel_size=(3,), kernel_dilation=(2,),
                              padding=((0, 4),), rngs=rngs)

    def __call__(self, x):
        return self.conv2(nnx.relu(self.conv1(x)))


def causal_conv(seed, x, channels):
    model = CausalConvStack(x.shape[-1], int(channels), rngs=nnx.Rngs(int(seed)))
    return model(x)
