class MultiTask(nnx.Module):
    def __init__(self, depth, tasks, rngs):
        # self.trunk: `depth` Linear(4, 4) layers; self.heads: one Linear(4, 1) per task.
        pass

    def __call__(self, x):
        # relu(layer(x)) through the trunk, then {task: head(x)} for every head.
        return {}


def multi_task(seed, x, depth, tasks):
    model = MultiTask(int(depth), list(tasks), nnx.Rngs(int(seed)))
    return model(x), jnp.array(0, dtype=jnp.int32)
