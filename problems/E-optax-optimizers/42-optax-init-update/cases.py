import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(42)

    def problem(name, lr, n_steps, hidden=False):
        x = rng.normal(size=(6, 3)).astype(np.float32)
        y = (x @ rng.normal(size=3) + 0.5).astype(np.float32)
        w = (0.3 * rng.normal(size=3)).astype(np.float32)
        return Case(name, seed=0.0, w=w, b=np.float32(0.0) * np.ones((), np.float32), x=x, y=y,
                    lr=lr, n_steps=n_steps, hidden=hidden)

    return [
        Case("worked example", seed=0.0, w=np.zeros(1, np.float32), b=np.zeros((), np.float32),
             x=np.array([[1.0], [2.0]], np.float32), y=np.array([2.0, 4.0], np.float32),
             lr=0.5, n_steps=3.0),
        problem("a single step", 0.1, 1.0),
        problem("ten steps", 0.05, 10.0),
        problem("lr 0 leaves the parameters alone", 0.0, 3.0),
        problem("twenty steps", 0.1, 20.0, hidden=True),
        problem("large learning rate", 1.0, 6.0, hidden=True),
    ]
