import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(41)

    def normal(*shape, loc=0.0, std=1.0):
        return (loc + std * rng.normal(size=shape)).astype(np.float32)

    def params(width, ff):
        def ln():
            return {"scale": normal(width, loc=1.0, std=0.2), "bias": normal(width, std=0.2)}

        def w(din, dout):
            return normal(din, dout, std=din ** -0.5)

        return {
            "ln1": ln(),
            "attn": {"wq": w(width, width), "wk": w(width, width),
                     "wv": w(width, width), "wo": w(width, width)},
            "ln2": ln(),
            "mlp": {"w1": w(width, ff), "b1": normal(ff, std=0.1),
                    "w2": w(ff, width), "b2": normal(width, std=0.1)},
        }

    eye = np.eye(4, dtype=np.float32)
    identity_block = {
        "ln1": {"scale": np.ones(4, np.float32), "bias": np.zeros(4, np.float32)},
        "attn": {"wq": eye, "wk": eye.copy(), "wv": eye.copy(), "wo": np.zeros((4, 4), np.float32)},
        "ln2": {"scale": np.ones(4, np.float32), "bias": np.zeros(4, np.float32)},
        "mlp": {"w1": np.ones((4, 8), np.float32), "b1": np.zeros(8, np.float32),
                "w2": np.zeros((8, 4), np.float32), "b2": np.zeros(4, np.float32)},
    }
    # centred on zero, so E[x^2] - E[x]^2 (nnx.LayerNorm's fast variance) is as exact as the
    # two-pass formula and only eps separates the answers
    low_variance = normal(2, 4, 8)
    low_variance[0, 1] = 1e-3 * np.array([1, -1, 1, -1, -1, 1, -1, 1])  # variance 1e-6
    low_variance_2 = normal(2, 4, 8)
    low_variance_2[1, :2] = 2e-3 * np.array([[1, -1, -1, 1, 1, -1, 1, -1]] * 2)  # 4e-6
    return [
        Case("worked example", seed=0.0,
             x=np.array([[[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [1.0, 1.0, -1.0, 1.0]]],
                        np.float32),
             params=identity_block, num_heads=2.0),
        Case("batch 2, 4 tokens, width 8, 2 heads", seed=1.0, x=normal(2, 4, 8),
             params=params(8, 32), num_heads=2.0),
        Case("inputs far from zero mean", seed=2.0, x=normal(2, 4, 8, loc=4.0, std=2.0),
             params=params(8, 32), num_heads=2.0),
        Case("a single token", seed=3.0, x=normal(2, 1, 8), params=params(8, 32), num_heads=4.0),
        Case("one head", seed=4.0, x=normal(2, 4, 8), params=params(8, 32), num_heads=1.0),
        Case("random 2 x 6 x 12, 3 heads", hidden=True, seed=5.0, x=normal(2, 6, 12),
             params=params(12, 48), num_heads=3.0, probes="a wider block with 3 heads"),
        Case("large activations", hidden=True, seed=6.0, x=normal(2, 4, 8, std=10.0),
             params=params(8, 32), num_heads=2.0, probes="activations ten times larger"),
        # one token whose features barely vary (variance about 1e-6): there eps = 1e-6 and
        # PyTorch's 1e-5 give visibly different normalised values
        Case("a token with almost constant features", seed=7.0, x=low_variance,
             params=params(8, 32), num_heads=2.0),
        Case("almost constant tokens", hidden=True, seed=8.0, x=low_variance_2,
             params=params(8, 32), num_heads=2.0,
             probes="tokens whose features have a variance near eps, so eps itself matters"),
    ]
