import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(71)
    xa = rng.normal(size=(6, 3)).astype(np.float32)
    ya = (xa @ np.array([1.0, -1.0, 2.0], np.float32)).astype(np.float32)
    xb = rng.normal(size=(10, 2)).astype(np.float32)
    yb = rng.normal(size=10).astype(np.float32)
    return [
        Case("worked example", seed=0.0, w0=np.zeros(2, np.float32),
             x=np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], np.float32),
             y=np.array([1.0, 2.0, 3.0], np.float32), lr=0.1, n_steps=4.0),
        Case("a single step", seed=1.0, w0=np.ones(3, np.float32), x=xa, y=ya, lr=0.05,
             n_steps=1.0),
        Case("zero steps log nothing", seed=2.0, w0=np.ones(3, np.float32), x=xa, y=ya,
             lr=0.05, n_steps=0.0),
        Case("twenty steps", seed=3.0, w0=np.zeros(3, np.float32), x=xa, y=ya, lr=0.05,
             n_steps=20.0),
        Case("fifty steps on noise", seed=4.0, w0=np.zeros(2, np.float32), x=xb, y=yb, lr=0.1,
             n_steps=50.0, hidden=True),
        Case("a learning rate that diverges", seed=5.0, w0=np.zeros(3, np.float32), x=xa, y=ya,
             lr=1.5, n_steps=6.0, hidden=True),
    ]
