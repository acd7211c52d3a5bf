import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(15)
    hidden_seed = float(rng.integers(100, 10_000))
    return [
        Case("worked example", seed=0.0, n_params=3.0, n_dropout=2.0),
        Case("no dropout draws", seed=4.0, n_params=4.0, n_dropout=0.0),
        Case("no params draws", seed=4.0, n_params=0.0, n_dropout=3.0),
        Case("one of each", seed=5.0, n_params=1.0, n_dropout=1.0),
        Case("many draws", seed=123.0, n_params=8.0, n_dropout=6.0),
        Case("five and five", probes="other stream lengths", seed=9.0, n_params=5.0, n_dropout=5.0, hidden=True),
        Case("two and seven", probes="streams of different lengths", seed=hidden_seed, n_params=2.0, n_dropout=7.0, hidden=True),
    ]
