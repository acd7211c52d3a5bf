import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(5)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    def case(name, seed, n, d, k, hidden=False, probes=None):
        return Case(name, seed=seed, W=arr(d, k), b=arr(k), x=arr(n, d), y=arr(n, k), hidden=hidden,
                    probes=probes)

    xs = arr(4, 3)
    W_true, b_true = arr(3, 2), arr(2)
    return [
        Case("worked example", seed=0.0,
             W=np.array([[1.0], [2.0]], np.float32), b=np.array([0.5], np.float32),
             x=np.array([[1, 0], [0, 1], [1, 1]], np.float32),
             y=np.array([[1.0], [1.0], [2.0]], np.float32)),
        Case("perfect fit has zero gradient", seed=1.0, W=W_true, b=b_true, x=xs,
             y=(xs @ W_true + b_true).astype(np.float32)),
        case("one example", 2.0, 1, 3, 2),
        case("several outputs", 3.0, 5, 4, 3),
        case("one feature", 4.0, 6, 1, 1),
        case("random 8x5 -> 4", 5.0, 8, 5, 4, hidden=True, probes="larger random shapes"),
        case("random 16x3 -> 2", 6.0, 16, 3, 2, hidden=True, probes="a larger batch"),
    ]
