import numpy as np

from jaxlings.cases import Case


def _wave(seed, n):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(n, 1)).astype(np.float32)
    y = (np.sin(4 * x) + 0.3 * rng.normal(size=(n, 1))).astype(np.float32)
    return x, y


def cases():
    def run(seed, data_seed, max_epochs, patience):
        (x, y), (xv, yv), (xt, yt) = _wave(data_seed, 24), _wave(data_seed + 1, 32), \
            _wave(data_seed + 2, 64)
        return dict(seed=float(seed), x_train=x, y_train=y, x_val=xv, y_val=yv, x_test=xt,
                    y_test=yt, max_epochs=float(max_epochs), patience=float(patience),
                    batch_size=8.0)

    return [
        Case("worked example", **run(0, 0, 60, 3)),
        Case("patience 5 runs longer", **run(0, 0, 60, 5)),
        Case("the first epoch is the best", **run(3, 0, 60, 2)),
        Case("max_epochs reached before patience runs out", **run(1, 10, 5, 10)),
        Case("patience 1", **run(2, 20, 60, 1), hidden=True),
        Case("another seed, patience 4", **run(4, 0, 60, 4), hidden=True),
    ]
