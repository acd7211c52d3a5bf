import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(51)

    def case(name, lr_min, lr_max, n_steps, d=3, n=16, hidden=False):
        x = rng.normal(size=(n, d)).astype(np.float32)
        y = (x @ rng.normal(size=d) + 0.1 * rng.normal(size=n)).astype(np.float32)
        return Case(name, seed=0.0, w=np.zeros(d, np.float32), x=x, y=y, lr_min=lr_min,
                    lr_max=lr_max, n_steps=n_steps, hidden=hidden)

    return [
        Case("worked example", seed=0.0, w=np.zeros(1, np.float32),
             x=np.array([[1.0], [2.0]], np.float32), y=np.array([2.0, 4.0], np.float32),
             lr_min=1e-3, lr_max=1.0, n_steps=7.0),
        case("a wide range", 1e-4, 1.0, 12.0),
        case("two rates", 0.01, 0.1, 2.0),
        case("a narrow range of small rates", 1e-3, 1e-2, 8.0),
        case("diverges at the end", 1e-3, 3.0, 16.0, d=4, hidden=True),
        case("many points", 1e-5, 0.5, 30.0, d=2, hidden=True),
    ]
