import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(14)
    hidden_seed = float(rng.integers(0, 1000))
    return [
        Case("worked example", seed=0.0, n_calls=5.0),
        Case("zero calls leaves the counter at 0", seed=0.0, n_calls=0.0),
        Case("one call", seed=1.0, n_calls=1.0),
        Case("twelve calls, another seed", seed=7.0, n_calls=12.0),
        Case("thirty calls", seed=42.0, n_calls=30.0),
        Case("two calls", probes="a small count", seed=hidden_seed, n_calls=2.0, hidden=True),
        Case("fifty calls", probes="many calls", seed=3.0, n_calls=50.0, hidden=True),
    ]
