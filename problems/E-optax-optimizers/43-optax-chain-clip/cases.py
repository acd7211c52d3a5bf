import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(43)

    def problem(name, lr, max_norm, n_steps, scale=1.0, hidden=False):
        x = (scale * rng.normal(size=(6, 3))).astype(np.float32)
        y = (x @ rng.normal(size=3) + 2.0).astype(np.float32)
        w = (0.3 * rng.normal(size=3)).astype(np.float32)
        return Case(name, seed=0.0, w=w, b=np.zeros((), np.float32), x=x, y=y, lr=lr,
                    max_norm=max_norm, n_steps=n_steps, hidden=hidden)

    return [
        Case("worked example", seed=0.0, w=np.zeros(1, np.float32), b=np.zeros((), np.float32),
             x=np.array([[1.0], [2.0]], np.float32), y=np.array([2.0, 4.0], np.float32),
             lr=0.1, max_norm=1.0, n_steps=3.0),
        problem("tight threshold: every step clipped", 0.1, 0.5, 5.0),
        problem("loose threshold: nothing clipped", 0.05, 1e6, 5.0),
        problem("threshold between", 0.1, 3.0, 8.0),
        problem("huge gradients, tiny threshold", 0.2, 0.1, 6.0, scale=10.0, hidden=True),
        problem("many steps", 0.05, 2.0, 20.0, hidden=True),
    ]
