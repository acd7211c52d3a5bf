import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(33)

    def normal(*shape, std=1.0):
        return (std * rng.normal(size=shape)).astype(np.float32)

    q_we = np.array([[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]], np.float32)
    return [
        Case("worked example", seed=0.0, q=q_we, k=q_we.copy(), v=np.eye(3, dtype=np.float32)[None]),
        Case("batch of 2, 5 tokens, d = 4", seed=1.0,
             q=normal(2, 5, 4), k=normal(2, 5, 4), v=normal(2, 5, 4)),
        Case("a single token attends only to itself", seed=2.0,
             q=normal(3, 1, 8), k=normal(3, 1, 8), v=normal(3, 1, 5)),
        Case("value width differs from d (d = 16, dv = 3)", seed=3.0,
             q=normal(1, 6, 16), k=normal(1, 6, 16), v=normal(1, 6, 3)),
        Case("large logits (scores in the hundreds)", seed=4.0,
             q=normal(2, 4, 8, std=6.0), k=normal(2, 4, 8, std=6.0), v=normal(2, 4, 8)),
        Case("random 2 x 8 x 8", probes="longer sequences", hidden=True, seed=5.0,
             q=normal(2, 8, 8), k=normal(2, 8, 8), v=normal(2, 8, 8)),
        Case("all negative scores", probes="scores that are all negative, where a mask of zeros instead of -inf goes wrong", hidden=True, seed=6.0,
             q=np.abs(normal(1, 5, 4)) + 1.0, k=-np.abs(normal(1, 5, 4)) - 1.0, v=normal(1, 5, 2)),
    ]
