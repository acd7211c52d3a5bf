import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(54)

    def weights(scale=1.0):
        f = np.float32
        return {
            "linear": {"kernel": rng.normal(size=(3, 4)).astype(f),
                       "bias": (0.1 * rng.normal(size=4)).astype(f)},
            "bn": {"scale": (1.0 + 0.2 * rng.normal(size=4)).astype(f),
                   "bias": (0.1 * rng.normal(size=4)).astype(f),
                   "mean": (scale * rng.normal(size=4)).astype(f),
                   "var": (scale * rng.uniform(0.5, 2.0, size=4)).astype(f)},
        }

    def x(n):
        return rng.normal(size=(n, 3)).astype(np.float32)

    wk = {
        "linear": {"kernel": np.array([[1.0, 0.0, 0.0, 2.0], [0.0, 1.0, 0.0, 0.0],
                                       [0.0, 0.0, 1.0, -1.0]], np.float32),
                   "bias": np.zeros(4, np.float32)},
        "bn": {"scale": np.ones(4, np.float32), "bias": np.zeros(4, np.float32),
               "mean": np.array([1.0, 0.0, 0.0, 0.0], np.float32),
               "var": np.array([4.0, 1.0, 1.0, 1.0], np.float32)},
    }
    return [
        Case("worked example", seed=0.0, weights=wk,
             x=np.array([[1.0, 2.0, 3.0], [3.0, 0.0, -1.0]], np.float32)),
        Case("random weights", seed=1.0, weights=weights(), x=x(5)),
        Case("a different init seed changes nothing", seed=7.0, weights=weights(), x=x(3)),
        Case("one example", seed=2.0, weights=weights(), x=x(1)),
        Case("large running statistics", seed=3.0, weights=weights(10.0), x=x(6), hidden=True),
        Case("another batch", seed=4.0, weights=weights(0.5), x=x(8), hidden=True),
    ]
