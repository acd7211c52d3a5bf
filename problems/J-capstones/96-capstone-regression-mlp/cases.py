import numpy as np

from jaxlings.cases import Case


def _data(seed, n):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(n, 2)).astype(np.float32)
    y = np.sin(3 * x[:, :1]) + 0.5 * x[:, 1:] ** 2 + 0.05 * rng.normal(size=(n, 1))
    return x, y.astype(np.float32)


def cases():
    def run(seed, n_train, epochs, batch_size, data_seed):
        x_tr, y_tr = _data(data_seed, n_train)
        x_te, y_te = _data(data_seed + 100, 64)
        return dict(seed=float(seed), x_train=x_tr, y_train=y_tr, x_test=x_te, y_test=y_te,
                    epochs=float(epochs), batch_size=float(batch_size))

    # most cases share shapes (96 examples, batches of 16) so the step compiles once
    return [
        Case("worked example", **run(0, 96, 6, 16, 0)),
        Case("one epoch", **run(1, 96, 1, 16, 1)),
        Case("last batch smaller (90 examples)", **run(2, 90, 3, 16, 2)),
        Case("another seed, 4 epochs", **run(3, 96, 4, 16, 3)),
        Case("eight epochs", **run(4, 96, 8, 16, 4), hidden=True),
        Case("another data set, partial batch", **run(5, 90, 4, 16, 5), hidden=True),
    ]
