import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(83)

    def imgs(n, h, w, c):
        return rng.normal(size=(n, h, w, c)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[[[1.0, 0.0], [0.0, 1.0]], [[-1.0, 2.0], [0.5, 0.5]]]], np.float32),
             out_channels=2.0),
        Case("more channels: 1x1 projection", seed=0.0,
             x=np.array([[[[1.0, 0.0], [0.0, 1.0]], [[-1.0, 2.0], [0.5, 0.5]]]], np.float32),
             out_channels=3.0),
        Case("identity shortcut, 2 images 6x6x4", seed=1.0, x=imgs(2, 6, 6, 4), out_channels=4.0),
        Case("fewer channels: 4 -> 2", seed=2.0, x=imgs(2, 4, 4, 4), out_channels=2.0),
        Case("identity, 3 images 4x5x3", seed=3.0, x=imgs(3, 4, 5, 3), out_channels=3.0,
             hidden=True),
        Case("projection 1 -> 4 on 8x8", seed=4.0, x=imgs(2, 8, 8, 1), out_channels=4.0,
             hidden=True),
    ]
