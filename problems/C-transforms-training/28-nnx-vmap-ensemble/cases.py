import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(28)

    def xs(n, d):
        return rng.normal(size=(n, d)).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, 0.0], [0.0, 1.0]], np.float32),
             n_members=3.0),
        Case("three members, 4 x 3 inputs", seed=1.0, x=xs(4, 3), n_members=3.0),
        Case("five members", seed=2.0, x=xs(4, 3), n_members=5.0),
        Case("a single member has zero spread", seed=3.0, x=xs(4, 3), n_members=1.0),
        Case("batch size equal to the ensemble size", seed=4.0, x=xs(3, 3), n_members=3.0),
        Case("five members, another seed", probes="more members", seed=11.0, x=xs(4, 3), n_members=5.0, hidden=True),
        Case("worked example inputs, seed 7", probes="another seed", seed=7.0, x=np.array([[1.0, 0.0], [0.0, 1.0]], np.float32),
             n_members=3.0, hidden=True),
    ]
