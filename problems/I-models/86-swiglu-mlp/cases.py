import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(86)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, -1.0, 0.5, 2.0]], np.float32),
             hidden_dim=6.0),
        Case("batch of 3, dim 8, hidden 16", seed=1.0, x=arr(3, 8), hidden_dim=16.0),
        Case("tokens (2, 5, 4)", seed=2.0, x=arr(2, 5, 4), hidden_dim=8.0),
        Case("hidden narrower than dim", seed=3.0, x=arr(2, 6), hidden_dim=2.0),
        Case("large inputs, silu nearly linear", seed=4.0, x=8 * arr(4, 4), hidden_dim=6.0,
             hidden=True),
        Case("single vector, dim 12", seed=5.0, x=arr(12), hidden_dim=32.0, hidden=True),
    ]
