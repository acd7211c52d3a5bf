# pitfall: The path without the type
class Net(nnx.Module):
    def __init__(self, rngs):
        self.backbone = nnx.Linear(3, 4, rngs=rngs)
        self.head = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.backbone(x)))


# mistake: the path alone (no type), "everything under head"
trainable = nnx.PathContains("head")


def head_grads(model, x, y):
    return nnx.value_and_grad(lambda m: jnp.mean((m(x) - y) ** 2),
                              argnums=nnx.DiffState(0, trainable))(model)


def train_head_only(seed, x, y, lr, n_steps):
    model = Net(nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adamw(lr, weight_decay=0.1), wrt=trainable)
    losses = []
    for _ in range(int(n_steps)):
        loss, grads = head_grads(model, x, y)
        losses.append(loss)
        optimizer.update(model, grads)
    return jnp.stack(losses), model.backbone.kernel[...], model.head.kernel[...]
