import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(9)

    def mlp(*sizes, scale=1.0):
        tree = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            tree[f"layer{i}"] = {"w": (scale * rng.normal(size=(a, b))).astype(np.float32),
                                 "b": (scale * rng.normal(size=b)).astype(np.float32)}
        return tree

    def zeros_like(tree):
        return {k: {n: np.zeros_like(a) for n, a in v.items()} for k, v in tree.items()}

    first = mlp(3, 4, 2)
    return [
        Case("worked example", seed=0.0,
             params={"w": np.array([1.0, 2.0], np.float32), "b": np.array([0.5], np.float32)},
             grads={"w": np.array([0.1, -0.2], np.float32), "b": np.array([1.0], np.float32)},
             velocity={"w": np.array([1.0, 1.0], np.float32), "b": np.array([0.0], np.float32)},
             lr=0.1, momentum=0.9),
        Case("first step: velocity starts at zero", seed=1.0, params=first,
             grads=mlp(3, 4, 2), velocity=zeros_like(first), lr=0.01, momentum=0.9),
        Case("momentum 0 is plain SGD", seed=2.0, params=mlp(2, 3), grads=mlp(2, 3),
             velocity=mlp(2, 3), lr=0.5, momentum=0.0),
        Case("nested two-layer MLP", seed=3.0, params=mlp(4, 3, 2), grads=mlp(4, 3, 2, scale=0.1),
             velocity=mlp(4, 3, 2, scale=0.1), lr=0.1, momentum=0.9),
        Case("three layers, heavy momentum", seed=4.0, params=mlp(2, 5, 3, 1),
             grads=mlp(2, 5, 3, 1), velocity=mlp(2, 5, 3, 1), lr=0.05, momentum=0.99),
        Case("random 5-4-3 MLP", probes="a deeper pytree of layers", seed=5.0, params=mlp(5, 4, 3), grads=mlp(5, 4, 3),
             velocity=mlp(5, 4, 3), lr=0.2, momentum=0.5, hidden=True),
        Case("random wide layer", probes="a wider layer", seed=6.0, params=mlp(8, 6), grads=mlp(8, 6),
             velocity=mlp(8, 6), lr=0.001, momentum=0.95, hidden=True),
    ]
