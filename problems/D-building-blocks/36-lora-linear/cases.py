import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(36)

    def normal(*shape, std=1.0):
        return (std * rng.normal(size=shape)).astype(np.float32)

    def layer(din, dout, rank, lead=(5,), b_zero=False):
        return dict(
            x=normal(*lead, din),
            kernel=normal(din, dout, std=din ** -0.5),
            bias=normal(dout, std=0.1),
            lora_a=normal(din, rank, std=din ** -0.5),
            lora_b=np.zeros((rank, dout), np.float32) if b_zero else normal(rank, dout, std=0.5),
        )

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, 2.0]], np.float32),
             kernel=np.eye(2, dtype=np.float32), bias=np.zeros(2, np.float32),
             lora_a=np.array([[1.0], [0.0]], np.float32),
             lora_b=np.array([[0.0, 1.0]], np.float32), alpha=2.0, lr=0.1),
        Case("6 -> 4, rank 2, alpha 4", seed=1.0, **layer(6, 4, 2), alpha=4.0, lr=0.05),
        Case("fresh adapter (lora_b = 0): output equals the base layer", seed=2.0,
             **layer(6, 4, 2, b_zero=True), alpha=16.0, lr=0.1),
        Case("rank 4, alpha 1: a small scale", seed=3.0, **layer(8, 6, 4), alpha=1.0, lr=0.2),
        Case("3-D input (batch, tokens, features)", seed=4.0, **layer(4, 4, 2, lead=(2, 3)),
             alpha=8.0, lr=0.1),
        Case("random 6 -> 4, rank 2, alpha 12", probes="other shapes and alpha", hidden=True, seed=5.0, **layer(6, 4, 2),
             alpha=12.0, lr=0.05),
        Case("rank 1, alpha 32", probes="rank 1, where alpha / r is largest", hidden=True, seed=6.0, **layer(6, 5, 1, lead=(4,)),
             alpha=32.0, lr=0.01),
    ]
