import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(47)

    def case(name, seed, lr_body, lr_head, n_steps, hidden=False):
        x = rng.normal(size=(8, 3)).astype(np.float32)
        y = np.stack([np.sin(x[:, 0]), x[:, 1] * x[:, 2]], axis=1).astype(np.float32)
        return Case(name, seed=seed, x=x, y=y, lr_body=lr_body, lr_head=lr_head,
                    n_steps=n_steps, hidden=hidden)

    wx = np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0], [-1.0, 1.0, 1.0], [0.0, -0.5, 2.0]],
                  np.float32)
    wy = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.5], [2.0, -1.0]], np.float32)
    return [
        Case("worked example", seed=0.0, x=wx, y=wy, lr_body=0.01, lr_head=0.1, n_steps=3.0),
        case("same rate for body and head", 1.0, 0.05, 0.05, 4.0),
        case("body frozen by a zero rate", 2.0, 0.0, 0.1, 4.0),
        case("one step", 3.0, 0.01, 0.2, 1.0),
        case("many steps", 4.0, 0.003, 0.05, 10.0, hidden=True),
        case("body faster than head", 5.0, 0.2, 0.01, 5.0, hidden=True),
    ]
