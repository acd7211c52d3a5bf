import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(48)

    def case(name, n_micro, batch, d, lr, k, hidden=False):
        true_w = rng.normal(size=d)
        xs = rng.normal(size=(n_micro, batch, d)).astype(np.float32)
        ys = (xs @ true_w + 0.1 * rng.normal(size=(n_micro, batch))).astype(np.float32)
        w = np.zeros(d, np.float32)
        return Case(name, seed=0.0, w=w, xs=xs, ys=ys, lr=lr, k=k, hidden=hidden)

    return [
        Case("worked example", seed=0.0, w=np.zeros(1, np.float32),
             xs=np.array([[[1.0]], [[2.0]], [[1.0]], [[2.0]]], np.float32),
             ys=np.array([[2.0], [4.0], [2.0], [4.0]], np.float32), lr=0.1, k=2.0),
        case("k = 1 is plain SGD", 4, 3, 2, 0.05, 1.0),
        case("groups of three", 6, 2, 3, 0.05, 3.0),
        case("a partial group at the end", 7, 2, 3, 0.05, 3.0),
        case("one big group", 5, 4, 2, 0.1, 5.0),
        case("groups of four, partial tail", 10, 2, 4, 0.02, 4.0, hidden=True),
        case("groups of two, many", 12, 3, 2, 0.05, 2.0, hidden=True),
    ]
