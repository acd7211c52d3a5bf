import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(46)

    def data(n=8):
        x = rng.normal(size=(n, 3)).astype(np.float32)
        y = np.tanh(x @ np.array([[1.0], [-2.0], [0.5]])).astype(np.float32)
        return x, y

    def case(name, seed, lr, wd, n_steps, hidden=False):
        x, y = data()
        return Case(name, seed=seed, x=x, y=y, lr=lr, weight_decay=wd, n_steps=n_steps,
                    hidden=hidden)

    wx = np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0], [-1.0, 1.0, 1.0], [0.0, -0.5, 2.0]],
                  np.float32)
    wy = np.array([[1.0], [0.0], [-1.0], [2.0]], np.float32)
    return [
        Case("worked example", seed=0.0, x=wx, y=wy, lr=0.1, weight_decay=0.5, n_steps=3.0),
        case("no decay: the mask does not matter", 1.0, 0.05, 0.0, 4.0),
        case("strong decay", 2.0, 0.1, 1.0, 5.0),
        case("one step", 3.0, 0.01, 0.1, 1.0),
        case("very strong decay, many steps", 4.0, 0.2, 2.0, 10.0, hidden=True),
        case("tiny learning rate", 5.0, 1e-3, 0.5, 6.0, hidden=True),
    ]
