# pitfall: A plain list or dict attribute
class MultiTask(nnx.Module):
    def __init__(self, depth, tasks, rngs):
        self.trunk = [nnx.Linear(4, 4, rngs=rngs) for _ in range(depth)]
        self.heads = {task: nnx.Linear(4, 1, rngs=rngs) for task in tasks}

    def __call__(self, x):
        for layer in self.trunk:
            x = nnx.relu(layer(x))
        return {task: head(x) for task, head in self.heads.items()}


def multi_task(seed, x, depth, tasks):
    model = MultiTask(int(depth), list(tasks), nnx.Rngs(int(seed)))
    n_params = sum(p.size for p in jax.tree.leaves(nnx.state(model, nnx.Param)))
    return model(x), jnp.array(n_params, dtype=jnp.int32)
