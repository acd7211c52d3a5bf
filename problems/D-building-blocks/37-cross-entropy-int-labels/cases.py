import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(37)

    def logits(*shape, std=1.0):
        return (std * rng.normal(size=shape)).astype(np.float32)

    def labels(*shape, classes):
        return rng.integers(0, classes, size=shape).astype(np.int32)

    return [
        Case("worked example", seed=0.0,
             logits=np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]], np.float32),
             labels=np.array([0, 2], np.int32)),
        Case("batch of 4, 5 classes", seed=1.0, logits=logits(4, 5), labels=labels(4, classes=5)),
        Case("extreme logits (softmax underflows to 0)", seed=2.0,
             logits=np.array([[1000.0, 0.0, -1000.0], [0.0, 500.0, -500.0],
                              [-800.0, 800.0, 0.0]], np.float32),
             labels=np.array([2, 0, 1], np.int32)),
        Case("sequence logits (batch, tokens, vocabulary)", seed=3.0,
             logits=logits(2, 3, 6), labels=labels(2, 3, classes=6)),
        Case("a single example", seed=4.0, logits=logits(1, 4, std=3.0),
             labels=np.array([3], np.int32)),
        Case("random 8 x 10, logits in the hundreds", probes="logits in the hundreds, where exp() overflows", hidden=True, seed=5.0,
             logits=logits(8, 10, std=80.0), labels=labels(8, classes=10)),
        Case("single class: the loss is zero", probes="a single class", hidden=True, seed=6.0,
             logits=logits(3, 1), labels=np.zeros(3, np.int32)),
    ]
