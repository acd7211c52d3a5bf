import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(57)

    def case(name, seed, lr, n_steps, n=6, hidden=False):
        x = rng.normal(size=(n, 2)).astype(np.float32)
        y = (x[:, :1] - 0.5 * x[:, 1:]).astype(np.float32)
        return Case(name, seed=seed, x=x, y=y, lr=lr, n_steps=n_steps, hidden=hidden)

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, 2.0], [-1.0, 0.5]], np.float32),
             y=np.array([[1.0], [0.0]], np.float32), lr=0.1, n_steps=3.0),
        case("one step", 1.0, 0.05, 1.0),
        case("five steps", 2.0, 0.1, 5.0),
        case("lr 0: the counters still count", 3.0, 0.0, 4.0),
        case("ten steps", 4.0, 0.05, 10.0, hidden=True),
        case("a larger batch", 5.0, 0.2, 6.0, n=32, hidden=True),
    ]
