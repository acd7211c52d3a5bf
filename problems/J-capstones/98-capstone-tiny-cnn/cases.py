import numpy as np

from jaxlings.cases import Case


def _bars(seed, n):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=n).astype(np.int32)
    pos = rng.integers(1, 7, size=n)
    x = 0.3 * rng.normal(size=(n, 8, 8, 1))
    for i in range(n):
        if y[i] == 0:
            x[i, pos[i], :, 0] += 1.0
        else:
            x[i, :, pos[i], 0] += 1.0
    return x.astype(np.float32), y


def cases():
    def run(seed, n_train, epochs, batch_size, data_seed, noise_test=None):
        x_tr, y_tr = _bars(data_seed, n_train)
        x_te, y_te = _bars(data_seed + 100, 64)
        return dict(seed=float(seed), x_train=x_tr, y_train=y_tr, x_test=x_te, y_test=y_te,
                    epochs=float(epochs), batch_size=float(batch_size))

    return [
        Case("worked example", **run(0, 64, 4, 16, 0)),
        Case("one epoch", **run(1, 64, 1, 16, 1)),
        Case("another seed, 3 epochs", **run(2, 64, 3, 16, 2)),
        Case("last batch smaller (56 images)", **run(3, 56, 2, 16, 3)),
        Case("six epochs", **run(4, 64, 6, 16, 4), hidden=True),
        Case("another data set", **run(5, 64, 3, 16, 5), hidden=True),
    ]
