# pitfall: Flattening channels first
class PatchEmbed(nnx.Module):
    def __init__(self, in_channels, patch, dim, rngs):
        self.proj = nnx.Conv(in_channels, dim, kernel_size=(patch, patch),
                             strides=(patch, patch), padding="VALID", rngs=rngs)

    def __call__(self, x):
        y = self.proj(x)
        n, gh, gw, d = y.shape
        return y.transpose(0, 3, 1, 2).reshape(n, gh * gw, d)


def patch_embed(seed, images, patch, dim):
    model = PatchEmbed(images.shape[-1], int(patch), int(dim), rngs=nnx.Rngs(int(seed)))
    return model(images)
