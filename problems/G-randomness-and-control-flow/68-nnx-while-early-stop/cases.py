import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(68)
    x0 = np.array([[0.0], [1.0], [2.0], [3.0]], np.float32)
    y0 = 2 * x0 + 1
    xa = rng.normal(size=(8, 3)).astype(np.float32)
    ya = (xa @ np.array([[1.0], [-2.0], [0.5]], np.float32) + 0.3).astype(np.float32)
    xb = rng.normal(size=(6, 2)).astype(np.float32)
    yb = rng.normal(size=(6, 1)).astype(np.float32)
    return [
        Case("worked example", seed=0.0, x=x0, y=y0, lr=0.1, tol=1e-3, max_steps=500.0),
        Case("already flat: a large tol takes no step", seed=0.0, x=x0, y=y0, lr=0.1, tol=100.0,
             max_steps=500.0),
        Case("the step cap stops first", seed=0.0, x=x0, y=y0, lr=0.1, tol=1e-3, max_steps=20.0),
        Case("max_steps 0", seed=1.0, x=xa, y=ya, lr=0.1, tol=1e-3, max_steps=0.0),
        Case("three features", seed=1.0, x=xa, y=ya, lr=0.1, tol=1e-2, max_steps=300.0),
        Case("noisy targets that cannot be fitted exactly", seed=2.0, x=xb, y=yb, lr=0.2,
             tol=5e-3, max_steps=300.0, hidden=True),
        Case("a small learning rate hits the cap", seed=5.0, x=xa, y=ya, lr=0.01, tol=1e-3,
             max_steps=40.0, hidden=True),
    ]
