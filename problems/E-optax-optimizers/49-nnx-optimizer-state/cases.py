import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(49)

    def case(name, lr, n_steps, hidden=False):
        x = rng.normal(size=(5, 3)).astype(np.float32)
        y = (x @ rng.normal(size=(3, 2)) + 1.0).astype(np.float32)
        return Case(name, seed=1.0, kernel=(0.5 * rng.normal(size=(3, 2))).astype(np.float32),
                    bias=np.zeros(2, np.float32), x=x, y=y, lr=lr, n_steps=n_steps,
                    hidden=hidden)

    return [
        Case("worked example", seed=0.0, kernel=np.zeros((1, 1), np.float32),
             bias=np.zeros(1, np.float32), x=np.array([[1.0], [2.0]], np.float32),
             y=np.array([[2.0], [4.0]], np.float32), lr=0.1, n_steps=2.0),
        case("one step: mu = 0.1 g, nu = 0.001 g**2", 0.1, 1.0),
        case("five steps", 0.05, 5.0),
        case("lr 0: the moments still accumulate", 0.0, 3.0),
        case("twelve steps", 0.02, 12.0, hidden=True),
        case("large steps", 0.5, 6.0, hidden=True),
    ]
