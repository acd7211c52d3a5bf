import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(25)

    def arr(*shape, scale=1.0):
        return (scale * rng.normal(size=shape)).astype(np.float32)

    def labels(n, c):
        return rng.integers(0, c, size=n).astype(np.int32)

    # every case after the worked example has the same shapes (4 examples, 3 features,
    # 3 classes), so the eager ops compile once
    x_sep = arr(4, 3)
    k_sep, b_sep = arr(3, 3), arr(3)
    y_sep = np.argmax(x_sep @ k_sep + b_sep, axis=-1).astype(np.int32)
    k_big, x_big = arr(3, 3, scale=10.0), arr(4, 3, scale=15.0)
    return [
        Case("worked example", seed=0.0,
             kernel=np.array([[1.0, -1.0], [0.0, 0.0]], np.float32),
             bias=np.array([0.0, 0.5], np.float32),
             x=np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]], np.float32),
             labels=np.array([0, 1, 0], np.int32)),
        Case("every prediction right", seed=1.0, kernel=k_sep, bias=b_sep, x=x_sep, labels=y_sep),
        Case("every prediction wrong", seed=2.0, kernel=k_sep, bias=b_sep, x=x_sep,
             labels=((y_sep + 1) % 3).astype(np.int32)),
        Case("random 4 x 3, 3 classes", seed=3.0, kernel=arr(3, 3), bias=arr(3), x=arr(4, 3),
             labels=labels(4, 3)),
        # logits in the hundreds: exp() of them overflows float32 (above about 88), so a
        # hand-written softmax or log-softmax gives inf / nan where optax's stable one does not
        Case("logits in the hundreds", seed=6.0, kernel=k_big, bias=arr(3), x=x_big,
             labels=labels(4, 3)),
        Case("random 4 x 3, 3 classes (2)", seed=4.0, kernel=arr(3, 3), bias=arr(3), x=arr(4, 3),
             labels=labels(4, 3), hidden=True, probes="another random batch"),
        Case("large logits", seed=5.0, kernel=arr(3, 3, scale=6.0), bias=arr(3),
             x=arr(4, 3, scale=20.0), labels=labels(4, 3), hidden=True,
             probes="logits far beyond 88, where exp() overflows in float32"),
    ]
