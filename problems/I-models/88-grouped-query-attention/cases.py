import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(88)

    def block(b, t, d, h, g):
        dh = d // h

        def w(cols):
            return (rng.normal(size=(d, cols)) / np.sqrt(d)).astype(np.float32)

        return dict(x=rng.normal(size=(b, t, d)).astype(np.float32), wq=w(d), wk=w(g * dh),
                    wv=w(g * dh), wo=w(d), num_heads=float(h), num_kv_heads=float(g))

    wkv = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0]], np.float32)
    return [
        Case("worked example", seed=0.0,
             x=np.array([[[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [1.0, 1.0, -1.0, 1.0]]],
                        np.float32),
             wq=np.eye(4, dtype=np.float32), wk=wkv, wv=wkv.copy(), wo=np.eye(4, dtype=np.float32),
             num_heads=2.0, num_kv_heads=1.0),
        Case("4 query heads, 2 key/value heads", seed=1.0, **block(2, 5, 8, 4, 2)),
        Case("G = H is multi-head attention", seed=2.0, **block(1, 4, 8, 2, 2)),
        Case("G = 1 is multi-query attention", seed=3.0, **block(2, 4, 8, 4, 1)),
        Case("8 query heads, 2 groups of 4", seed=4.0, **block(1, 6, 16, 8, 2), hidden=True),
        Case("6 heads, 3 groups, 7 tokens", seed=5.0, **block(2, 7, 12, 6, 3), hidden=True),
    ]
