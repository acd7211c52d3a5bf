import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(19)

    def vec(n):
        return rng.normal(size=n).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             params_arr=np.array([1.0, 2.0, 3.0, 4.0], np.float32),
             ema_arr=np.zeros(4, np.float32), decay=0.9),
        Case("decay 0.0 copies params", seed=1.0, params_arr=vec(5), ema_arr=vec(5), decay=0.0),
        Case("decay 0.5 is the midpoint", seed=2.0,
             params_arr=np.array([2.0, -4.0, 6.0], np.float32),
             ema_arr=np.array([0.0, 0.0, 2.0], np.float32), decay=0.5),
        Case("diffusion-style decay 0.999", seed=3.0, params_arr=vec(6), ema_arr=vec(6), decay=0.999),
        Case("single element", seed=4.0, params_arr=vec(1), ema_arr=vec(1), decay=0.75),
        Case("random 16, decay 0.99", probes="a decay close to 1", seed=5.0, params_arr=vec(16), ema_arr=vec(16), decay=0.99, hidden=True),
        Case("random 32, decay 0.3", probes="a small decay", seed=6.0, params_arr=vec(32), ema_arr=vec(32), decay=0.3, hidden=True),
    ]
