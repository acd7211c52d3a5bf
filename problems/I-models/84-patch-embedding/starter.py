class PatchEmbed(nnx.Module):
    def __init__(self, in_channels, patch, dim, rngs):
        # one nnx.Conv whose kernel and stride are both the patch size
        pass

    def __call__(self, x):
        # conv, then (N, H/p, W/p, dim) -> (N, tokens, dim)
        pass


def patch_embed(seed, images, patch, dim):
    n, h, w, _ = images.shape
    p = int(patch)
    return jnp.zeros((n, (h // p) * (w // p), int(dim)))
