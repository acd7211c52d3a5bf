import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(77)

    def arr(*shape, scale=1.0):
        return (scale * rng.normal(size=shape)).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.eye(8, 4, dtype=np.float32),
             w=np.arange(24, dtype=np.float32).reshape(4, 6) / 10),
        Case("random logits", seed=1.0, x=arr(8, 4), w=arr(4, 6)),
        Case("a batch of 16", seed=2.0, x=arr(16, 4), w=arr(4, 6)),
        Case("large logits", seed=3.0, x=arr(8, 4, scale=10.0), w=arr(4, 6, scale=10.0)),
        Case("eight classes", seed=4.0, x=arr(8, 3), w=arr(3, 8), hidden=True),
        Case("a batch of 32, large logits", seed=5.0, x=arr(32, 4, scale=20.0), w=arr(4, 6),
             hidden=True),
    ]
