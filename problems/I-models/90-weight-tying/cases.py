import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(90)

    # two shapes only, so a solution that is not jitted compiles its operations twice
    def tokens(b, t, vocab):
        return rng.integers(0, vocab, size=(b, t)).astype(np.int32)

    same = tokens(2, 5, 10)
    return [
        Case("worked example", seed=0.0, ids=np.array([[0, 1, 2]], np.int32),
             targets=np.array([[1, 2, 0]], np.int32), vocab=4.0),
        Case("batch of 2, vocab 10", seed=1.0, ids=tokens(2, 5, 10), targets=tokens(2, 5, 10),
             vocab=10.0),
        Case("one token repeated", seed=2.0, ids=np.full((2, 5), 3, np.int32),
             targets=np.full((2, 5), 3, np.int32), vocab=10.0),
        Case("predict the input token", seed=3.0, ids=same, targets=same.copy(), vocab=10.0),
        Case("another seed, vocab 10", seed=4.0, ids=tokens(2, 5, 10), targets=tokens(2, 5, 10),
             vocab=10.0, hidden=True),
        Case("another seed, vocab 4", seed=9.0, ids=tokens(1, 3, 4), targets=tokens(1, 3, 4),
             vocab=4.0, hidden=True),
    ]
