import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(61)

    def case(name, seed, lr, n_steps, n=8, hidden=False):
        x = rng.normal(size=(n, 3)).astype(np.float32)
        y = np.stack([x[:, 0] - x[:, 1], np.tanh(x[:, 2])], axis=1).astype(np.float32)
        return Case(name, seed=seed, x=x, y=y, lr=lr, n_steps=n_steps, hidden=hidden)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0], [-1.0, 0.0, 1.0]], np.float32),
             y=np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 1.0]], np.float32), lr=0.1,
             n_steps=3.0),
        case("one step", 1.0, 0.05, 1.0),
        case("five steps", 2.0, 0.1, 5.0),
        case("large learning rate", 3.0, 0.5, 4.0),
        case("many steps", 4.0, 0.02, 12.0, hidden=True),
        case("a bigger batch", 5.0, 0.1, 6.0, n=32, hidden=True),
    ]
