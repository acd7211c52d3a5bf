import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(21)

    def data(*shape, loc=0.0, scale=1.0):
        return (loc + scale * rng.normal(size=shape)).astype(np.float32)

    # After the worked example every case uses batches of (4, 3) and x_eval of (2, 3):
    # each new shape costs compilations of BatchNorm's ops.
    return [
        Case("worked example", seed=0.0,
             batches=np.array([[[1.0, 0.0], [2.0, 2.0], [3.0, 4.0]],
                               [[0.0, 1.0], [4.0, 1.0], [2.0, 4.0]]], np.float32),
             x_eval=np.array([[1.0, 1.0], [0.0, 2.0]], np.float32)),
        Case("four batches, shifted data", seed=1.0,
             batches=data(4, 4, 3, loc=3.0, scale=2.0), x_eval=data(2, 3, loc=3.0, scale=2.0)),
        Case("odd number of batches", seed=2.0, batches=data(5, 4, 3), x_eval=data(2, 3)),
        Case("constant batches: zero batch variance", seed=3.0,
             batches=np.ones((4, 4, 3), np.float32), x_eval=data(2, 3)),
        Case("ten batches", seed=4.0, batches=data(10, 4, 3, loc=-1.0, scale=0.5),
             x_eval=data(2, 3, loc=-1.0, scale=0.5)),
        Case("six batches, wide spread", probes="more batches with larger values", seed=5.0, batches=data(6, 4, 3, scale=10.0),
             x_eval=data(2, 3, scale=10.0), hidden=True),
        Case("three batches", probes="fewer batches", seed=6.0, batches=data(3, 4, 3, loc=2.0), x_eval=data(2, 3), hidden=True),
    ]
