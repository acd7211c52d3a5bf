import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(7)

    def seq(b, t):
        return rng.normal(size=(b, t)).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.arange(12, dtype=np.float32).reshape(2, 6),
             window=2.0, mode="mean"),
        Case("max pooling", seed=1.0, x=seq(3, 8), window=4.0, mode="max"),
        Case("window 1 is the identity", seed=2.0, x=seq(2, 5), window=1.0, mode="mean"),
        Case("window = T pools globally", seed=3.0, x=seq(4, 6), window=6.0, mode="max"),
        Case("mean over windows of 3", seed=4.0, x=seq(1, 9), window=3.0, mode="mean"),
        Case("random 5x12, max over 3", probes="another window size", seed=5.0, x=seq(5, 12), window=3.0, mode="max", hidden=True),
        Case("random 2x16, mean over 8", probes="a wide window", seed=6.0, x=seq(2, 16), window=8.0, mode="mean", hidden=True),
    ]
