import numpy as np

from jaxlings.cases import Case


def _blobs(seed, n):
    rng = np.random.default_rng(seed)
    centers = np.array([[0.0, 1.5], [1.3, -0.75], [-1.3, -0.75]], np.float32)
    y = rng.integers(0, 3, size=n).astype(np.int32)
    x = (centers[y] + 0.8 * rng.normal(size=(n, 2))).astype(np.float32)
    return x, y


def cases():
    def run(seed, n_train, epochs, batch_size, data_seed):
        x_tr, y_tr = _blobs(data_seed, n_train)
        x_te, y_te = _blobs(data_seed + 100, 60)
        return dict(seed=float(seed), x_train=x_tr, y_train=y_tr, x_test=x_te, y_test=y_te,
                    epochs=float(epochs), batch_size=float(batch_size))

    return [
        Case("worked example", **run(0, 120, 5, 20, 0)),
        Case("one epoch", **run(1, 120, 1, 20, 1)),
        Case("three epochs, another seed", **run(2, 120, 3, 20, 2)),
        Case("last batch smaller (110 examples)", **run(3, 110, 3, 20, 3)),
        Case("six epochs", **run(4, 120, 6, 20, 4), hidden=True),
        Case("another data set", **run(5, 120, 4, 20, 5), hidden=True),
    ]
