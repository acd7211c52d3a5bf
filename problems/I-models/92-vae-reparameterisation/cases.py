import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(92)

    def arr(*shape, scale=1.0):
        return (scale * rng.normal(size=shape)).astype(np.float32)

    # three shapes only: each new shape costs a compilation when the step is not jitted
    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]], np.float32),
             eps=np.array([[0.5, -1.0], [0.0, 2.0]], np.float32)),
        Case("zero noise: z is the mean", seed=1.0, x=arr(3, 4), eps=np.zeros((3, 2), np.float32)),
        Case("batch of 4, latent 3", seed=2.0, x=arr(4, 5), eps=arr(4, 3)),
        Case("noise of three standard deviations", seed=3.0, x=arr(3, 4),
             eps=np.full((3, 2), 3.0, np.float32)),
        Case("large inputs, large log-variance", seed=4.0, x=arr(3, 4, scale=4.0), eps=arr(3, 2),
             hidden=True),
        Case("another batch of 4, latent 3", seed=5.0, x=arr(4, 5), eps=arr(4, 3), hidden=True),
    ]
