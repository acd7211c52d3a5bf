import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(91)

    def toks(n, d):
        return rng.normal(size=(n, d)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]], np.float32), num_experts=4.0,
             n_calls=3.0, anneal_steps=2.0),
        Case("a single call routes at T = 5", seed=0.0,
             x=np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]], np.float32), num_experts=4.0,
             n_calls=1.0, anneal_steps=2.0),
        Case("8 tokens, 6 experts, halfway", seed=1.0, x=toks(8, 4), num_experts=6.0,
             n_calls=3.0, anneal_steps=4.0),
        Case("calls past the end of the schedule", seed=2.0, x=toks(4, 5), num_experts=4.0,
             n_calls=6.0, anneal_steps=3.0),
        Case("two experts: both always used", seed=3.0, x=toks(3, 2), num_experts=2.0,
             n_calls=2.0, anneal_steps=5.0),
        Case("long schedule, 8 experts", seed=4.0, x=toks(5, 6), num_experts=8.0, n_calls=5.0,
             anneal_steps=10.0, hidden=True),
        Case("schedule of one call", seed=5.0, x=3 * toks(6, 3), num_experts=5.0, n_calls=3.0,
             anneal_steps=1.0, hidden=True),
    ]
