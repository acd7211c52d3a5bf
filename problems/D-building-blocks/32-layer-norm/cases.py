import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(32)

    def normal(*shape, loc=0.0, std=1.0):
        return (loc + std * rng.normal(size=shape)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 2.0, 3.0, 4.0], [2.0, 2.0, 2.0, 6.0]], np.float32),
             scale=np.ones(4, np.float32), bias=np.zeros(4, np.float32), eps=1e-6),
        Case("3 rows of 8 with an offset, learned scale and bias", seed=1.0,
             x=normal(3, 8, loc=3.0, std=2.0), scale=normal(8), bias=normal(8), eps=1e-5),
        Case("nearly constant rows (variance close to eps)", seed=2.0,
             x=normal(4, 6, std=0.003), scale=np.ones(6, np.float32),
             bias=np.zeros(6, np.float32), eps=1e-5),
        Case("3-D input (batch, tokens, features)", seed=3.0,
             x=normal(2, 3, 6), scale=normal(6), bias=normal(6), eps=1e-6),
        Case("a single feature: every output is the bias", seed=4.0,
             x=normal(5, 1), scale=normal(1), bias=normal(1), eps=1e-6),
        Case("random 4 x 16", probes="wider rows", hidden=True, seed=5.0,
             x=normal(4, 16, std=5.0), scale=normal(16), bias=normal(16), eps=1e-6),
        Case("large eps 0.1 on a 3-D input", probes="a large eps and an extra batch axis", hidden=True, seed=6.0,
             x=normal(2, 5, 8, loc=-1.0), scale=normal(8), bias=normal(8), eps=0.1),
    ]
