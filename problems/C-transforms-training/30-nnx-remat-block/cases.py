import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(30)

    # width 2 and batch 4 everywhere: the number of blocks varies, the op shapes do not
    def arr(*shape, scale=1.0):
        return (scale * rng.normal(size=shape)).astype(np.float32)

    def case(name, seed, n_blocks, hidden=False, probes=None):
        x = arr(4, 2)
        return Case(name, seed=seed, ws=arr(n_blocks, 2, 2, scale=0.7), bs=arr(n_blocks, 2, scale=0.1),
                    x=x, y=np.roll(x, 1, axis=1), hidden=hidden, probes=probes)

    x_we = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.5]], np.float32)
    return [
        Case("worked example", seed=0.0,
             ws=np.array([[[0.5, 0.0], [0.0, 0.5]], [[0.0, -0.5], [0.5, 0.0]]], np.float32),
             bs=np.zeros((2, 2), np.float32), x=x_we, y=x_we[:, ::-1].copy()),
        case("a single block", 1.0, 1),
        case("three blocks", 2.0, 3),
        Case("zero weights: each block adds tanh(b)", seed=3.0, ws=np.zeros((3, 2, 2), np.float32),
             bs=arr(3, 2, scale=0.5), x=arr(4, 2), y=arr(4, 2)),
        case("six blocks", 4.0, 6, hidden=True, probes="a deeper network"),
        case("four blocks", 5.0, 4, hidden=True, probes="other weights"),
    ]
