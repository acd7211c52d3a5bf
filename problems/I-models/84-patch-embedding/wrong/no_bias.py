# pitfall: Dropping the bias
class PatchEmbed(nnx.Module):
    def __init__(self, in_channels, patch, dim, rngs):
        # ViT-style: no bias in the patch projection
        self.proj = nnx.Conv(in_channels, dim, kernel_size=(patch, patch),
                             strides=(patch, patch), padding="VALID", use_bias=False, rngs=rngs)

    def __call__(self, x):
        g = self.proj(x)
        return g.reshape(g.shape[0], -1, g.shape[-1])


def patch_embed(seed, images, patch, dim):
    m = PatchEmbed(images.shape[-1], int(patch), int(dim), rngs=nnx.Rngs(int(seed)))
    return m(images)
