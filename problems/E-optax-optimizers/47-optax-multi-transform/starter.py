class Net(nnx.Module):
    def __init__(self, rngs):
        self.backbone = nnx.Linear(3, 4, rngs=rngs)
        self.norm = nnx.LayerNorm(4, rngs=rngs)
        self.head = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.norm(self.backbone(x))))


def fine_tune(seed, x, y, lr_body, lr_head, n_steps):
    model = Net(nnx.Rngs(int(seed)))
    # optax.multi_transform with three labels: "body", "head", "frozen".
    losses = jnp.zeros(int(n_steps))
    return (losses, model.backbone.kernel[...], model.norm.scale[...],
            model.head.kernel[...])
