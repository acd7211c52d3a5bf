import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(35)

    def table(vocab, features):
        return rng.normal(size=(vocab, features)).astype(np.float32)

    def ids(batch, length, vocab):
        return rng.integers(0, vocab, size=(batch, length)).astype(np.int32)

    padded = ids(3, 6, 10)
    padded[0, 4:] = 0
    padded[1, 2:] = 0
    padded[2, :] = np.where(padded[2] == 0, 1, padded[2])       # row 2: no padding

    pad_last = ids(2, 5, 10)
    pad_last = np.where(pad_last == 9, 8, pad_last).astype(np.int32)
    pad_last[0, 3:] = 9
    pad_last[1, 1:] = 9

    all_pad = ids(3, 4, 10)
    all_pad[1, :] = 2

    big = ids(4, 8, 20)
    big[:, 5:] = 0
    big[3, 1:] = 0

    # most tables are 10 x 4: nnx.Embed draws its table with jax.random for each new shape,
    # and compiling that per shape is what makes a first Check slow on a busy machine
    return [
        Case("worked example", seed=0.0,
             table=np.array([[9.0, 9.0], [1.0, 2.0], [3.0, 0.0], [0.0, -4.0], [5.0, 5.0]],
                            np.float32),
             ids=np.array([[1, 2, 0], [3, 0, 0]], np.int32), pad_id=0.0),
        Case("trailing padding, pad id 0", seed=1.0, table=table(10, 4), ids=padded, pad_id=0.0),
        Case("the last id is the padding id", seed=2.0, table=table(10, 4), ids=pad_last,
             pad_id=9.0),
        Case("a row made only of padding pools to zeros", seed=3.0, table=table(10, 4),
             ids=all_pad, pad_id=2.0),
        Case("no padding in the batch", seed=4.0, table=table(10, 4),
             ids=rng.integers(1, 10, size=(2, 5)).astype(np.int32), pad_id=0.0),
        Case("random 4 x 8, vocabulary 20", probes="a larger vocabulary", hidden=True, seed=5.0,
             table=table(20, 4),
             ids=big, pad_id=0.0),
        Case("one-token sequences", probes="sequences of one token", hidden=True, seed=6.0,
             table=table(10, 4),
             ids=np.array([[4], [0], [2]], np.int32), pad_id=0.0),
    ]
