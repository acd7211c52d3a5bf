import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(22)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    # x is (2, 4) or (4, 4) and w is (4, 3) throughout: few shapes to compile.
    return [
        Case("worked example", seed=0.0, x=np.ones((2, 4), np.float32),
             w=np.full((4, 3), 0.5, np.float32), rate=0.25),
        Case("rate 0.0 drops nothing", seed=1.0, x=arr(2, 4), w=arr(4, 3), rate=0.0),
        Case("light dropout 0.1", seed=2.0, x=arr(4, 4), w=arr(4, 3), rate=0.1),
        Case("heavy dropout 0.8", seed=3.0, x=arr(4, 4), w=arr(4, 3), rate=0.8),
        Case("rate 0.3, seed 17", seed=17.0, x=arr(2, 4), w=arr(4, 3), rate=0.3),
        Case("rate 0.6, seed 5", probes="a high dropout rate", seed=5.0, x=arr(4, 4), w=arr(4, 3), rate=0.6, hidden=True),
        Case("rate 0.2, seed 123", probes="another rate and seed", seed=123.0, x=arr(4, 4), w=arr(4, 3), rate=0.2, hidden=True),
    ]
