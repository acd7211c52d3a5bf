# pitfall: Differentiating everything
class Net(nnx.Module):
    def __init__(self, rngs):
        self.backbone = nnx.Linear(3, 4, rngs=rngs)
        self.head = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.backbone(x)))


trainable = nnx.All(nnx.Param, nnx.PathContains("head"))


def head_grads(model, x, y):
    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    return nnx.value_and_grad(loss_fn)(model)


def train_head_only(seed, x, y, lr, n_steps):
    model = Net(nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adamw(float(lr), weight_decay=0.1), wrt=trainable)
    losses = []
    for _ in range(int(n_steps)):
        loss, grads = head_grads(model, x, y)
        optimizer.update(model, grads)
        losses.append(loss)
    return jnp.stack(losses), model.backbone.kernel[...], model.head.kernel[...]
