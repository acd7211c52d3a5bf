import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(44)

    def w(n=3):
        return rng.normal(size=n).astype(np.float32)

    return [
        Case("worked example", seed=0.0, w=np.array([1.0, -2.0], np.float32), peak=0.5,
             warmup=2.0, total=6.0, end=0.05, n_steps=8.0),
        Case("no warm-up", seed=0.0, w=w(), peak=0.3, warmup=0.0, total=5.0, end=0.0,
             n_steps=6.0),
        Case("stops inside the warm-up", seed=0.0, w=w(), peak=0.4, warmup=5.0, total=10.0,
             end=0.0, n_steps=3.0),
        Case("long run past the end", seed=0.0, w=w(4), peak=0.2, warmup=3.0, total=9.0,
             end=0.02, n_steps=14.0),
        Case("warm-up of one step", seed=0.0, w=w(), peak=0.5, warmup=1.0, total=4.0,
             end=0.1, n_steps=5.0, hidden=True),
        Case("long schedule", seed=0.0, w=w(5), peak=0.1, warmup=10.0, total=40.0, end=0.001,
             n_steps=40.0, hidden=True),
    ]
