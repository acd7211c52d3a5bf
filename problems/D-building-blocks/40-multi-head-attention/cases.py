import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(40)

    def block(batch, tokens, width):
        def w():
            return (rng.normal(size=(width, width)) / np.sqrt(width)).astype(np.float32)
        return dict(x=rng.normal(size=(batch, tokens, width)).astype(np.float32),
                    wq=w(), wk=w(), wv=w(), wo=w())

    eye = np.eye(4, dtype=np.float32)
    return [
        Case("worked example", seed=0.0,
             x=np.array([[[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [1.0, 1.0, -1.0, 1.0]]],
                        np.float32),
             wq=eye, wk=eye.copy(), wv=eye.copy(), wo=eye.copy(), num_heads=2.0),
        Case("batch 2, 5 tokens, width 8, 2 heads", seed=1.0, **block(2, 5, 8), num_heads=2.0),
        Case("4 heads of width 2", seed=2.0, **block(1, 6, 8), num_heads=4.0),
        Case("a single head (problem 33 plus projections)", seed=3.0, **block(2, 4, 6),
             num_heads=1.0),
        Case("one feature per head", seed=4.0, **block(1, 4, 4), num_heads=4.0),
        Case("random 2 x 6 x 12, 3 heads", hidden=True, seed=5.0, **block(2, 6, 12),
             num_heads=3.0),
        Case("long sequence, 2 heads of width 8", hidden=True, seed=6.0, **block(1, 10, 16),
             num_heads=2.0),
    ]
