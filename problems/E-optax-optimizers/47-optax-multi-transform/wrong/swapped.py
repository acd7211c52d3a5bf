# pitfall: Swapped rates
class Net(nnx.Module):
    def __init__(self, rngs):
        self.backbone = nnx.Linear(3, 4, rngs=rngs)
        self.norm = nnx.LayerNorm(4, rngs=rngs)
        self.head = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.norm(self.backbone(x))))


def part_labels(params):
    def label(path, _):
        top = path[0].key  # the attribute the Param belongs to
        return {"backbone": "body", "norm": "frozen", "head": "head"}[top]

    return jax.tree_util.tree_map_with_path(label, params)


def fine_tune(seed, x, y, lr_body, lr_head, n_steps):
    model = Net(nnx.Rngs(int(seed)))
    tx = optax.multi_transform(
        {
            "body": optax.adamw(float(lr_head), weight_decay=0.1),
            "head": optax.adamw(float(lr_body), weight_decay=0.1),
            "frozen": optax.adamw(0.0, weight_decay=0.1),
        },
        part_labels,
    )
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    losses = []
    for _ in range(int(n_steps)):
        loss, grads = nnx.value_and_grad(loss_fn)(model)
        optimizer.update(model, grads)
        losses.append(loss)
    return (jnp.stack(losses), model.backbone.kernel[...], model.norm.scale[...],
            model.head.kernel[...])
