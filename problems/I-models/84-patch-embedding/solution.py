class PatchEmbed(nnx.Module):
    def __init__(self, in_channels, patch, dim, rngs):
        self.proj = nnx.Conv(in_channels, dim, kernel_size=(patch, patch),
                             strides=(patch, patch), padding="VALID", rngs=rngs)

    def __call__(self, x):                       # (N, H, W, C)
        y = self.proj(x)                         # (N, H/p, W/p, dim): one vector per patch
        n, gh, gw, d = y.shape
        return y.reshape(n, gh * gw, d)          # row by row: (N, tokens, dim)


def patch_embed(seed, images, patch, dim):
    model = PatchEmbed(images.shape[-1], int(patch), int(dim), rngs=nnx.Rngs(int(seed)))
    return model(images)
