import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(66)

    def batches(t, b=5, d=2):
        x = rng.normal(size=(t, b, d)).astype(np.float32)
        y = rng.normal(size=(t, b, 1)).astype(np.float32)
        return x, y

    x0 = np.array([[[1.0, 0.0], [0.0, 1.0]], [[np.nan, 0.0], [0.0, 1.0]],
                   [[1.0, 0.0], [0.0, 1.0]]], np.float32)
    y0 = np.array([[[1.0], [-1.0]], [[1.0], [-1.0]], [[1.0], [-1.0]]], np.float32)
    xa, ya = batches(4)
    xb, yb = batches(5)
    xb[1, 2, 0] = np.nan
    xb[3] *= 1000.0
    xc, yc = batches(3)
    xd, yd = batches(6)
    xd[0, 0, 1] = np.inf
    xd[2] *= 300.0
    xd[4, 1, 0] = np.nan
    # Zero inputs and targets of 1.5 in batches of 4: the kernel's gradient is 0 and the
    # bias's is exactly -3 (bias starts at 0), so the first step's norm equals max_norm = 3.
    edge = np.random.default_rng(660)
    xe = np.concatenate([np.zeros((1, 4, 2), np.float32),
                         edge.normal(size=(2, 4, 2)).astype(np.float32)])
    ye = np.concatenate([np.full((1, 4, 1), 1.5, np.float32),
                         edge.normal(size=(2, 4, 1)).astype(np.float32)])
    return [
        Case("worked example", seed=0.0, xs=x0, ys=y0, lr=0.1, max_norm=10.0),
        Case("all steps healthy", seed=1.0, xs=xa, ys=ya, lr=0.1, max_norm=100.0),
        Case("a NaN batch and a huge batch", seed=2.0, xs=xb, ys=yb, lr=0.1, max_norm=50.0),
        Case("a tiny max_norm skips every step", seed=3.0, xs=xc, ys=yc, lr=0.1, max_norm=1e-6),
        Case("a single step", seed=4.0, xs=xa[:1], ys=ya[:1], lr=0.5, max_norm=100.0),
        Case("inf, huge and NaN batches", seed=5.0, xs=xd, ys=yd, lr=0.05, max_norm=20.0,
             hidden=True),
        Case("a huge batch right at the start", seed=6.0, xs=np.concatenate([xb[3:4], xa]),
             ys=np.concatenate([yb[3:4], ya]), lr=0.1, max_norm=50.0, hidden=True),
        Case("a gradient norm exactly max_norm", seed=7.0, xs=xe, ys=ye, lr=0.1, max_norm=3.0,
             hidden=True, probes="a gradient norm exactly equal to max_norm, which is still applied"),
    ]
