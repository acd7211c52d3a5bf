import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(34)

    def normal(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]], np.float32), hidden_dim=8.0),
        Case("4 rows of 5 features, hidden width 16", seed=1.0, x=normal(4, 5), hidden_dim=16.0),
        Case("same input, another seed", seed=7.0, x=normal(4, 5), hidden_dim=16.0),
        Case("3-D input (batch, tokens, features)", seed=2.0, x=normal(2, 3, 4), hidden_dim=8.0),
        Case("hidden width 1", seed=3.0, x=normal(3, 6), hidden_dim=1.0),
        Case("wide hidden layer, 4x expansion", probes="a wide hidden layer", hidden=True, seed=11.0, x=normal(5, 8), hidden_dim=32.0),
        Case("large inputs", probes="large inputs", hidden=True, seed=12.0, x=5.0 * normal(2, 2, 6), hidden_dim=12.0),
    ]
