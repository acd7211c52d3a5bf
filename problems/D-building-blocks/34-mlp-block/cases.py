import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(34)

    def normal(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]], np.float32), hidden_dim=8.0),
        # every case but two has 3 features and a hidden width of 8, like the worked example:
        # nnx.Linear draws its kernels with jax.random for each new shape, and compiling that
        # per shape is what makes a first Check slow on a busy machine
        Case("4 rows, hidden width 8", seed=1.0, x=normal(4, 3), hidden_dim=8.0),
        Case("same input, another seed", seed=7.0, x=normal(4, 3), hidden_dim=8.0),
        Case("3-D input (batch, tokens, features)", seed=2.0, x=normal(2, 4, 3), hidden_dim=8.0),
        Case("hidden width 1", seed=3.0, x=normal(3, 3), hidden_dim=1.0),
        Case("wide hidden layer, 4x expansion", probes="a wide hidden layer", hidden=True,
             seed=11.0, x=normal(5, 3), hidden_dim=32.0),
        Case("large inputs", probes="large inputs", hidden=True, seed=12.0,
             x=5.0 * normal(2, 2, 3), hidden_dim=8.0),
    ]
