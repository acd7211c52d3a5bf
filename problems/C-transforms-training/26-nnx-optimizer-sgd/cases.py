import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(26)

    def arr(*shape, scale=1.0):
        return (scale * rng.normal(size=shape)).astype(np.float32)

    def problem(lr, n_steps, seed, hidden=False, name=None, probes=None):
        # 4 examples, 3 features, 2 outputs everywhere: the eager ops compile once
        x = arr(4, 3)
        true_k, true_b = arr(3, 2), arr(2)
        y = (x @ true_k + true_b + arr(4, 2, scale=0.1)).astype(np.float32)
        return Case(name, seed=seed, kernel=arr(3, 2, scale=0.5), bias=np.zeros(2, np.float32),
                    x=x, y=y, lr=lr, n_steps=n_steps, hidden=hidden, probes=probes)

    return [
        Case("worked example", seed=0.0, kernel=np.zeros((1, 1), np.float32),
             bias=np.zeros(1, np.float32), x=np.array([[1.0], [2.0]], np.float32),
             y=np.array([[2.0], [4.0]], np.float32), lr=0.1, n_steps=3.0),
        problem(0.05, 1.0, 1.0, name="a single step"),
        problem(0.05, 5.0, 2.0, name="five steps"),
        problem(0.0, 3.0, 3.0, name="lr 0 leaves the weights alone"),
        problem(0.02, 8.0, 4.0, name="eight small steps", hidden=True, probes="more steps"),
        problem(0.1, 4.0, 5.0, name="four larger steps", hidden=True, probes="a larger learning rate"),
    ]
