import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(84)

    def imgs(n, h, w, c):
        return rng.normal(size=(n, h, w, c)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             images=np.arange(32.0, dtype=np.float32).reshape(1, 4, 4, 2) / 32,
             patch=2.0, dim=3.0),
        Case("RGB 8x8, patches of 4, width 6", seed=1.0, images=imgs(2, 8, 8, 3), patch=4.0,
             dim=6.0),
        Case("non-square 4x8 grid, patches of 2", seed=2.0, images=imgs(1, 4, 8, 1), patch=2.0,
             dim=4.0),
        Case("one patch covers the image", seed=3.0, images=imgs(2, 4, 4, 2), patch=4.0,
             dim=5.0),
        Case("patch 1: every pixel a token", seed=4.0, images=imgs(1, 3, 3, 2), patch=1.0,
             dim=2.0, hidden=True),
        Case("6x12 with patches of 3", seed=5.0, images=imgs(2, 6, 12, 3), patch=3.0, dim=8.0,
             hidden=True),
    ]
