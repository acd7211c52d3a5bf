import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(38)

    def normal(*shape, std=1.0):
        return (std * rng.normal(size=shape)).astype(np.float32)

    def two_layers(std):
        return {
            "layer1": {"kernel": normal(4, 3, std=std), "bias": normal(3, std=std)},
            "layer2": {"kernel": normal(3, 2, std=std), "bias": normal(2, std=std)},
        }

    return [
        Case("worked example", seed=0.0,
             grads={"w": np.array([[3.0, 0.0], [0.0, 0.0]], np.float32),
                    "b": np.array([0.0, 4.0], np.float32)},
             max_norm=1.0),
        Case("two layers, norm above max_norm", seed=1.0, grads=two_layers(1.0), max_norm=1.0),
        Case("norm below max_norm: unchanged", seed=2.0, grads=two_layers(0.05), max_norm=1.0),
        Case("all-zero gradients", seed=3.0,
             grads={"w": np.zeros((3, 3), np.float32), "b": np.zeros(3, np.float32)},
             max_norm=0.5),
        Case("leaves of very different sizes", seed=4.0,
             grads={"big": normal(5, 4, std=10.0), "small": normal(3, std=0.01),
                    "scalar": np.array(2.0, np.float32)},
             max_norm=2.0),
        Case("random two layers, max_norm 0.5", probes="a pytree of several layers", hidden=True, seed=5.0, grads=two_layers(3.0),
             max_norm=0.5),
        Case("exploding gradients (norm in the thousands)", probes="gradients with a norm in the thousands", hidden=True, seed=6.0,
             grads={"a": normal(6, 6, std=500.0), "b": normal(6, std=1.0)}, max_norm=5.0),
    ]
