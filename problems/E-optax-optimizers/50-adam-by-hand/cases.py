import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(50)

    def tree(scale=1.0):
        return {"w": (scale * rng.normal(size=(3, 2))).astype(np.float32),
                "b": (scale * rng.normal(size=2)).astype(np.float32)}

    def case(name, count, lr=0.01, b1=0.9, b2=0.999, eps=1e-8, gscale=1.0, fresh=False,
             hidden=False):
        params, grads = tree(), tree(gscale)
        if fresh:
            mu = {k: np.zeros_like(v) for k, v in params.items()}
            nu = {k: np.zeros_like(v) for k, v in params.items()}
        else:
            mu = tree(0.1 * gscale)
            nu = {k: np.abs(v) for k, v in tree(0.1 * gscale * gscale).items()}
        return Case(name, seed=0.0, params=params, grads=grads, mu=mu, nu=nu, count=count,
                    lr=lr, b1=b1, b2=b2, eps=eps, hidden=hidden)

    return [
        Case("worked example", seed=0.0, params={"w": np.array([1.0, -1.0], np.float32)},
             grads={"w": np.array([0.5, -2.0], np.float32)},
             mu={"w": np.zeros(2, np.float32)}, nu={"w": np.zeros(2, np.float32)},
             count=0.0, lr=0.1, b1=0.9, b2=0.999, eps=1e-8),
        case("first update from zero moments", 0.0, fresh=True),
        case("update 5", 4.0),
        case("late update: corrections near 1", 5000.0, lr=0.001),
        case("tiny gradients: eps matters", 3.0, eps=1e-3, gscale=1e-3),
        case("other betas", 10.0, lr=0.05, b1=0.5, b2=0.9, hidden=True),
        case("tiny gradients, default eps", 0.0, gscale=1e-5, fresh=True, hidden=True),
        case("update 2", 1.0, lr=0.1, hidden=True),
    ]
