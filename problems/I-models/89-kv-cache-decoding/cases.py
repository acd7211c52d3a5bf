import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(89)

    def block(t, d, max_len):
        def w():
            return (rng.normal(size=(d, d)) / np.sqrt(d)).astype(np.float32)

        return dict(x=rng.normal(size=(t, d)).astype(np.float32), wq=w(), wk=w(), wv=w(),
                    max_len=float(max_len))

    eye = np.eye(2, dtype=np.float32)
    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
                                                    np.float32),
             wq=eye, wk=eye.copy(), wv=eye.copy(), max_len=5.0),
        Case("5 tokens, width 4, cache of 8", seed=1.0, **block(5, 4, 8)),
        Case("cache exactly full", seed=2.0, **block(4, 4, 4)),
        Case("a single token", seed=3.0, **block(1, 3, 6)),
        Case("6 tokens in a cache of 16", seed=4.0, **block(6, 8, 16), hidden=True),
        Case("large activations", seed=5.0, x=6 * rng.normal(size=(4, 4)).astype(np.float32),
             wq=np.eye(4, dtype=np.float32), wk=np.eye(4, dtype=np.float32),
             wv=np.eye(4, dtype=np.float32), max_len=7.0, hidden=True),
    ]
