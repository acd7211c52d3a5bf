import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(69)

    def arr(*shape):
        return (2.0 * rng.normal(size=shape)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[-1.0, 0.5], [-1.0, 0.5], [-1.0, 0.5]], np.float32),
             choice=np.array([0, 1, 2], np.int32)),
        Case("every row the same branch", seed=1.0, x=arr(4, 3),
             choice=np.array([1, 1, 1, 1], np.int32)),
        Case("a negative index is clamped to the first branch", seed=2.0, x=arr(3, 3),
             choice=np.array([-1, 2, -5], np.int32)),
        Case("an index past the end is clamped to the last branch", seed=3.0, x=arr(3, 3),
             choice=np.array([3, 0, 7], np.int32)),
        Case("random choices", seed=4.0, x=arr(8, 4),
             choice=rng.integers(0, 3, size=8).astype(np.int32)),
        Case("random choices, out of range included", seed=5.0, x=arr(10, 2),
             choice=rng.integers(-3, 6, size=10).astype(np.int32), hidden=True),
        Case("a single row", seed=6.0, x=arr(1, 5), choice=np.array([-2], np.int32),
             hidden=True),
    ]
