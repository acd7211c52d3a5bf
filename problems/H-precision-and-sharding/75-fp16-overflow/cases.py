import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(75)

    def arr(n, c, scale=1.0, loc=0.0):
        return (loc + scale * rng.normal(size=(n, c))).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 2.0, 3.0], [20.0, 10.0, 0.0], [300.0, 400.0, 0.0]], np.float32)),
        Case("small logits", seed=1.0, x=arr(4, 5)),
        Case("logits above 11 overflow exp in float16", seed=2.0, x=arr(3, 6, scale=5.0, loc=15.0)),
        Case("entries above 256 overflow a float16 square", seed=3.0, x=arr(2, 8, scale=400.0)),
        Case("very negative logits", seed=4.0, x=arr(3, 4, scale=3.0, loc=-60.0)),
        Case("many classes, large logits", seed=5.0, x=arr(2, 512, scale=30.0), hidden=True),
        Case("mixed rows", seed=6.0,
             x=np.concatenate([arr(2, 6), arr(2, 6, scale=1000.0)]), hidden=True),
    ]
