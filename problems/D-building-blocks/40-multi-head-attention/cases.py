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
        # every other case has width 12 (divisible by 1, 2, 3, 4, 6 and 12 heads) and most
        # have 2 x 5 tokens: few distinct shapes, so an eager nnx.MultiHeadAttention compiles
        # few programs and passes within the time limit on a busy machine
        Case("batch 2, 5 tokens, width 12, 2 heads", seed=1.0, **block(2, 5, 12), num_heads=2.0),
        Case("4 heads of width 3", seed=2.0, **block(2, 5, 12), num_heads=4.0),
        Case("a single head (problem 33 plus projections)", seed=3.0, **block(2, 5, 12),
             num_heads=1.0),
        Case("2 heads, inputs ten times larger", seed=4.0,
             **{**block(2, 5, 12), "x": (10 * rng.normal(size=(2, 5, 12))).astype(np.float32)},
             num_heads=2.0),
        Case("random 2 x 5 x 12, 3 heads", hidden=True, seed=5.0, **block(2, 5, 12),
             num_heads=3.0, probes="a head count not shown in the visible cases"),
        Case("longer sequence, 2 heads", hidden=True, seed=6.0, **block(2, 8, 12),
             num_heads=2.0, probes="a longer sequence, where the causal mask matters more"),
    ]
