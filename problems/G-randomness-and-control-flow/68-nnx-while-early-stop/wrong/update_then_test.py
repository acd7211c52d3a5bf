# pitfall: Updating before testing
def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def grad_norm(model, x, y):
    return optax.global_norm(nnx.grad(loss_fn)(model, x, y))


@nnx.jit
def fit(model, x, y, lr, tol, max_steps):
    def body(carry):
        model, step = carry
        grads = nnx.grad(loss_fn)(model, x, y)
        params = nnx.state(model, nnx.Param)
        nnx.update(model, jax.tree.map(lambda p, g: p - lr * g, params, grads))
        return model, step + 1

    def cond(carry):
        model, step = carry
        return (step < max_steps) & (grad_norm(model, x, y) > tol)

    model, steps = nnx.while_loop(cond, body, body((model, jnp.array(0))))
    return steps


def fit_until_flat(seed, x, y, lr, tol, max_steps):
    model = nnx.Linear(x.shape[-1], 1, rngs=nnx.Rngs(int(seed)))
    steps = fit(model, x, y, float(lr), float(tol), int(max_steps))
    gnorm = grad_norm(model, x, y)
    return model.kernel[...], model.bias[...], jnp.asarray(steps, jnp.float32), gnorm

