class Net(nnx.Module):
    def __init__(self, rngs):
        self.backbone = nnx.Linear(3, 4, rngs=rngs)
        self.head = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.backbone(x)))


trainable = nnx.Param  # narrow this down to the head's Params


def head_grads(model, x, y):
    # (loss, grads) with gradients for the `trainable` Variables only.
    return jnp.array(0.0), nnx.State({})


def train_head_only(seed, x, y, lr, n_steps):
    model = Net(nnx.Rngs(int(seed)))
    losses = jnp.zeros(int(n_steps))
    return losses, model.backbone.kernel[...], model.head.kernel[...]
