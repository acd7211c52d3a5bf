import numpy as np

from jaxlings.cases import Case


def _counting(seed, n, length=8, vocab=8):
    rng = np.random.default_rng(seed)
    start = rng.integers(0, vocab, size=(n, 1))
    step = rng.integers(1, 4, size=(n, 1))
    return ((start + step * np.arange(length)) % vocab).astype(np.int32)


def cases():
    # every case has the same shapes, so each compiled function is compiled once per Check
    def run(seed, data_seed, epochs, prompt):
        return dict(seed=float(seed), train_ids=_counting(data_seed, 64),
                    test_ids=_counting(data_seed + 100, 64),
                    prompt=np.array(prompt, np.int32), epochs=float(epochs), batch_size=16.0,
                    n_new=5.0)

    return [
        Case("worked example", **run(0, 0, 4, [1, 3, 5])),
        Case("one epoch", **run(1, 1, 1, [0, 1, 2])),
        Case("another seed, step 3 prompt", **run(2, 2, 3, [2, 5, 0])),
        Case("six epochs", **run(3, 3, 6, [4, 5, 6])),
        Case("another data set", **run(4, 4, 4, [7, 1, 3]), hidden=True),
        Case("wrapping prompt", **run(5, 5, 5, [6, 7, 0]), hidden=True),
    ]
