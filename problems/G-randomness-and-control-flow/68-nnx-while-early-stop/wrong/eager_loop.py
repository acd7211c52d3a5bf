# pitfall: An eager Python loop
def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def grad_norm(model, x, y):
    return optax.global_norm(nnx.grad(loss_fn)(model, x, y))


def fit_until_flat(seed, x, y, lr, tol, max_steps):
    model = nnx.Linear(x.shape[-1], 1, rngs=nnx.Rngs(int(seed)))
    step = 0
    while step < int(max_steps) and float(grad_norm(model, x, y)) > float(tol):
        grads = nnx.grad(loss_fn)(model, x, y)
        params = nnx.state(model, nnx.Param)
        nnx.update(model, jax.tree.map(lambda p, g: p - float(lr) * g, params, grads))
        step += 1
    return model.kernel[...], model.bias[...], jnp.array(float(step)), grad_norm(model, x, y)
