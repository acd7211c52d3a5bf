import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(82)

    def imgs(n, h, w, c):
        return rng.normal(size=(n, h, w, c)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             images=(np.arange(16.0, dtype=np.float32).reshape(1, 4, 4, 1) / 16),
             num_classes=3.0),
        Case("two RGB 8x8 images, 5 classes", seed=1.0, images=imgs(2, 8, 8, 3),
             num_classes=5.0),
        Case("non-square 6x10 images", seed=2.0, images=imgs(3, 6, 10, 2), num_classes=4.0),
        Case("a 2x2 image pools to one pixel", seed=3.0, images=imgs(2, 2, 2, 3),
             num_classes=2.0),
        Case("batch of 4, 12x12 grey", seed=4.0, images=imgs(4, 12, 12, 1), num_classes=10.0,
             hidden=True),
        Case("16x16 with 3 channels", seed=5.0, images=imgs(2, 16, 16, 3), num_classes=3.0,
             hidden=True),
    ]
