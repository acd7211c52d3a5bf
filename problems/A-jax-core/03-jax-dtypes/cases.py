import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(3)

    def img(*shape):
        return rng.integers(0, 256, size=shape).astype(np.uint8)

    every_value = np.arange(256, dtype=np.uint8).reshape(16, 16)
    return [
        Case("worked example", seed=0.0, pixels=np.array([[0, 100, 250]], np.uint8), offset=10.0),
        Case("darkening saturates at 0", seed=1.0, pixels=np.array([[5, 200], [29, 30]], np.uint8),
             offset=-30.0),
        Case("offset 0 leaves the image alone", seed=2.0, pixels=img(3, 4), offset=0.0),
        Case("offset 255 whitens everything but 0", seed=3.0,
             pixels=np.array([[0, 1, 128, 255]], np.uint8), offset=255.0),
        Case("random RGB image, +40", seed=4.0, pixels=img(4, 5, 3), offset=40.0),
        # every value 0..255 once: a round trip through floats in [0, 1] truncates some
        # results one below the right value for small negative offsets such as -4 and -9
        Case("every pixel value, -4", seed=7.0, pixels=every_value, offset=-4.0),
        Case("every pixel value, -9", seed=8.0, pixels=every_value, offset=-9.0, hidden=True,
             probes="a small negative offset on every pixel value, where a float result "
             "truncated by astype comes out one too low"),
        Case("random image, -100", seed=5.0, pixels=img(6, 6), offset=-100.0, hidden=True,
             probes="a large negative offset on a random image"),
        Case("random RGB image, +200", seed=6.0, pixels=img(3, 3, 3), offset=200.0, hidden=True,
             probes="a large positive offset on a colour image"),
    ]
