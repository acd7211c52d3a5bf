import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(1)

    def mat(r, c):
        return rng.normal(size=(r, c)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             table=np.ones((4, 2), np.float32),
             ids=np.array([1, 3, 1, 0], np.int32),
             rows=np.array([[1, 1], [2, 2], [3, 3], [5, 5]], np.float32)),
        Case("same id three times", seed=1.0, table=mat(3, 3),
             ids=np.array([2, 2, 2], np.int32), rows=mat(3, 3)),
        Case("only the padding id", seed=2.0, table=mat(3, 2),
             ids=np.array([0, 0], np.int32), rows=mat(2, 2)),
        Case("no repeats, no padding id", seed=3.0, table=mat(5, 4),
             ids=np.array([4, 1, 3], np.int32), rows=mat(3, 4)),
        Case("random 10x4 table, 12 ids", seed=4.0, table=mat(10, 4),
             ids=rng.integers(0, 10, size=12).astype(np.int32), rows=mat(12, 4)),
        Case("random 6x3 table, 20 ids", probes="many ids, some repeated, so updates to one row must add up", seed=5.0, table=mat(6, 3),
             ids=rng.integers(0, 6, size=20).astype(np.int32), rows=mat(20, 3), hidden=True),
        Case("random 16x8 table, 8 ids", probes="a larger table", seed=6.0, table=mat(16, 8),
             ids=np.array([0, 5, 5, 15, 7, 5, 0, 1], np.int32), rows=mat(8, 8), hidden=True),
    ]
