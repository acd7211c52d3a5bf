class Net(nnx.Module):
    def __init__(self, rngs):
        self.linear = nnx.Linear(3, 4, rngs=rngs)
        self.bn = nnx.BatchNorm(4, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, x):
        return self.drop(self.bn(self.linear(x)))


def pure_state(seed, x):
    model = Net(nnx.Rngs(int(seed)))
    # Run the model once on x, then return its Params and BatchStats as nested dicts.
    return {}
