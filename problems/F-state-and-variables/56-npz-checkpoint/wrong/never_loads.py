# pitfall: Checking against the model you saved
import io


class Net(nnx.Module):
    def __init__(self, rngs):
        self.layers = nnx.List([nnx.Linear(3, 4, rngs=rngs), nnx.Linear(4, 2, rngs=rngs)])
        self.bn = nnx.BatchNorm(4, rngs=rngs)

    def __call__(self, x):
        return self.layers[1](nnx.relu(self.bn(self.layers[0](x))))


def save_checkpoint(model):
    pure = nnx.to_pure_dict(nnx.state(model, nnx.Any(nnx.Param, nnx.BatchStat)))
    flat = nnx.traversals.flatten_mapping(pure)  # {("layers", 0, "kernel"): array, ...}
    arrays = {"/".join(str(k) for k in path): np.asarray(v) for path, v in flat.items()}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def load_checkpoint(model, data):
    pass


def checkpoint_roundtrip(seed, x_train, x_test):
    model = Net(nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(0.1), wrt=nnx.Param)
    grads = nnx.grad(lambda m: jnp.mean(m(x_train) ** 2))(model)
    optimizer.update(model, grads)

    data = save_checkpoint(model)
    restored = model  # "restore" into the model that was saved
    restored.eval()
    names = sorted(np.load(io.BytesIO(data)).files)
    return names, restored(x_test)
