import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(6)

    def problem(n, d, scale=1.0):
        w = rng.normal(size=d).astype(np.float32)
        x = (scale * rng.normal(size=(n, d))).astype(np.float32)
        y = rng.integers(0, 2, size=n).astype(np.float32)
        return dict(w=w, x=x, y=y)

    confident = problem(6, 3, scale=30.0)
    logits = confident["x"] @ confident["w"]
    confident["y"] = (logits < 0).astype(np.float32)  # every prediction confidently wrong

    return [
        Case("worked example", seed=0.0,
             w=np.array([1.0, -1.0], np.float32),
             x=np.array([[2, 1], [0, 1], [1, 1], [-1, -3]], np.float32),
             y=np.array([1, 0, 1, 1], np.float32)),
        Case("all labels zero", seed=1.0, w=rng.normal(size=3).astype(np.float32),
             x=rng.normal(size=(5, 3)).astype(np.float32), y=np.zeros(5, np.float32)),
        Case("zero weights: loss is log 2", seed=2.0, w=np.zeros(4, np.float32),
             x=rng.normal(size=(6, 4)).astype(np.float32),
             y=np.array([1, 0, 1, 0, 0, 1], np.float32)),
        Case("confident and wrong (large logits)", seed=3.0, **confident),
        Case("random 10x4", seed=4.0, **problem(10, 4)),
        Case("random 32x6", probes="a larger random batch", seed=5.0, **problem(32, 6), hidden=True),
        Case("large logits, random labels", probes="logits large enough that a naive sigmoid or log overflows", seed=6.0, **problem(12, 5, scale=25.0), hidden=True),
    ]
