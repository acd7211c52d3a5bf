import numpy as np

from jaxlings.cases import Case


def _bits(seed, n, t=8):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 2, size=(n, t, 1)).astype(np.float32)
    return x, x.mean(axis=1).astype(np.float32)


def cases():
    def run(seed, n_train, epochs, batch_size, data_seed):
        x_tr, y_tr = _bits(data_seed, n_train)
        x_te, y_te = _bits(data_seed + 100, 64)
        return dict(seed=float(seed), x_train=x_tr, y_train=y_tr, x_test=x_te, y_test=y_te,
                    epochs=float(epochs), batch_size=float(batch_size))

    return [
        Case("worked example", **run(0, 96, 4, 16, 0)),
        Case("one epoch", **run(1, 96, 1, 16, 1)),
        Case("another seed, 3 epochs", **run(2, 96, 3, 16, 2)),
        Case("last batch smaller (88 sequences)", **run(3, 88, 2, 16, 3)),
        Case("six epochs", **run(4, 96, 6, 16, 4), hidden=True),
        Case("another data set", **run(5, 96, 3, 16, 5), hidden=True),
    ]
