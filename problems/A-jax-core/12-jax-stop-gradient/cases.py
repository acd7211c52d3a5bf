import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(12)

    def batch(n, d):
        return dict(w=rng.normal(size=d).astype(np.float32),
                    s=rng.normal(size=(n, d)).astype(np.float32),
                    r=rng.normal(size=n).astype(np.float32),
                    s_next=rng.normal(size=(n, d)).astype(np.float32))

    same = batch(5, 3)
    return [
        Case("worked example", seed=0.0, w=np.array([1.0, 0.0], np.float32),
             s=np.array([[1, 0], [0, 1]], np.float32), r=np.array([1.0, 0.0], np.float32),
             s_next=np.array([[0, 1], [1, 0]], np.float32), gamma=0.5),
        Case("gamma 0: the target is the reward", seed=1.0, **batch(4, 3), gamma=0.0),
        Case("one transition", seed=2.0, **batch(1, 4), gamma=0.9),
        Case("typical discount 0.99", seed=3.0, **batch(8, 5), gamma=0.99),
        Case("next state equals state", seed=4.0, w=same["w"], s=same["s"], r=same["r"],
             s_next=same["s"].copy(), gamma=0.9),
        Case("random 16x6, gamma 0.95", probes="a larger batch", seed=5.0, **batch(16, 6), gamma=0.95, hidden=True),
        Case("random 3x2, gamma 0.5", probes="another discount", seed=6.0, **batch(3, 2), gamma=0.5, hidden=True),
    ]
