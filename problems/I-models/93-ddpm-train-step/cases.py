import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(93)

    def run(n_steps, b, d, levels):
        return dict(x0=rng.normal(size=(b, d)).astype(np.float32),
                    ts=rng.integers(0, levels, size=(n_steps, b)).astype(np.int32),
                    noises=rng.normal(size=(n_steps, b, d)).astype(np.float32),
                    num_timesteps=float(levels))

    we = dict(x0=np.array([[1.0, -1.0], [0.5, 0.5], [-1.0, 0.0]], np.float32),
              ts=np.array([[0, 5, 9], [3, 3, 3], [9, 0, 1]], np.int32),
              noises=np.array([[[0.1, -0.1], [0.6, 0.1], [-0.5, 0.4]],
                               [[1.3, 0.9], [-0.7, -1.3], [-0.6, 0.0]],
                               [[-2.3, -0.2], [-1.2, -0.7], [-0.5, -0.3]]], np.float32),
              num_timesteps=10.0)
    return [
        Case("worked example", seed=0.0, **we, decay=0.9),
        Case("decay 0: the copy follows the model", seed=0.0, **we, decay=0.0),
        Case("5 steps, 4 points in 3-D, 50 levels", seed=1.0, **run(5, 4, 3, 50), decay=0.8),
        Case("a single step", seed=2.0, **run(1, 4, 3, 50), decay=0.5),
        Case("only the noisiest level", seed=3.0,
             **{**run(4, 4, 3, 50), "ts": np.full((4, 4), 49, np.int32)}, decay=0.9),
        Case("6 steps, another seed", seed=4.0, **run(6, 4, 3, 100), decay=0.7, hidden=True),
        Case("only the cleanest level", seed=5.0,
             **{**run(3, 3, 2, 10), "ts": np.zeros((3, 3), np.int32)}, decay=0.6, hidden=True),
    ]
