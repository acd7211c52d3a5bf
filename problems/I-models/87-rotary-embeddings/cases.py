import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(87)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    def pos(start, t):
        return np.arange(start, start + t, dtype=np.float32)

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, 0.0, 0.0, 1.0]] * 3, np.float32),
             positions=pos(0, 3), base=100.0),
        Case("8 tokens, width 8, base 10000", seed=1.0, x=arr(8, 8), positions=pos(0, 8),
             base=10000.0),
        Case("positions start at 5 (decoding)", seed=2.0, x=arr(3, 6), positions=pos(5, 3),
             base=10000.0),
        Case("batch and heads (2, 3, 4, 8)", seed=3.0, x=arr(2, 3, 4, 8), positions=pos(0, 4),
             base=10000.0),
        Case("width 2: a single pair", seed=4.0, x=arr(5, 2), positions=pos(0, 5), base=10.0),
        Case("far positions 1000+", seed=5.0, x=arr(4, 16), positions=pos(1000, 4),
             base=10000.0, hidden=True),
        Case("unordered positions", seed=6.0, x=arr(2, 4, 6),
             positions=np.array([7.0, 2.0, 0.0, 3.0], np.float32), base=500.0, hidden=True),
    ]
