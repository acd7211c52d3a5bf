import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(74)

    def problem(n, d, x_scale, r_scale):
        w = rng.normal(size=d).astype(np.float32)
        x = (x_scale * rng.normal(size=(n, d))).astype(np.float32)
        y = (x @ w + r_scale * rng.normal(size=n)).astype(np.float32)
        return dict(w=w, x=x, y=y)

    w0 = np.array([1.0, -1.0], np.float32)
    x0 = np.array([[1e-3, 2e-3], [3e-3, -1e-3]], np.float32)
    y0 = (x0 @ w0 + np.array([2e-5, -3e-5], np.float32)).astype(np.float32)
    tiny = problem(8, 3, 1e-3, 2e-5)
    n_big = 16
    rng2 = np.random.default_rng(740)
    big_targets = dict(w=rng2.normal(size=3).astype(np.float32),
                       x=(1e-3 * rng2.normal(size=(n_big, 3))).astype(np.float32),
                       y=np.where(np.arange(n_big) % 2 == 0, 10.0, -10.0).astype(np.float32))
    return [
        Case("worked example", seed=0.0, w=w0, x=x0, y=y0, scale=1024.0),
        Case("scale 1 is no scaling at all", seed=0.0, w=w0, x=x0, y=y0, scale=1.0),
        Case("tiny gradients, scale 32768", seed=1.0, **tiny, scale=32768.0),
        Case("an overflow skips the step and halves the scale", seed=2.0, w=w0, x=1000 * x0, y=y0,
             scale=32768.0),
        Case("gradients of ordinary size", seed=3.0, **problem(6, 3, 1.0, 0.5), scale=8.0),
        Case("tiny gradients, four features", seed=4.0, **problem(8, 4, 2e-3, 1e-5),
             scale=4096.0, hidden=True),
        Case("a large residual overflows at scale 1024", seed=5.0, **problem(4, 2, 30.0, 50.0),
             scale=1024.0, hidden=True),
        Case("targets of +-10 at scale 32768", seed=6.0, **big_targets, scale=32768.0, hidden=True,
             probes="a scaled loss that overflows while every gradient stays finite"),
    ]
