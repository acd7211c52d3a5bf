import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(8)

    def arr(*shape, loc=0.0, scale=1.0):
        return (loc + scale * rng.normal(size=shape)).astype(np.float32)

    const = arr(4, 3, 2)
    const[:, 1, :] = 7.0  # sequence 1 never changes
    return [
        Case("worked example", seed=0.0,
             x=np.array([[[1.0], [10.0]], [[3.0], [10.0]], [[5.0], [40.0]]], np.float32),
             gain=np.array([2.0], np.float32)),
        Case("T equals B", seed=1.0, x=arr(3, 3, 2), gain=arr(2)),
        Case("a constant sequence gives zeros", seed=2.0, x=const, gain=np.ones(2, np.float32)),
        Case("one sequence in the batch", seed=3.0, x=arr(5, 1, 3), gain=arr(3)),
        Case("shifted and scaled features", seed=4.0, x=arr(6, 4, 3, loc=5.0, scale=3.0), gain=arr(3)),
        Case("random T=8, B=5, D=4", probes="a longer batch of sequences", seed=5.0, x=arr(8, 5, 4), gain=arr(4), hidden=True),
        Case("random T=2, B=6, D=6", probes="a batch larger than the time axis", seed=6.0, x=arr(2, 6, 6), gain=arr(6), hidden=True),
    ]
