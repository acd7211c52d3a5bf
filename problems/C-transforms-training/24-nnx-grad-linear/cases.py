import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(24)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    k_fit, b_fit, x_fit = arr(3, 2), arr(2), arr(4, 3)
    return [
        Case("worked example", seed=0.0,
             kernel=np.array([[0.5], [-0.5]], np.float32),
             bias=np.array([0.0], np.float32),
             x=np.array([[1.0, 2.0], [3.0, 4.0]], np.float32),
             y=np.array([[1.0], [0.0]], np.float32)),
        Case("zero weights", seed=1.0, kernel=np.zeros((3, 2), np.float32),
             bias=np.zeros(2, np.float32), x=arr(4, 3), y=arr(4, 2)),
        Case("one example", seed=2.0, kernel=arr(3, 2), bias=arr(2), x=arr(1, 3), y=arr(1, 2)),
        Case("random 4 x 3 -> 2", seed=3.0, kernel=arr(3, 2), bias=arr(2), x=arr(4, 3), y=arr(4, 2)),
        Case("random 2 x 2 -> 1", seed=4.0, kernel=arr(2, 1), bias=arr(1), x=arr(2, 2), y=arr(2, 1)),
        Case("a perfect fit has zero gradient", probes="a model that already fits its targets", seed=5.0, kernel=k_fit, bias=b_fit,
             x=x_fit, y=(x_fit @ k_fit + b_fit).astype(np.float32), hidden=True),
        Case("random 4 x 3 -> 2, large targets", probes="large targets", seed=6.0, kernel=arr(3, 2), bias=arr(2), x=arr(4, 3),
             y=(10 * arr(4, 2)).astype(np.float32), hidden=True),
    ]
