import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(11)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0, W=np.array([[2.0, 0.0], [0.0, 1.0]], np.float32),
             v0=np.array([1.0, 1.0], np.float32), n_iters=2.0),
        Case("zero iterations", seed=1.0, W=arr(3, 3), v0=arr(3), n_iters=0.0),
        Case("one iteration", seed=2.0, W=arr(4, 3), v0=arr(3), n_iters=1.0),
        Case("wide matrix, 3 iterations", seed=3.0, W=arr(2, 5), v0=arr(5), n_iters=3.0),
        Case("close singular values", seed=4.0,
             W=np.diag([1.0, 0.95, 0.5]).astype(np.float32),
             v0=np.array([0.3, 1.0, 1.0], np.float32), n_iters=4.0),
        Case("random 6x4, 5 iterations", probes="a non-square matrix", seed=5.0, W=arr(6, 4), v0=arr(4), n_iters=5.0, hidden=True),
        Case("random 5x5, 10 iterations", probes="more iterations", seed=6.0, W=arr(5, 5), v0=arr(5), n_iters=10.0, hidden=True),
    ]
