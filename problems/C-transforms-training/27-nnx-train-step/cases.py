import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(27)

    # every case uses 4 examples with 2 features and 1 target, so train_step compiles once
    def xs():
        return rng.normal(size=(4, 2)).astype(np.float32)

    x1, x2, x3, x4 = xs(), xs(), xs(), xs()
    x_we = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0]], np.float32)
    return [
        Case("worked example", seed=0.0, x=x_we, y=x_we.sum(axis=1, keepdims=True), n_steps=4.0),
        Case("a single step", seed=1.0, x=x1, y=(x1[:, :1] - x1[:, 1:]).astype(np.float32), n_steps=1.0),
        Case("six steps towards |x0|", seed=2.0, x=x2, y=np.abs(x2[:, :1]), n_steps=6.0),
        Case("constant target", seed=3.0, x=x3, y=np.full((4, 1), 0.5, np.float32), n_steps=3.0),
        Case("another seed, eight steps", probes="another seed and more steps", seed=7.0, x=x4, y=(2 * x4[:, 1:]).astype(np.float32),
             n_steps=8.0, hidden=True),
        Case("worked example data, seed 5", probes="another seed", seed=5.0, x=x_we, y=x_we.sum(axis=1, keepdims=True),
             n_steps=5.0, hidden=True),
    ]
