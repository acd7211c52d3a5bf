import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(60)

    def x(n):
        return rng.normal(size=(n, 4)).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, 0.0, -1.0, 2.0]], np.float32),
             depth=1.0, tasks=["price", "age"]),
        Case("no trunk", seed=1.0, x=x(3), depth=0.0, tasks=["a", "b", "c"]),
        Case("one task", seed=2.0, x=x(2), depth=2.0, tasks=["only"]),
        Case("tasks out of alphabetical order", seed=3.0, x=x(4), depth=1.0,
             tasks=["zeta", "alpha", "mu"]),
        Case("deep trunk", seed=4.0, x=x(5), depth=4.0, tasks=["y2", "y1"], hidden=True),
        Case("many tasks", seed=5.0, x=x(3), depth=2.0,
             tasks=["t5", "t3", "t1", "t4", "t2"], hidden=True),
    ]
