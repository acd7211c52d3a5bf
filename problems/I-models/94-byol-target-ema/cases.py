import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(94)

    def views(n_steps, b, d, jitter=0.1):
        v1 = rng.normal(size=(n_steps, b, d)).astype(np.float32)
        v2 = (v1 + jitter * rng.normal(size=v1.shape)).astype(np.float32)
        return dict(v1s=v1, v2s=v2)

    v1 = np.array([[[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]], [[0.0, 1.0, 1.0], [-1.0, 0.5, 0.5]]],
                  np.float32)
    v2 = v1 + np.array([[[0.1, -0.2, 0.0], [0.0, 0.1, 0.3]],
                        [[-0.1, 0.0, 0.2], [0.2, 0.0, -0.1]]], np.float32)
    return [
        Case("worked example", seed=0.0, v1s=v1, v2s=v2, decay=0.9),
        Case("decay 1: the target never moves", seed=0.0, v1s=v1, v2s=v2, decay=1.0),
        Case("decay 0: the target copies the encoder", seed=1.0, **views(3, 4, 3), decay=0.0),
        Case("4 steps, batch of 4", seed=2.0, **views(4, 4, 3), decay=0.8),
        Case("very different views", seed=3.0, **views(3, 4, 3, jitter=2.0), decay=0.9),
        Case("5 steps, another seed", seed=4.0, **views(5, 4, 3), decay=0.7, hidden=True),
        Case("identical views", seed=5.0, **views(2, 2, 3, jitter=0.0), decay=0.5, hidden=True),
    ]
