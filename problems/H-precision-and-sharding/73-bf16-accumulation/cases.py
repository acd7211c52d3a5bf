import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(73)

    def grads(k, d, loc=0.0, scale=1.0):
        return (loc + scale * rng.normal(size=(k, d))).astype(np.float32)

    return [
        Case("worked example", seed=0.0, micro_grads=np.full((1000, 2), 0.01, np.float32)),
        Case("a single micro-batch", seed=1.0, micro_grads=grads(1, 4)),
        Case("ten micro-batches", seed=2.0, micro_grads=grads(10, 3)),
        Case("many small gradients with a common sign", seed=3.0,
             micro_grads=grads(2000, 3, loc=0.02, scale=0.005)),
        Case("a large first gradient, then small ones", seed=4.0,
             micro_grads=np.concatenate([np.full((1, 2), 8.0, np.float32),
                                         np.full((511, 2), 0.01, np.float32)])),
        Case("4096 micro-batches", seed=5.0, micro_grads=grads(4096, 2, loc=0.05, scale=0.01),
             hidden=True),
        Case("mixed signs, large count", seed=6.0, micro_grads=grads(3000, 4, loc=-0.01,
                                                                     scale=0.02), hidden=True),
    ]
