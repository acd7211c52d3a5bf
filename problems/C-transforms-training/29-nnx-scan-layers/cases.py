import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(29)

    def arr(*shape, scale=1.0):
        return (scale * rng.normal(size=shape)).astype(np.float32)

    def layers(n_layers, d):
        return arr(n_layers, d, d, scale=1.0 / np.sqrt(d)), arr(n_layers, d, scale=0.1)

    ws1, bs1 = layers(1, 3)
    ws4, bs4 = layers(4, 3)
    ws8, bs8 = layers(8, 2)
    ws4b, bs4b = layers(4, 3)
    return [
        Case("worked example", seed=0.0,
             ws=np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]], np.float32),
             bs=np.array([[0.0, 0.0], [0.5, -0.5]], np.float32),
             x=np.array([[1.0, -1.0]], np.float32)),
        Case("a single layer", seed=1.0, ws=ws1, bs=bs1, x=arr(4, 3)),
        Case("four layers, width 3", seed=2.0, ws=ws4, bs=bs4, x=arr(4, 3)),
        Case("zero weights: every layer outputs tanh(b)", seed=3.0, ws=np.zeros((4, 3, 3), np.float32),
             bs=bs4, x=arr(4, 3)),
        Case("eight layers, width 2", probes="a deeper stack", seed=4.0, ws=ws8, bs=bs8, x=arr(2, 2), hidden=True),
        Case("four layers, width 3 (2)", probes="other weights", seed=5.0, ws=ws4b, bs=bs4b, x=arr(4, 3, scale=3.0), hidden=True),
    ]
